import { HeaderMap, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { GraphQLHttpHandler } from '../platform/http.ts';

/*
 * Step 1 of the gateway's pipeline (see gateway/README.md): the request's shape. The gateway takes
 * exactly one operation per request: by POST, a JSON object with the operation in a "query"
 * string; by GET (queries only, as the GraphQL-over-HTTP spec has it), the operation in one
 * "query" URL parameter. Apollo Server would take batches and answer these cases with its own
 * words after making the context, so the check stands in front of it, before the caller is even
 * verified. A mutation sent by GET is refused by Apollo Server once the operation is parsed (405,
 * `Allow: POST`), before authorization or any subgraph sees it.
 */

/** The methods GraphQL is served by, as a 405 names them. */
export const graphqlMethods = 'GET, POST';

/** A GraphQL error answered by the gateway itself, before Apollo Server sees the request. */
export function refusal(status: number, message: string, code: string, headers: [string, string][] = []): HTTPGraphQLResponse {
  return {
    status,
    headers: new HeaderMap([['content-type', 'application/json'], ...headers]),
    body: { kind: 'complete', string: JSON.stringify({ errors: [{ message, extensions: { code } }] }) },
  };
}

/** Why the request is not one operation, in a JSON POST body or a GET's URL; null when it is. */
export function refusedShape(request: HTTPGraphQLRequest): HTTPGraphQLResponse | null {
  if (request.method === 'GET') {
    const queries = new URLSearchParams(request.search).getAll('query');
    if (queries.length !== 1 || queries[0] === '') {
      return refusal(400, 'A GET request carries its operation in one "query" URL parameter', 'BAD_REQUEST');
    }
    return null;
  }
  if (request.method !== 'POST') {
    return refusal(405, 'Send GraphQL by POST with a JSON body, or a query by GET with URL parameters', 'METHOD_NOT_ALLOWED', [
      ['allow', graphqlMethods],
    ]);
  }
  const { body } = request;
  if (Array.isArray(body)) return refusal(400, 'Batched requests are not accepted: send one operation per request', 'BATCH_NOT_ACCEPTED');
  if (!body || typeof body !== 'object' || typeof (body as { query?: unknown }).query !== 'string') {
    return refusal(400, 'The body must be a JSON object with the operation in a "query" string', 'BAD_REQUEST');
  }
  return null;
}

/** `apollo`, answering only requests of the right shape and refusing the others itself. */
export function oneOperationPerRequest<C extends BaseContext>(apollo: GraphQLHttpHandler<C>): GraphQLHttpHandler<C> {
  return {
    executeHTTPGraphQLRequest: async (request) => refusedShape(request.httpGraphQLRequest) ?? apollo.executeHTTPGraphQLRequest(request),
  };
}
