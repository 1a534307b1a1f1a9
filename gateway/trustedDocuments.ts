/**
 * Trusted documents (persisted queries, safelisting): a client may send the id of a document
 * registered in a persisted query manifest instead of its text, and callers of the roles named in
 * `requiredFor` (apps such as the dashboard) may send registered documents only, so a token taken
 * from a wall screen cannot ask the graph anything its app does not. Other roles (analysts) keep
 * writing their own queries. See docs/security.md, "Trusted documents".
 *
 * It stands in front of the request-shape check (requestShape.ts): a request by id becomes the
 * same request with the registered text, and everything after it runs as for any other.
 */
import fs from 'node:fs';
import { bundleManifestFile } from '../dashboard/build.ts';
import type { HTTPGraphQLRequest } from '@apollo/server';
import type { Role } from '../platform/auth/roles.ts';
import { ConfigError, type HubConfig } from '../platform/config.ts';
import type { GraphQLHttpHandler } from '../platform/http.ts';
import type { Logger } from '../platform/logger.ts';
import { documentIdOf, readManifest } from '../platform/persistedQueryManifest.ts';
import type { GatewayContext } from './context.ts';
import { refusal } from './requestShape.ts';

export interface TrustedDocumentsOptions {
  /** The persisted query manifest (Apollo's format), read again whenever the file changes. */
  manifestFile: string;
  /** Roles that may run registered documents only; the others may also send their own. */
  requiredFor: readonly Role[];
}

type Params = Record<string, unknown>;

const isObject = (value: unknown): value is Params => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The manifest's documents by id, read again when the file changes. A missing or unusable file
 * registers nothing: ids are unknown and the roles that need registered documents get none.
 */
function manifestDocuments(file: string, logger: Logger): () => Map<string, string> {
  let seen: string | undefined;
  let documents = new Map<string, string>();
  return () => {
    let stamp = 'missing';
    try {
      const stat = fs.statSync(file);
      stamp = `${stat.mtimeMs} ${stat.size}`;
    } catch {
      // No manifest (yet: development builds the dashboard on its first visit).
    }
    if (stamp === seen) return documents;
    seen = stamp;
    documents = new Map();
    if (stamp === 'missing') return documents;
    try {
      documents = readManifest(fs.readFileSync(file, 'utf8'));
      logger.info({ file, documents: documents.size }, 'persisted query manifest read');
    } catch (error) {
      logger.error({ file, problem: (error as Error).message }, 'persisted query manifest not usable: no document is registered');
    }
    return documents;
  };
}

/** The request's parameters: its JSON body (POST) or its URL's (GET); null for any other shape, left to requestShape.ts. */
function paramsOf(request: HTTPGraphQLRequest): Params | null {
  if (request.method === 'POST') return isObject(request.body) ? request.body : null;
  if (request.method !== 'GET') return null;
  const params: Params = Object.fromEntries(new URLSearchParams(request.search));
  if (typeof params.extensions === 'string') {
    try {
      params.extensions = JSON.parse(params.extensions);
    } catch {
      // Left as it is, for Apollo Server to refuse in its own words.
    }
  }
  return params;
}

function withParams(request: HTTPGraphQLRequest, params: Params): HTTPGraphQLRequest {
  if (request.method === 'POST') return { ...request, body: params };
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return { ...request, search: `?${search}` };
}

/**
 * The document id a request names: `documentId` (GraphQL over HTTP's persisted documents, Hive),
 * bare or as `sha256:<hash>`, or Apollo's `extensions.persistedQuery.sha256Hash`.
 */
function requestedId(params: Params): string | undefined {
  if (typeof params.documentId === 'string') return params.documentId.replace(/^sha256:/, '');
  const persisted = isObject(params.extensions) ? params.extensions.persistedQuery : undefined;
  return isObject(persisted) && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/** The parameters with the registered text in place of the id, as Apollo Server takes them. */
function resolved(params: Params, body: string): Params {
  const { documentId: _, extensions, ...rest } = params;
  const { persistedQuery: __, ...otherExtensions } = isObject(extensions) ? extensions : {};
  return { ...rest, query: body, ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}) };
}

/** Unless configured: the dashboard's manifest, from the bundle the gateway serves, required of no role. */
const byDefault: TrustedDocumentsOptions = { manifestFile: bundleManifestFile, requiredFor: [] };

/**
 * The configured settings. Production refuses to start when a role must use registered documents
 * and there is no manifest: every request of that role would be refused.
 */
export function configuredTrustedDocuments(config: Pick<HubConfig, 'mode' | 'trustedDocuments'>): TrustedDocumentsOptions {
  const { requiredFor, manifestFile = byDefault.manifestFile } = config.trustedDocuments;
  if (config.mode === 'production' && requiredFor.length > 0 && !fs.existsSync(manifestFile)) {
    throw new ConfigError([
      `CRG_TRUSTED_DOCUMENTS_ROLES is ${requiredFor.join(',')} but there is no persisted query manifest at ${manifestFile}: ` +
        'build the dashboard (`npm run dashboard:build`) or set CRG_TRUSTED_DOCUMENTS_FILE',
    ]);
  }
  return { manifestFile, requiredFor };
}

/** `handler`, taking registered documents by id and refusing unregistered ones to the roles that must not send them. */
export function trustedDocuments<C extends GatewayContext>(
  handler: GraphQLHttpHandler<C>,
  options: TrustedDocumentsOptions = byDefault,
  logger: Logger,
): GraphQLHttpHandler<C> {
  const documents = manifestDocuments(options.manifestFile, logger);
  const requiredFor = new Set<Role>(options.requiredFor);
  return {
    async executeHTTPGraphQLRequest(request) {
      const params = paramsOf(request.httpGraphQLRequest);
      if (!params) return handler.executeHTTPGraphQLRequest(request);
      const id = requestedId(params);
      if (id !== undefined) {
        const body = documents().get(id);
        if (body === undefined) {
          return refusal(
            404,
            `No registered document has the id ${JSON.stringify(id)}: send an id from the gateway's persisted query manifest`,
            'PERSISTED_DOCUMENT_NOT_FOUND',
          );
        }
        if (typeof params.query === 'string' && params.query !== body) {
          return refusal(
            400,
            `The query sent is not the registered document ${id}: send the id or the text, not both`,
            'PERSISTED_DOCUMENT_MISMATCH',
          );
        }
        return handler.executeHTTPGraphQLRequest({
          ...request,
          httpGraphQLRequest: withParams(request.httpGraphQLRequest, resolved(params, body)),
        });
      }
      if (requiredFor.size === 0 || typeof params.query !== 'string') return handler.executeHTTPGraphQLRequest(request);
      // A document of the caller's own: who is calling decides. The caller is verified once, here,
      // and Apollo Server gets the same context (or the same refusal, unauthenticated or rate-limited).
      const context = request.context();
      const role = await context.then(
        (value) => value.identity.role,
        () => null,
      );
      if (role && requiredFor.has(role) && !documents().has(documentIdOf(params.query))) {
        return refusal(
          403,
          `The ${role} role may run registered documents only: send the id of an operation in the gateway's persisted query manifest (documentId) instead of a query of its own`,
          'PERSISTED_DOCUMENT_REQUIRED',
        );
      }
      return handler.executeHTTPGraphQLRequest({ ...request, context: () => context });
    },
  };
}
