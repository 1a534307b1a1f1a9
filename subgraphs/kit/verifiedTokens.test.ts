import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { internalTokenAlgorithm, signInternalToken } from './auth/internalToken.ts';
import { generateDevelopmentKeys, importKey } from './auth/keys.ts';
import { scopesByRole } from './auth/roles.ts';
import { cachedTokenVerifier } from './verifiedTokens.ts';

const identity = { subject: 'analyst@lead', role: 'analyst' as const, sector: null, scopes: scopesByRole.analyst };

describe('cachedTokenVerifier', async () => {
  const keys = await generateDevelopmentKeys();
  const other = await generateDevelopmentKeys();
  const privateKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const publicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);

  it('accepts a valid token, again from memory, with the same identity', async () => {
    const verify = cachedTokenVerifier('health', publicKey);
    const token = await signInternalToken(identity, 'health', privateKey);
    expect(await verify(token)).toEqual(identity);
    expect(await verify(token)).toEqual(identity);
  });

  it('refuses a forged token every time, and a token for another subgraph', async () => {
    const verify = cachedTokenVerifier('health', publicKey);
    const forged = await signInternalToken(identity, 'health', await importKey(other.gatewayPrivate, internalTokenAlgorithm));
    await expect(verify(forged)).rejects.toThrow(/not valid/);
    await expect(verify(forged)).rejects.toThrow(/not valid/);
    await expect(verify(await signInternalToken(identity, 'police', privateKey))).rejects.toThrow(/not valid/);
    await expect(verify(undefined)).rejects.toThrow(/no gateway token/);
  });

  it('does not accept a remembered token after it expires', async () => {
    const verify = cachedTokenVerifier('health', publicKey);
    const shortLived = await new SignJWT({ role: 'analyst', sector: null })
      .setProtectedHeader({ alg: internalTokenAlgorithm, typ: 'crg-internal+jwt' })
      .setSubject('analyst@lead')
      .setIssuer('crg-gateway')
      .setAudience('health')
      .setIssuedAt()
      .setExpirationTime('1s')
      .sign(privateKey);
    expect(await verify(shortLived)).toEqual(identity);
    await new Promise((r) => setTimeout(r, 1100));
    await expect(verify(shortLived)).rejects.toThrow(/not valid/);
  });
});
