import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { developmentIssuerAlgorithm, generateDevelopmentKeys, importKey, type DevelopmentKeys } from '../../platform/auth/keys.ts';
import { mintCallerToken } from '../../platform/auth/localIssuer.ts';
import { callerKeySet, createCallerVerifier, rememberVerifiedMs, VerifiedOnce } from './callerIdentity.ts';

/*
 * In production the gateway reads the identity provider's keys from its JWKS URL. A provider is
 * stood up on loopback here, serving its public keys as any OpenID provider does.
 */

let keys: DevelopmentKeys;
let provider: http.Server;
let jwksUrl: string;
let requests = 0;
beforeAll(async () => {
  keys = await generateDevelopmentKeys();
  provider = http.createServer((_, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys.issuerJwks));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => provider?.close());

const auth = {
  issuer: 'https://idp.example',
  audience: 'crg',
  jwksUrl: undefined,
  jwksFile: undefined,
  gatewayKeyFile: undefined,
  gatewayPublicKeyFile: undefined,
};

describe('caller tokens checked against a JWKS URL', () => {
  it('verifies a token from the provider, fetching its keys once, and derives the scopes from the role', async () => {
    const verifier = createCallerVerifier(auth, callerKeySet({ ...auth, jwksUrl }));
    const token = await mintCallerToken(keys.issuerPrivate, {
      role: 'sector-officer',
      sector: 'police',
      issuer: auth.issuer,
      audience: auth.audience,
    });
    const identity = await verifier.verify(`Bearer ${token}`);
    expect(identity).toMatchObject({ role: 'sector-officer', sector: 'police', subject: 'sector-officer.police@local' });
    expect(identity.scopes).toContain('cases:read');
    expect(identity.scopes).not.toContain('framework:write');
    await verifier.verify(`Bearer ${token}`);
    expect(requests).toBe(1);
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const verifier = createCallerVerifier(auth, callerKeySet({ ...auth, jwksUrl }));
    const stranger = await generateDevelopmentKeys();
    const token = await mintCallerToken(stranger.issuerPrivate, { role: 'analyst', issuer: auth.issuer, audience: auth.audience });
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toThrow(/not signed by a key the issuer publishes/);
  });

  it("follows the provider's key rotation as jose's key set does: a new kid after its cooldown, a dropped key no more", async () => {
    const [first, second] = await Promise.all([generateDevelopmentKeys(), generateDevelopmentKeys()]);
    const oldKey = { ...first.issuerPrivate, kid: 'issuer-2026-11' };
    const newKey = { ...second.issuerPrivate, kid: 'issuer-2026-12' };
    const publicOf = ({ d: _d, ...jwk }: typeof oldKey) => jwk;
    let published = [publicOf(oldKey)];
    const rotating = http.createServer((_, res) => res.writeHead(200).end(JSON.stringify({ keys: published })));
    await new Promise<void>((resolve) => rotating.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(rotating.address() as AddressInfo).port}/jwks.json`;
      const verifier = createCallerVerifier(auth, callerKeySet({ ...auth, jwksUrl: url }));
      const mint = (key: typeof oldKey) => mintCallerToken(key, { role: 'analyst', issuer: auth.issuer, audience: auth.audience });
      await verifier.verify(`Bearer ${await mint(oldKey)}`);
      published = [publicOf(newKey)];
      // The key set was fetched a moment ago: jose waits out its 30 s cooldown before fetching again.
      const signedByNewKey = `Bearer ${await mint(newKey)}`;
      await expect(verifier.verify(signedByNewKey)).rejects.toThrow(/not signed by a key the issuer publishes/);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000 });
      await expect(verifier.verify(signedByNewKey)).resolves.toMatchObject({ role: 'analyst' });
      // The set fetched then holds only the new key: a fresh token under the old one is refused.
      await expect(verifier.verify(`Bearer ${await mint(oldKey)}`)).rejects.toThrow(/not signed by a key the issuer publishes/);
    } finally {
      vi.useRealTimers();
      rotating.close();
    }
  });
});

describe('caller tokens from the identity provider', () => {
  it.each([null, 42, '', ['a']])('are refused when their subject is not a non-empty string (sub: %j)', async (sub) => {
    const verifier = createCallerVerifier(auth, callerKeySet({ ...auth, jwksFile: undefined }, keys.issuerJwks));
    const token = await new SignJWT({ role: 'analyst', sub } as Record<string, unknown>)
      .setProtectedHeader({ alg: developmentIssuerAlgorithm, kid: keys.issuerPrivate.kid, typ: 'JWT' })
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importKey(keys.issuerPrivate, developmentIssuerAlgorithm));
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toThrow(/sub claim must be a non-empty string/);
  });
});

describe('tokens already verified', () => {
  // The verifier reads the process's clock (Date.now), as fast-jwt's expiry check does: moved here.
  const advanceClock = (ms: number) => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + ms });
  afterEach(() => vi.useRealTimers());
  const jwks = () => {
    let lookups = 0;
    const keySet = callerKeySet({ ...auth, jwksFile: undefined }, keys.issuerJwks);
    const counting: typeof keySet = (...args) => {
      lookups += 1;
      return keySet(...args);
    };
    return { counting, lookups: () => lookups };
  };
  const mint = (expiresIn: string) =>
    mintCallerToken(keys.issuerPrivate, { role: 'analyst', issuer: auth.issuer, audience: auth.audience, expiresIn });

  it('are taken again without checking the signature once verified twice, for a minute at most', async () => {
    const keySet = jwks();
    const verifier = createCallerVerifier(auth, keySet.counting);
    const token = `Bearer ${await mint('1h')}`;
    await verifier.verify(token);
    await verifier.verify(token);
    expect(keySet.lookups()).toBe(2);
    await verifier.verify(token);
    await verifier.verify(token);
    expect(keySet.lookups()).toBe(2);
    advanceClock(rememberVerifiedMs);
    await verifier.verify(token);
    expect(keySet.lookups()).toBe(3);
    await verifier.verify(token);
    expect(keySet.lookups()).toBe(3);
  });

  it('are not remembered when sent once each: every one is checked again when it comes back', async () => {
    const keySet = jwks();
    const verifier = createCallerVerifier(auth, keySet.counting);
    const tokens = await Promise.all([mint('1h'), mint('1h'), mint('1h')]);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) await verifier.verify(`Bearer ${token}`);
    expect(keySet.lookups()).toBe(3);
    for (const token of tokens) await verifier.verify(`Bearer ${token}`);
    expect(keySet.lookups()).toBe(6);
    for (const token of tokens) await verifier.verify(`Bearer ${token}`);
    expect(keySet.lookups()).toBe(6);
  });

  it('are refused once they expire, remembered or not', async () => {
    const keySet = jwks();
    const verifier = createCallerVerifier(auth, keySet.counting);
    const token = `Bearer ${await mint('10s')}`;
    await verifier.verify(token);
    await verifier.verify(token);
    await verifier.verify(token);
    expect(keySet.lookups()).toBe(2); // remembered
    advanceClock(16_000); // past its expiry and the 5 s allowed for clock skew
    await expect(verifier.verify(token)).rejects.toThrow(/expired/);
    await expect(verifier.verify(token)).rejects.toThrow(/expired/);
  });

  it('are remembered by their exact text only', async () => {
    const verifier = createCallerVerifier(auth, jwks().counting);
    const token = await mint('1h');
    await verifier.verify(`Bearer ${token}`);
    await verifier.verify(`Bearer ${token}`);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'administrator' }),
    ).toString('base64url');
    await expect(verifier.verify(`Bearer ${header}.${forged}.${signature}`)).rejects.toThrow(/signature does not verify|refused/);
  });
});

describe('the table of tokens verified once', () => {
  const digest = (slot: number, fingerprint: number) => {
    const bytes = Buffer.alloc(32);
    bytes.writeUInt32LE(slot, 0);
    bytes.writeUInt32LE(fingerprint, 4);
    return bytes;
  };

  it('says a digest was seen only when its slot still holds its fingerprint', () => {
    const once = new VerifiedOnce(16);
    expect(once.markAndCheck(digest(3, 7))).toBe(false);
    expect(once.markAndCheck(digest(3, 7))).toBe(true);
    // Another digest in the same slot (3 + 16) takes it: the first is unmarked again.
    expect(once.markAndCheck(digest(19, 8))).toBe(false);
    expect(once.markAndCheck(digest(3, 7))).toBe(false);
    expect(once.markAndCheck(digest(3, 7))).toBe(true);
    // A fingerprint of 0 is not an empty slot's.
    expect(once.markAndCheck(digest(5, 0))).toBe(false);
    expect(once.markAndCheck(digest(5, 0))).toBe(true);
  });

  it('is refused a number of slots that is not a power of two', () => {
    expect(() => new VerifiedOnce(1000)).toThrow(/power of two/);
  });
});
