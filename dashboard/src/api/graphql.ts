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

export async function requestGraphQL<T>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: GraphQLError[] };
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
