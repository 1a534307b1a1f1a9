import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, importJWK, jwtVerify, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenPool } from './callerTokens.ts';

/* The bench's caller tokens: a gateway never gets one twice, however far a run outruns what was minted for it. */

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const settings = {
  privateJwk: { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'bench-test' },
  issuer: 'https://issuer.test',
  audience: 'crg-test',
  lifetimeSeconds: 600,
};
const analyst = { role: 'analyst', sector: null } as const;

describe('the bench’s token pool', () => {
  it('gives every request of a run a token its gateway has not seen, minting on demand past what was expected', () => {
    const pool = new TokenPool(settings);
    const first = pool.take('ours', analyst, 10);
    const minted = pool.size;
    expect(minted).toBeGreaterThanOrEqual(10);
    const sent = Array.from({ length: minted + 250 }, () => first.next());
    first.done();
    expect(new Set(sent).size).toBe(sent.length);
    expect(pool.mintedDuringRuns).toBeGreaterThanOrEqual(250);
    expect(pool.reused).toBe(0);

    // The same gateway's next run goes on from where the last stopped; another gateway starts at the beginning.
    const again = pool.take('ours', analyst, 5);
    const later = Array.from({ length: 20 }, () => again.next());
    expect(later.some((token) => sent.includes(token))).toBe(false);
    const other = pool.take('Hive', analyst, 5);
    expect(other.next()).toBe(sent[0]);
    expect(pool.reused).toBe(0);
    expect(pool.mintCpuMsPerToken).toBeGreaterThan(0);
  });

  it('mints tokens the issuer’s public key verifies, each with its own id', async () => {
    const pool = new TokenPool(settings);
    const run = pool.take('ours', { role: 'sector-officer', sector: 'health' }, 2);
    const [a, b] = [run.next(), run.next()];
    const key = await importJWK(publicKey.export({ format: 'jwk' }) as JWK, 'ES256');
    const { payload } = await jwtVerify(a, key, { issuer: settings.issuer, audience: settings.audience });
    expect(payload).toMatchObject({ role: 'sector-officer', sector: 'health' });
    expect(payload.jti).not.toBe(decodeJwt(b).jti);
  });
});
