import { HeaderMap } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { refusedShape } from './requestShape.ts';

const request = (method: string, body: unknown) => ({ method, headers: new HeaderMap(), search: '', body });
const refusal = (method: string, body: unknown) => {
  const answer = refusedShape(request(method, body));
  return answer && { status: answer.status, body: JSON.parse((answer.body as { string: string }).string) };
};

describe('the request shape the gateway takes', () => {
  it('is one operation in a JSON object sent by POST', () => {
    expect(refusedShape(request('POST', { query: '{ sectors { id } }', variables: { a: 1 } }))).toBeNull();
  });

  it.each([
    ['GraphQL over GET', 'GET', undefined, 405, 'METHOD_NOT_ALLOWED'],
    ['a batch', 'POST', [{ query: '{ a }' }, { query: '{ b }' }], 400, 'BATCH_NOT_ACCEPTED'],
    ['a body that is not JSON', 'POST', 'query={ a }', 400, 'BAD_REQUEST'],
    ['an object without a query string', 'POST', { query: 5 }, 400, 'BAD_REQUEST'],
    ['no body', 'POST', undefined, 400, 'BAD_REQUEST'],
  ])('refuses %s with a code and a message that says what to send', (_, method, body, status, code) => {
    const answer = refusal(method, body);
    expect(answer?.status).toBe(status);
    expect(answer?.body.errors[0].extensions.code).toBe(code);
    expect(answer?.body.errors[0].message).toMatch(/POST|one operation|"query" string/);
  });
});
