import { HeaderMap } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { refusedShape } from './requestShape.ts';

const request = (method: string, body: unknown, search = '') => ({ method, headers: new HeaderMap(), search, body });
const refusal = (method: string, body: unknown, search = '') => {
  const answer = refusedShape(request(method, body, search));
  return (
    answer && { status: answer.status, allow: answer.headers.get('allow'), body: JSON.parse((answer.body as { string: string }).string) }
  );
};

describe('the request shape the gateway takes', () => {
  it('is one operation in a JSON object sent by POST', () => {
    expect(refusedShape(request('POST', { query: '{ sectors { id } }', variables: { a: 1 } }))).toBeNull();
  });

  it('or one operation in the "query" URL parameter of a GET', () => {
    const search = `?query=${encodeURIComponent('{ sectors { id } }')}&variables=${encodeURIComponent('{"a":1}')}`;
    expect(refusedShape(request('GET', undefined, search))).toBeNull();
  });

  it.each([
    ['a batch', 'POST', [{ query: '{ a }' }, { query: '{ b }' }], '', 400, 'BATCH_NOT_ACCEPTED'],
    ['a body that is not JSON', 'POST', 'query={ a }', '', 400, 'BAD_REQUEST'],
    ['an object without a query string', 'POST', { query: 5 }, '', 400, 'BAD_REQUEST'],
    ['no body', 'POST', undefined, '', 400, 'BAD_REQUEST'],
    ['a GET without a query', 'GET', undefined, '?operationName=A', 400, 'BAD_REQUEST'],
    ['a GET with an empty query', 'GET', undefined, '?query=', 400, 'BAD_REQUEST'],
    ['a GET with two queries', 'GET', undefined, '?query=%7Ba%7D&query=%7Bb%7D', 400, 'BAD_REQUEST'],
  ])('refuses %s with a code and a message that says what to send', (_, method, body, search, status, code) => {
    const answer = refusal(method, body, search);
    expect(answer?.status).toBe(status);
    expect(answer?.body.errors[0].extensions.code).toBe(code);
    expect(answer?.body.errors[0].message).toMatch(/one operation|"query" string|"query" URL parameter/);
  });

  it.each(['PUT', 'DELETE', 'PATCH', 'HEAD'])('refuses %s with 405 and the methods it takes in Allow', (method) => {
    const answer = refusal(method, { query: '{ a }' });
    expect(answer).toMatchObject({ status: 405, allow: 'GET, POST' });
    expect(answer?.body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    expect(answer?.body.errors[0].message).toMatch(/POST.*GET/);
  });
});
