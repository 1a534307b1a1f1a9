import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { statusForMediaType } from './statusByMediaType.ts';

const answer = (status: number, type: string, body: unknown): HTTPGraphQLResponse => ({
  status,
  headers: new HeaderMap([['content-type', type]]),
  body: { kind: 'complete', string: JSON.stringify(body) },
});
const error = (code: string) => ({ errors: [{ message: 'why', extensions: { code } }] });

describe('the status an answer is sent with', () => {
  it.each(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE'])(
    'is 200 for a request error (%s) sent as application/json, 400 as application/graphql-response+json',
    (code) => {
      expect(statusForMediaType(answer(400, 'application/json; charset=utf-8', error(code)))).toBe(200);
      expect(statusForMediaType(answer(400, 'application/graphql-response+json; charset=utf-8', error(code)))).toBe(400);
    },
  );

  it.each([
    ['a request that is not well formed', 400, error('BAD_REQUEST')],
    ['a batch', 400, error('BATCH_NOT_ACCEPTED')],
    [
      'a request error beside another error',
      400,
      { errors: [error('GRAPHQL_VALIDATION_FAILED').errors[0], error('BAD_REQUEST').errors[0]] },
    ],
    ['an answer with data', 400, { data: null, ...error('GRAPHQL_VALIDATION_FAILED') }],
    ['a caller without a valid token', 401, error('UNAUTHENTICATED')],
    ['a caller over its rate', 429, error('RATE_LIMITED')],
    ['a mutation by GET', 405, error('BAD_REQUEST')],
  ])('stays as it is under application/json for %s', (_, status, body) => {
    expect(statusForMediaType(answer(status, 'application/json', body))).toBe(status);
  });
});
