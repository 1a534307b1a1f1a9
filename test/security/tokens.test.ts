import { SignJWT, base64url, decodeJwt, exportSPKI, generateKeyPair, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, testAudience, testIssuer, type TestHub } from '../support/hub.ts';
import { expectRefused, send, snapshotAll } from './support.ts';

/*
 * Every way of presenting a false or wrong token to the gateway is refused with 401 and a reason,
 * before anything is planned: nothing protected is returned and nothing stored changes.
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

const query = {
  query: 'mutation { addCrisisCentre(input: { id: "bd-occ-x", name: "X", hospital: "H", place: "P", district: "D" }) { id } }',
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const gateway = () => hub.gateway.url;

/** A token signed with the hub's own issuer key, with any claims and header the test wants. */
async function signedByIssuer(claims: Record<string, unknown>, setup: (jwt: SignJWT) => SignJWT = (jwt) => jwt) {
  const jwk = hub.keys.issuerPrivate;
  const jwt = new SignJWT({ role: 'analyst', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setSubject('analyst@test')
    .setIssuer(testIssuer)
    .setAudience(testAudience)
    .setIssuedAt()
    .setExpirationTime('5m');
  return setup(jwt).sign(await importJWK(jwk, 'ES256'));
}

describe('caller tokens at the gateway', () => {
  it('accepts a valid token (the baseline every refusal below differs from by one thing)', async () => {
    const answer = await send(gateway(), { query: '{ sectors { id } }' }, bearer(await signedByIssuer({})));
    expect(answer.status).toBe(200);
    expect(answer.json.data.sectors).toHaveLength(5);
  });

  it('refuses a request with no token, and one with a malformed Authorization header', async () => {
    expectRefused(await send(gateway(), query), 401, 'UNAUTHENTICATED', /Authentication required/);
    expectRefused(await send(gateway(), query, { authorization: 'Token abc' }), 401, 'UNAUTHENTICATED', /must be "Bearer <token>"/);
  });

  it('refuses an expired token and one not valid yet', async () => {
    const expired = await signedByIssuer({}, (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60));
    expectRefused(await send(gateway(), query, bearer(expired)), 401, 'UNAUTHENTICATED', /expired/);
    const early = await signedByIssuer({}, (jwt) => jwt.setNotBefore(Math.floor(Date.now() / 1000) + 600));
    expectRefused(await send(gateway(), query, bearer(early)), 401, 'UNAUTHENTICATED', /not valid yet/);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const audience = await signedByIssuer({}, (jwt) => jwt.setAudience('some-other-service'));
    expectRefused(await send(gateway(), query, bearer(audience)), 401, 'UNAUTHENTICATED', /aud/);
    const issuer = await signedByIssuer({}, (jwt) => jwt.setIssuer('https://attacker.example'));
    expectRefused(await send(gateway(), query, bearer(issuer)), 401, 'UNAUTHENTICATED', /iss/);
  });

  it('refuses alg: none', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url.encode(JSON.stringify({ sub: 'x', role: 'analyst', iss: testIssuer, aud: testAudience, exp: now + 300 }));
    expectRefused(await send(gateway(), query, bearer(`${header}.${payload}.`)), 401, 'UNAUTHENTICATED', /algorithm is not accepted/);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const token = await signedByIssuer({ role: 'dashboard' });
    const [header, , signature] = token.split('.');
    const raised = base64url.encode(JSON.stringify({ ...decodeJwt(token), role: 'analyst' }));
    expectRefused(await send(gateway(), query, bearer(`${header}.${raised}.${signature}`)), 401, 'UNAUTHENTICATED', /signature/);
  });

  it("refuses an HMAC token keyed with the issuer's public key (algorithm confusion)", async () => {
    const publicKey = await importJWK(hub.keys.issuerJwks.keys[0]!, 'ES256', { extractable: true });
    const pem = await exportSPKI(publicKey as CryptoKey);
    const forged = await new SignJWT({ role: 'analyst' })
      .setProtectedHeader({ alg: 'HS256', kid: hub.keys.issuerPrivate.kid })
      .setSubject('attacker')
      .setIssuer(testIssuer)
      .setAudience(testAudience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    expectRefused(await send(gateway(), query, bearer(forged)), 401, 'UNAUTHENTICATED', /algorithm/);
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ role: 'analyst' })
      .setProtectedHeader({ alg: 'ES256', kid: 'attacker-key' })
      .setSubject('attacker')
      .setIssuer(testIssuer)
      .setAudience(testAudience)
      .setExpirationTime('5m')
      .sign(privateKey);
    expectRefused(await send(gateway(), query, bearer(forged)), 401, 'UNAUTHENTICATED', /not signed by a key the issuer publishes/);
  });

  it('refuses a token with an unknown role, or a sector role that names no sector', async () => {
    expectRefused(
      await send(gateway(), query, bearer(await signedByIssuer({ role: 'superuser' }))),
      401,
      'UNAUTHENTICATED',
      /no known role/,
    );
    expectRefused(
      await send(gateway(), query, bearer(await signedByIssuer({ role: 'sector-officer' }))),
      401,
      'UNAUTHENTICATED',
      /must name one of/,
    );
    expectRefused(
      await send(gateway(), query, bearer(await signedByIssuer({ role: 'sector-officer', sector: 'treasury' }))),
      401,
      'UNAUTHENTICATED',
      /must name one of .*sector: "treasury"/,
    );
  });
});
