import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphCatalog } from '../../platform/catalog.ts';
import { bodyDigest, internalTokenHeader } from '../../platform/auth/internalToken.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { revisionUrl } from '../../platform/subgraphRevision.ts';
import { SubgraphRevisions } from '../../gateway/cache/subgraphRevisions.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { expectRefused, send, snapshotAll } from './support.ts';

/*
 * A subgraph reached directly, not through the gateway, gives nothing away: it answers only
 * requests carrying a token the gateway signed for it, recently, and checks scopes again itself.
 */

let hub: TestHub;
let before: string;
beforeAll(async () => {
  hub = await startTestHub();
  before = await snapshotAll(hub);
});
afterAll(async () => {
  expect(await snapshotAll(hub)).toBe(before);
  await hub?.stop();
});

const url = (name: string) => hub.subgraphs.get(name)!.url;
const read = { query: '{ _service { sdl } }' };

async function forgedInternalToken(overrides: { audience?: string; issuedAt?: number; expires?: number; gatewayKey?: boolean } = {}) {
  const privateKey = overrides.gatewayKey
    ? await importKey(hub.keys.gatewayPrivate, 'EdDSA')
    : (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'analyst', sector: null, body_sha256: bodyDigest(JSON.stringify(read)) })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'crg-internal+jwt' })
    .setSubject('attacker')
    .setIssuer('crg-gateway')
    .setAudience(overrides.audience ?? 'coordination')
    .setIssuedAt(overrides.issuedAt ?? now)
    .setExpirationTime(overrides.expires ?? now + 30)
    .sign(privateKey);
}

describe('subgraphs answer only the gateway', () => {
  it.each(subgraphCatalog.map((e) => e.name))('%s refuses a request with no gateway token, yet answers its health checks', async (name) => {
    expectRefused(await send(url(name), read), 401, 'UNAUTHENTICATED', /answers only the gateway/);
    const health = await fetch(url(name).replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  });

  it("refuses the caller's own bearer token presented directly", async () => {
    const token = await hub.tokenFor({ role: 'analyst' });
    expectRefused(
      await send(url('coordination'), read, { authorization: `Bearer ${token}` }),
      401,
      'UNAUTHENTICATED',
      /answers only the gateway: the request carries no gateway token/,
    );
    expectRefused(
      await send(url('coordination'), read, { [internalTokenHeader]: token }),
      401,
      'UNAUTHENTICATED',
      /the gateway token is not valid/,
    );
  });

  it("refuses an internal token signed by any key but the gateway's", async () => {
    expectRefused(
      await send(url('coordination'), read, { [internalTokenHeader]: await forgedInternalToken() }),
      401,
      'UNAUTHENTICATED',
      /not valid/,
    );
  });

  it('refuses a gateway-signed token once it is older than its short lifetime', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stale = await forgedInternalToken({ gatewayKey: true, issuedAt: now - 120, expires: now - 90 });
    expectRefused(await send(url('coordination'), read, { [internalTokenHeader]: stale }), 401, 'UNAUTHENTICATED', /not valid/);
    const fresh = await forgedInternalToken({ gatewayKey: true });
    expect((await send(url('coordination'), read, { [internalTokenHeader]: fresh })).status).toBe(200);
  });

  it('refuses a genuine gateway token addressed to another subgraph', async () => {
    const forHealth = await hub.gatewayHeaders('health', JSON.stringify(read));
    expect((await send(url('health'), read, forHealth)).status).toBe(200);
    expectRefused(await send(url('police'), read, forHealth), 401, 'UNAUTHENTICATED', /aud/);
  });

  it('refuses a captured gateway token replayed with any other request body, however small the change', async () => {
    const officer = { role: 'sector-officer' as const, sector: 'health' };
    const minted = { query: '{ healthSector { id } }' };
    const captured = await hub.gatewayHeaders('health', JSON.stringify(minted), officer);
    expect((await send(url('health'), minted, captured)).json.data).toEqual({ healthSector: { id: 'health' } });
    const other = { query: '{ healthSector { id servicePoints { name } } }' };
    expectRefused(await send(url('health'), other, captured), 401, 'UNAUTHENTICATED', /another request body/);
    expectRefused(await send(url('health'), `${JSON.stringify(minted)} `, captured), 401, 'UNAUTHENTICATED', /another request body/);
    expectRefused(await send(url('health'), { ...minted, variables: { x: 1 } }, captured), 401, 'UNAUTHENTICATED', /another request body/);
  });

  it('checks scopes again on protected fields, whoever the gateway vouches for', async () => {
    const query = { query: '{ sectors { id focalPoint { name email } } }' };
    const dashboard = await send(
      url('coordination'),
      query,
      await hub.gatewayHeaders('coordination', JSON.stringify(query), { role: 'dashboard' }),
    );
    expect(JSON.stringify(dashboard.json.data ?? {})).not.toContain('@');
    expect(dashboard.json.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(dashboard.json.errors[0].message).toContain('FocalPoint.email');

    const sectors = { query: '{ sectors { id } }' };
    const auditor = await send(
      url('coordination'),
      sectors,
      await hub.gatewayHeaders('coordination', JSON.stringify(sectors), { role: 'auditor' }),
    );
    expect(auditor.json.data).toBeNull();
    expect(auditor.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("refuses a write to a sector's records from another sector's officer, straight to the subgraph too", async () => {
    const mutation = {
      query: 'mutation($i: ServicePointInput!) { recordHealthServicePoint(input: $i) { id } }',
      variables: {
        i: {
          id: 'health-sp-x',
          name: 'X',
          kind: 'HEALTH_FACILITY',
          place: 'P',
          district: 'D',
          openingHours: '24 hours',
          open24Hours: true,
        },
      },
    };
    const answer = await send(
      url('health'),
      mutation,
      await hub.gatewayHeaders('health', JSON.stringify(mutation), { role: 'sector-officer', sector: 'police' }),
    );
    expect(answer.json.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(answer.json.errors[0].message).toContain('Only the health sector may do this; the caller acts for the police sector');
  });
});

describe("the response cache's revision token", () => {
  /** The token the gateway's response cache sends with a revision check of coordination, caught on the way. */
  async function caughtRevisionToken(): Promise<string> {
    let caught: string | undefined;
    const catcher = http.createServer((req, res) => {
      caught = req.headers[internalTokenHeader] as string;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"revision":1,"epoch":"e1"}');
    });
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
    const port = (catcher.address() as AddressInfo).port;
    const revisions = new SubgraphRevisions(
      () => new Map([['coordination', `http://127.0.0.1:${port}/graphql`]]),
      await importKey(hub.keys.gatewayPrivate, 'EdDSA'),
      2000,
    );
    try {
      expect(await revisions.read(['coordination'], performance.now())).toEqual(new Map([['coordination', 'e1:1']]));
    } finally {
      await revisions.close();
      await new Promise((resolve) => catcher.close(resolve));
    }
    expect(caught).toBeTypeOf('string');
    return caught!;
  }

  it('opens the revision route and no GraphQL request, by GET or by POST with an empty body', async () => {
    const token = await caughtRevisionToken();
    const revision = await fetch(revisionUrl(url('coordination')), { headers: { [internalTokenHeader]: token } });
    expect(revision.status).toBe(200);
    expect(await revision.json()).toEqual({ revision: expect.any(Number), epoch: expect.any(String) });

    const get = await fetch(`${url('coordination')}?query=${encodeURIComponent(read.query)}`, {
      headers: { [internalTokenHeader]: token, 'apollo-require-preflight': 'true' },
    });
    const getAnswer = { status: get.status, json: await get.json() };
    expectRefused(getAnswer, 405, 'METHOD_NOT_ALLOWED', /POST only/);

    const post = await fetch(url('coordination'), {
      method: 'POST',
      headers: { [internalTokenHeader]: token, 'content-type': 'application/json' },
      body: '',
    });
    const postAnswer = { status: post.status, json: await post.json() };
    expect(postAnswer.json.data ?? undefined).toBeUndefined();
    expect(postAnswer.status).toBe(401);
  });
});
