import { GraphQLError } from 'graphql';
import { createLocalJWKSet } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevelopmentKeys, type DevelopmentKeys } from '../platform/auth/keys.ts';
import { mintCallerToken } from '../platform/auth/localIssuer.ts';
import { requestIdHeader } from '../platform/requestId.ts';
import { createCallerVerifier } from './auth/callerIdentity.ts';
import { gatewayContext } from './context.ts';

/*
 * The context function is where the gateway learns who is calling: from the request alone, with
 * no earlier step leaving the caller anywhere for it to pick up. A server that answers with the
 * context it made for each request shows what resolvers and data sources receive.
 */

const auth = { issuer: 'https://idp.example', audience: 'crg' };
let keys: DevelopmentKeys;
let server: http.Server;
let url: string;

beforeAll(async () => {
  keys = await generateDevelopmentKeys();
  const context = gatewayContext({
    verifier: createCallerVerifier(auth, createLocalJWKSet(keys.issuerJwks)),
    limits: { requestsPerMinute: 2 },
  });
  server = http.createServer((req, res) => {
    req.headers[requestIdHeader] = req.headers['x-test-id'];
    context(req).then(
      (made) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(made)),
      (error: GraphQLError) => {
        const { http: head, ...extensions } = error.extensions as { http: { status: number; headers?: Map<string, string> } };
        res.writeHead(head.status, Object.fromEntries(head.headers ?? [])).end(JSON.stringify({ message: error.message, extensions }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => server?.close());

const tokenFor = (role: 'analyst' | 'sector-officer', sector: string | null = null) =>
  mintCallerToken(keys.issuerPrivate, { role, sector, subject: `${role}${sector ? `.${sector}` : ''}@test`, ...auth });
const ask = (headers: Record<string, string>, method = 'POST') => fetch(url, { method, headers });

describe("the gateway's context", () => {
  it("carries each request's own caller and request id", async () => {
    const [analyst, officer] = await Promise.all([tokenFor('analyst'), tokenFor('sector-officer', 'police')]);
    const [first, second] = await Promise.all([
      ask({ authorization: `Bearer ${analyst}`, 'x-test-id': 'one' }),
      ask({ authorization: `Bearer ${officer}`, 'x-test-id': 'two' }),
    ]);
    expect(await first.json()).toMatchObject({ requestId: 'one', identity: { role: 'analyst', sector: null, subject: 'analyst@test' } });
    expect(await second.json()).toMatchObject({ requestId: 'two', identity: { role: 'sector-officer', sector: 'police' } });
  });

  it('is refused, with the HTTP status Apollo Server answers, without a valid token or past the rate limit', async () => {
    const refused = await ask({ authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });

    const officer = { authorization: `Bearer ${await tokenFor('sector-officer', 'health')}` };
    expect((await ask(officer)).status).toBe(200);
    expect((await ask(officer)).status).toBe(200);
    const limited = await ask(officer);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
  });

  it('refuses every GET from a role that reads cases, and takes one from a role that reads aggregates only', async () => {
    const officer = await ask({ authorization: `Bearer ${await tokenFor('sector-officer', 'police')}` }, 'GET');
    expect(officer.status).toBe(405);
    expect(officer.headers.get('allow')).toBe('POST');
    expect(await officer.json()).toMatchObject({ extensions: { code: 'POST_REQUIRED' } });
    const analyst = await ask({ authorization: `Bearer ${await tokenFor('analyst')}` }, 'GET');
    expect(analyst.status).toBe(200);
  });
});
