import type { BaseContext, HTTPGraphQLResponse } from '@apollo/server';
import type { GraphQLHttpHandler } from '../platform/http.ts';

/*
 * The last step of the gateway's pipeline (see gateway/README.md): the HTTP status an answer is
 * sent with follows the media type the caller accepted, as the GraphQL-over-HTTP spec gives each.
 *
 * - `application/graphql-response+json`: a request error (the document does not parse or does not
 *   validate, the gateway's limits included; the variables do not fit; no operation by that name)
 *   is 400, as Apollo Server sends it.
 * - `application/json` (also what a caller gets who sends no Accept header): the status of a
 *   well-formed request is 200 whatever errors its answer holds, and the caller reads them in
 *   `errors`, where their codes are the same under both.
 *
 * A request that is not well formed (not JSON, no "query", a batch, the wrong method) is refused
 * with its 4xx under both, and so are a caller without a valid token (401) and one over its rate
 * (429): those are not GraphQL request errors.
 */

/** The codes of GraphQL request errors: the errors of a well-formed request that never ran. */
const requestErrorCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

const isJson = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/** Whether `body`, a 400 answer, holds only request errors (and, as every request error, no data). */
function onlyRequestErrors(body: string): boolean {
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    return false;
  }
  if (!answer || typeof answer !== 'object' || 'data' in answer) return false;
  const { errors } = answer as { errors?: unknown };
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error: { extensions?: { code?: unknown } } | null) => requestErrorCodes.has(String(error?.extensions?.code)))
  );
}

/** The status to send `response` with: 200 for a request error sent as application/json, its own otherwise. */
export function statusForMediaType(response: HTTPGraphQLResponse): number | undefined {
  if (response.status !== 400 || response.body.kind !== 'complete') return response.status;
  if (!isJson(response.headers.get('content-type'))) return response.status;
  return onlyRequestErrors(response.body.string) ? 200 : response.status;
}

/** `handler`, its answers sent with the status their media type gives them. */
export function statusByMediaType<C extends BaseContext>(handler: GraphQLHttpHandler<C>): GraphQLHttpHandler<C> {
  return {
    executeHTTPGraphQLRequest: async (request) => {
      const response = await handler.executeHTTPGraphQLRequest(request);
      return { ...response, status: statusForMediaType(response) };
    },
  };
}
