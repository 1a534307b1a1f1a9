import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askGateway } from './gatewayCaller.ts';

/* A real HTTP server in the gateway's place: what it was sent, and what it answers. */

let answer: { status: number; type: string; body: string };
let seen: { authorization?: string; body: string } | undefined;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    seen = { authorization: req.headers.authorization, body };
    res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
  });
});
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('askGateway', () => {
  it('sends the operation with the bearer token and returns a GraphQL answer, errors included', async () => {
    answer = { status: 200, type: 'application/json', body: JSON.stringify({ data: { a: 1 }, errors: [{ message: 'partly' }] }) };
    const got = await askGateway<{ a: number }>(url, 'tok', 'query ($x: Int) { a }', { x: 2 });
    expect(got).toEqual({ data: { a: 1 }, errors: [{ message: 'partly' }] });
    expect(seen).toEqual({ authorization: 'Bearer tok', body: JSON.stringify({ query: 'query ($x: Int) { a }', variables: { x: 2 } }) });
  });

  it('throws, giving the status and not the address, when the answer is not GraphQL', async () => {
    answer = { status: 502, type: 'text/html', body: '<html>Bad gateway</html>' };
    const asked = askGateway(url, 'tok', '{ a }', {});
    await expect(asked).rejects.toThrow('the gateway answered HTTP 502 with no GraphQL response');
    await expect(asked).rejects.not.toThrow(url);
  });

  it('keeps a user name and password in the address out of its error', async () => {
    const withCredentials = url.replace('http://', 'http://ops:hunter2@');
    const asked = askGateway(withCredentials, 'tok', '{ a }', {});
    await expect(asked).rejects.toThrow(/user name or password/);
    await expect(asked).rejects.not.toThrow(/hunter2|ops:/);
  });
});
