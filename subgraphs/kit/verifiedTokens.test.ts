import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { bodyDigest, internalTokenAlgorithm, signCaseAccessToken, signInternalToken } from '../../platform/auth/internalToken.ts';
import { generateDevelopmentKeys, importKey } from '../../platform/auth/keys.ts';
import { scopesByRole } from '../../platform/auth/roles.ts';
import { cachedCaseAccessVerifier, cachedTokenVerifier } from './verifiedTokens.ts';

const identity = { subject: 'analyst@lead', role: 'analyst' as const, sector: null, scopes: scopesByRole.analyst };

describe('cachedTokenVerifier', async () => {
  const keys = await generateDevelopmentKeys();
  const other = await generateDevelopmentKeys();
  const privateKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const publicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);

  const body = '{"query":"{ healthSector { id } }"}';

  it('accepts a valid token, again from memory, with the same identity', async () => {
    const verify = cachedTokenVerifier('health', publicKey);
    const token = await signInternalToken(identity, 'health', privateKey, body);
    expect(await verify(token, body)).toEqual(identity);
    expect(await verify(token, body)).toEqual(identity);
  });

  it('refuses a valid token presented with any other body, first time or remembered', async () => {
    const verify = cachedTokenVerifier('health', publicKey);
    const token = await signInternalToken(identity, 'health', privateKey, body);
    const other = '{"query":"{ healthSurvivorContact(caseId: \\"CASE-BD-2026-000001\\") { name } }"}';
    await expect(verify(token, other)).rejects.toThrow(/another request body/);
    expect(await verify(token, body)).toEqual(identity);
    await expect(verify(token, other)).rejects.toThrow(/another request body/);
    await expect(verify(token, `${body} `)).rejects.toThrow(/another request body/);
  });

  it('refuses a forged token every time, and a token for another subgraph', async () => {
    const verify = cachedTokenVerifier('health', publicKey);
    const forged = await signInternalToken(identity, 'health', await importKey(other.gatewayPrivate, internalTokenAlgorithm), body);
    await expect(verify(forged, body)).rejects.toThrow(/not valid/);
    await expect(verify(forged, body)).rejects.toThrow(/not valid/);
    await expect(verify(await signInternalToken(identity, 'police', privateKey, body), body)).rejects.toThrow(/not valid/);
    await expect(verify(undefined, body)).rejects.toThrow(/no gateway token/);
  });

  it('does not accept a remembered token after it expires', async () => {
    const verify = cachedTokenVerifier('health', publicKey);
    // The next whole second: it may come a few milliseconds after signing, and the second allowed
    // for the clocks' difference still covers the first check.
    const expiresAt = Math.floor(Date.now() / 1000) + 1;
    const shortLived = await new SignJWT({ role: 'analyst', sector: null, body_sha256: bodyDigest(body) })
      .setProtectedHeader({ alg: internalTokenAlgorithm, typ: 'crg-internal+jwt' })
      .setSubject('analyst@lead')
      .setIssuer('crg-gateway')
      .setAudience('health')
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(privateKey);
    expect(await verify(shortLived, body)).toEqual(identity);
    // Past its expiry and the second allowed for the clocks' difference.
    await new Promise((r) => setTimeout(r, (expiresAt + 1) * 1000 - Date.now() + 50));
    await expect(verify(shortLived, body)).rejects.toThrow(/not valid/);
  });
});

describe('cachedCaseAccessVerifier', async () => {
  const keys = await generateDevelopmentKeys();
  const other = await generateDevelopmentKeys();
  const privateKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const publicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);
  const officer = { subject: 'officer@health', role: 'sector-officer' as const, sector: 'health', scopes: scopesByRole['sector-officer'] };

  it('accepts a case-access token, again from memory, with the same identity', async () => {
    const verify = cachedCaseAccessVerifier(publicKey);
    const token = await signCaseAccessToken(officer, privateKey);
    expect(await verify(token)).toEqual(officer);
    expect(await verify(token)).toEqual(officer);
  });

  it('refuses a forged token every time, and a gateway token of another kind', async () => {
    const verify = cachedCaseAccessVerifier(publicKey);
    const forged = await signCaseAccessToken(officer, await importKey(other.gatewayPrivate, internalTokenAlgorithm));
    await expect(verify(forged)).rejects.toThrow(/not valid/);
    await expect(verify(forged)).rejects.toThrow(/not valid/);
    await expect(verify(await signInternalToken(officer, 'coordination', privateKey, '{}'))).rejects.toThrow(/not valid/);
    await expect(verify(undefined)).rejects.toThrow(/no gateway token/);
  });

  it('does not accept a remembered token after it expires', async () => {
    const verify = cachedCaseAccessVerifier(publicKey);
    // The next whole second: it may come a few milliseconds after signing, and the second allowed
    // for the clocks' difference still covers the first check.
    const expiresAt = Math.floor(Date.now() / 1000) + 1;
    const shortLived = await new SignJWT({ role: 'sector-officer', sector: 'health' })
      .setProtectedHeader({ alg: internalTokenAlgorithm, typ: 'crg-case-access+jwt' })
      .setSubject('officer@health')
      .setIssuer('crg-gateway')
      .setAudience('coordination#case-access')
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(privateKey);
    expect(await verify(shortLived)).toEqual(officer);
    // Past its expiry and the second allowed for the clocks' difference.
    await new Promise((r) => setTimeout(r, (expiresAt + 1) * 1000 - Date.now() + 50));
    await expect(verify(shortLived)).rejects.toThrow(/not valid/);
  });
});
