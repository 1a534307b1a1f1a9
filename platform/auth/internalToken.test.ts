import { createPrivateKey } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  bodyDigest,
  internalTokenAlgorithm,
  signCaseAccessToken,
  signInternalToken,
  verifyCaseAccessToken,
  verifyToken,
} from './internalToken.ts';
import { generateDevelopmentKeys, importKey } from './keys.ts';
import { scopesByRole } from './roles.ts';

const officer = { subject: 'officer@health', role: 'sector-officer' as const, sector: 'health', scopes: scopesByRole['sector-officer'] };

describe('internal tokens, signed with node:crypto', async () => {
  const keys = await generateDevelopmentKeys();
  const privateKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const publicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);
  const body = '{"query":"{ healthSector { id } }"}';

  it('writes the header and claims jose verifies: EdDSA, its type, audience, subject, 30 s, the body digest', async () => {
    const token = await signInternalToken(officer, 'health', privateKey, body);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', typ: 'crg-internal+jwt' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ role: 'sector-officer', sector: 'health', sub: 'officer@health', iss: 'crg-gateway', aud: 'health' });
    expect(claims.exp! - claims.iat!).toBe(30);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(2);
    expect(claims.body_sha256).toBe(bodyDigest(body));
    const verified = await verifyToken(token, 'health', publicKey);
    expect(verified.identity).toEqual(officer);
    expect(verified.bodySha256).toBe(bodyDigest(body));
  });

  it('signs the same with the key as a node:crypto KeyObject', async () => {
    const keyObject = createPrivateKey({ key: keys.gatewayPrivate as import('node:crypto').JsonWebKey, format: 'jwk' });
    const token = await signCaseAccessToken(officer, keyObject);
    expect(decodeJwt(token)).not.toHaveProperty('body_sha256');
    expect((await verifyCaseAccessToken(token, publicKey)).identity).toEqual(officer);
  });

  it("accepts a token from a gateway whose clock runs a little ahead of the subgraph's, not far ahead", async () => {
    const issuedAhead = (seconds: number) => {
      const iat = Math.floor(Date.now() / 1000) + seconds;
      return new SignJWT({ role: officer.role, sector: officer.sector, body_sha256: bodyDigest(body) })
        .setProtectedHeader({ alg: internalTokenAlgorithm, typ: 'crg-internal+jwt' })
        .setSubject(officer.subject)
        .setIssuer('crg-gateway')
        .setAudience('health')
        .setIssuedAt(iat)
        .setExpirationTime(iat + 30)
        .sign(privateKey);
    };
    expect((await verifyToken(await issuedAhead(1), 'health', publicKey)).identity.subject).toBe(officer.subject);
    await expect(verifyToken(await issuedAhead(10), 'health', publicKey)).rejects.toThrow(/iat/);
  });

  it('refuses a key that is not an Ed25519 private key, naming what it got', async () => {
    const { privateKey: ecKey } = await generateKeyPair('ES256');
    await expect(signInternalToken(officer, 'health', ecKey, body)).rejects.toThrow(/Ed25519 private key \(got a private ec key\)/);
    await expect(signInternalToken(officer, 'health', publicKey, body)).rejects.toThrow(/Ed25519 private key \(got a public ed25519 key\)/);
    const mistaken = 'nWGxne_9WmC6hEr0kuwsxERJxQ' as unknown as typeof publicKey;
    const refusal = signInternalToken(officer, 'health', mistaken, body);
    await expect(refusal).rejects.toThrow(/Ed25519 private key \(got a string\)/);
    await expect(refusal).rejects.not.toThrow(/nWGx/);
  });
});
