import { HeaderMap, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { GraphQLHttpHandler } from '../platform/http.ts';

/*
 * Step 1 of the gateway's pipeline (see gateway/README.md): the request's shape. The gateway takes
 * exactly one operation per HTTP POST, as a JSON object with the operation in a "query" string.
 * Apollo Server would take GraphQL over GET and answer these cases with its own words after
 * making the context, so the check stands in front of it, before the caller is even verified.
 */

/** A GraphQL error answered by the gateway itself, before Apollo Server sees the request. */
export function refusal(status: number, message: string, code: string): HTTPGraphQLResponse {
  return {
    status,
    headers: new HeaderMap([['content-type', 'application/json']]),
    body: { kind: 'complete', string: JSON.stringify({ errors: [{ message, extensions: { code } }] }) },
  };
}

/** Why the request is not one operation in a JSON POST body; null when it is. */
export function refusedShape(request: HTTPGraphQLRequest): HTTPGraphQLResponse | null {
  if (request.method !== 'POST') return refusal(405, 'Send GraphQL as an HTTP POST with a JSON body', 'METHOD_NOT_ALLOWED');
  const { body } = request;
  if (Array.isArray(body)) return refusal(400, 'Batched requests are not accepted: send one operation per request', 'BATCH_NOT_ACCEPTED');
  if (!body || typeof body !== 'object' || typeof (body as { query?: unknown }).query !== 'string') {
    return refusal(400, 'The body must be a JSON object with the operation in a "query" string', 'BAD_REQUEST');
  }
  return null;
}

/** `apollo`, answering only requests of the right shape and refusing the others itself. */
export function oneOperationPerPost<C extends BaseContext>(apollo: GraphQLHttpHandler<C>): GraphQLHttpHandler<C> {
  return {
    executeHTTPGraphQLRequest: async (request) => refusedShape(request.httpGraphQLRequest) ?? apollo.executeHTTPGraphQLRequest(request),
  };
}
