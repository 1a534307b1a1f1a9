/** One GraphQL request to the hub's public API, and what the dashboard needs to know of its answer. */

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; subgraph?: string; [key: string]: unknown };
}

export interface Answer<T> {
  data: T | null;
  errors: GraphQLError[];
  /** Subgraphs the gateway could not reach: their fields are null, everything else is complete. */
  unavailable: string[];
  /** Scopes the caller's role lacks for fields it asked for (those fields are null). */
  missingScopes: string[];
  /** Fields the gateway refused to the caller's role (`Type.field`), named even when the request skipped them. */
  refusedFields: string[];
}

export class SignInRequired extends Error {}

/**
 * An error a view works around: a field refused to the caller's role, or a sector the gateway
 * could not reach. An answer without data is passed to the view only when every error is one of
 * these; any other (an internal error beside a refusal, say) is reported as it is.
 */
export function isWorkedAround(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  if (code === 'SUBGRAPH_UNAVAILABLE') return true;
  return code === 'FORBIDDEN' && (typeof error.extensions?.field === 'string' || Array.isArray(error.extensions?.missingScopes));
}

// Set by the build (dashboard/build.ts): the id of each operation of the views, by its name, as
// registered in the bundle's persisted query manifest. Absent where no build ran (unit tests).
declare const __DASHBOARD_DOCUMENT_IDS__: Record<string, string> | undefined;
const documentIds: Record<string, string> = typeof __DASHBOARD_DOCUMENT_IDS__ === 'undefined' ? {} : __DASHBOARD_DOCUMENT_IDS__;

/** The registered id of an operation, found by its name; undefined for one the build did not register. */
export function documentIdOf(query: string): string | undefined {
  const name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
  return name ? documentIds[name] : undefined;
}

async function post<T>(request: Record<string, unknown>, token: string) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: GraphQLError[] };
  return { response, body };
}

/**
 * Sends a registered operation by its id, as a gateway that runs only registered documents
 * requires (docs/security.md, "Trusted documents"). A gateway that does not know the id (another
 * manifest) gets the text instead, which it runs unless it requires registered documents.
 */
export async function requestGraphQL<T>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const id = documentIdOf(query);
  let { response, body } = await post<T>(id ? { documentId: `sha256:${id}`, variables } : { query, variables }, token);
  if (id && body.errors?.some((e) => e.extensions?.code === 'PERSISTED_DOCUMENT_NOT_FOUND')) {
    ({ response, body } = await post<T>({ query, variables }, token));
  }
  const errors = body.errors ?? [];
  if (response.status === 401 || errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) throw new SignInRequired();
  const unavailable = [
    ...new Set(errors.filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE').map((e) => String(e.extensions?.subgraph))),
  ];
  const missingScopes = [
    ...new Set(
      errors.flatMap((e) =>
        e.extensions?.code === 'FORBIDDEN' && Array.isArray(e.extensions.missingScopes) ? (e.extensions.missingScopes as string[]) : [],
      ),
    ),
  ];
  const refusedFields = [
    ...new Set(
      errors.flatMap((e) => (e.extensions?.code === 'FORBIDDEN' && typeof e.extensions.field === 'string' ? [e.extensions.field] : [])),
    ),
  ];
  if (!body.data && errors.length > 0 && !errors.every(isWorkedAround)) throw new Error(errors.map((e) => e.message).join('; '));
  return { data: body.data ?? null, errors, unavailable, missingScopes, refusedFields };
}
