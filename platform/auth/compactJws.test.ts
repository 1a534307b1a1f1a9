import crypto from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { signEd25519Jwt, verifyJwt, type ClaimRules } from './compactJws.ts';

/*
 * The node:crypto verifier must accept exactly what jose accepts and refuse the rest with jose's
 * error code: every case below is run through both and the outcomes compared.
 */

const issuer = 'https://idp.example';
const audience = 'crg';
const now = Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

type KeyPair = { privateKey: CryptoKey; publicKey: CryptoKey; jwk: JWK };
const pairs: Record<string, KeyPair> = {};
async function pair(alg: string, options: { crv?: string } = {}, kid = alg): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...options });
  return { privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), alg, kid } };
}

beforeAll(async () => {
  for (const alg of ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'PS512']) pairs[alg] = await pair(alg);
  pairs.EdDSA = await pair('EdDSA', { crv: 'Ed25519' });
  // jose makes no RSA key under 2048 bits: node:crypto does.
  const weak = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  pairs.weakRsa = {
    privateKey: weak.privateKey as unknown as CryptoKey,
    publicKey: weak.publicKey as unknown as CryptoKey,
    jwk: { ...weak.publicKey.export({ format: 'jwk' }), alg: 'RS256', kid: 'weak' },
  };
});

const sign = (alg: string, claims: Record<string, unknown>, header: Record<string, unknown> = {}, key = alg) =>
  new SignJWT(claims).setProtectedHeader({ alg, kid: pairs[key]!.jwk.kid, ...header }).sign(pairs[key]!.privateKey);

const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'someone',
  iss: issuer,
  aud: audience,
  iat: now,
  exp: now + 600,
  ...extra,
});
const rules: ClaimRules = {
  algorithms: ['RS256', 'PS256', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
  issuer,
  audience,
  requiredClaims: ['sub', 'exp'],
  clockTolerance: 5,
};

async function outcome(run: () => Promise<{ payload: unknown }>): Promise<string> {
  try {
    const { payload } = await run();
    return `accepted ${JSON.stringify(payload)}`;
  } catch (error) {
    return (error as { code?: string }).code ?? 'refused without a jose code';
  }
}

/** Both verifiers' outcomes for a token checked against the key set. */
async function both(token: string, extra: Partial<ClaimRules> = {}) {
  const keySet = createLocalJWKSet({ keys: Object.values(pairs).map((p) => p.jwk) });
  const all = { ...rules, ...extra };
  const ours = await outcome(() => verifyJwt(token, keySet, all));
  const jose = await outcome(() =>
    jwtVerify(token, keySet, {
      algorithms: [...all.algorithms],
      issuer: all.issuer,
      audience: all.audience,
      requiredClaims: all.requiredClaims ? [...all.requiredClaims] : undefined,
      clockTolerance: all.clockTolerance,
      typ: all.typ,
      maxTokenAge: all.maxTokenAge,
    }),
  );
  return { ours, jose };
}

describe('compact JWT verification with node:crypto', () => {
  it.each(['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'PS512', 'EdDSA'])('accepts a valid %s token as jose does', async (alg) => {
    const { ours, jose } = await both(await sign(alg, claims({ role: 'analyst' })));
    expect(ours).toMatch(/^accepted .*"role":"analyst"/);
    expect(ours).toBe(jose);
  });

  const refusals: [string, () => Promise<string>, Partial<ClaimRules>?][] = [
    [
      'a changed payload',
      async () => {
        const [h, , s] = (await sign('ES256', claims())).split('.');
        return `${h}.${b64(claims({ role: 'administrator' }))}.${s}`;
      },
    ],
    ['alg: none', async () => `${b64({ alg: 'none', kid: 'ES256' })}.${b64(claims())}.`],
    [
      'an HMAC token keyed with the public key',
      async () => {
        const secret = Buffer.from(JSON.stringify(pairs.ES256!.jwk));
        return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'ES256' }).sign(secret);
      },
    ],
    [
      'an RSA key under 2048 bits',
      async () => {
        const input = `${b64({ alg: 'RS256', kid: 'weak' })}.${b64(claims())}`;
        const signature = crypto.sign('sha256', Buffer.from(input), pairs.weakRsa!.privateKey as unknown as crypto.KeyObject);
        return `${input}.${signature.toString('base64url')}`;
      },
    ],
    ['an expired token', () => sign('ES256', claims({ exp: now - 10 }))],
    ['a token not valid yet', () => sign('ES256', claims({ nbf: now + 60 }))],
    ['another issuer', () => sign('ES256', claims({ iss: 'https://elsewhere' }))],
    ['another audience', () => sign('ES256', claims({ aud: ['other', 'another'] }))],
    ['no subject', () => sign('ES256', claims({ sub: undefined }))],
    ['an exp that is not a number', () => sign('ES256', claims({ exp: String(now + 600) }))],
    [
      'a crit header',
      async () => {
        const input = `${b64({ alg: 'EdDSA', kid: 'EdDSA', crit: ['urn:example'], 'urn:example': 1 })}.${b64(claims())}`;
        return `${input}.${crypto.sign(null, Buffer.from(input), crypto.KeyObject.from(pairs.EdDSA!.privateKey)).toString('base64url')}`;
      },
    ],
    ['a wrong typ', () => sign('EdDSA', claims(), { typ: 'crg-other+jwt' }), { typ: 'crg-internal+jwt' }],
    ['a token older than its maximum age', () => sign('EdDSA', claims({ iat: now - 100 })), { maxTokenAge: 35 }],
    ['a token issued in the future', () => sign('EdDSA', claims({ iat: now + 100 })), { maxTokenAge: 35 }],
    ['a key id nobody publishes', () => sign('ES256', claims(), { kid: 'stranger' })],
    [
      'an algorithm other than its key',
      async () => {
        const [, p] = (await sign('ES256', claims())).split('.');
        const input = `${b64({ alg: 'ES384', kid: 'ES256' })}.${p}`;
        const signature = crypto.sign('sha384', Buffer.from(input), {
          key: crypto.KeyObject.from(pairs.ES256!.privateKey),
          dsaEncoding: 'ieee-p1363',
        });
        return `${input}.${signature.toString('base64url')}`;
      },
    ],
    [
      'a payload that is not an object',
      async () => {
        const input = `${b64({ alg: 'EdDSA', kid: 'EdDSA' })}.${b64([1, 2])}`;
        return `${input}.${crypto.sign(null, Buffer.from(input), crypto.KeyObject.from(pairs.EdDSA!.privateKey)).toString('base64url')}`;
      },
    ],
    ['four parts', async () => `${await sign('ES256', claims())}.x`],
  ];
  it.each(refusals)('refuses %s with the code jose gives', async (_, make, extra) => {
    const { ours, jose } = await both(await make(), extra);
    expect(ours).not.toMatch(/^accepted/);
    expect(ours).toBe(jose);
  });

  it('signs Ed25519 tokens that jose verifies', async () => {
    const token = signEd25519Jwt({ typ: 'crg-internal+jwt' }, claims({ role: 'analyst' }), pairs.EdDSA!.privateKey);
    const { payload } = await jwtVerify(token, pairs.EdDSA!.publicKey, {
      issuer,
      audience,
      typ: 'crg-internal+jwt',
      algorithms: ['EdDSA'],
    });
    expect(payload).toMatchObject({ role: 'analyst', sub: 'someone' });
    expect(() => signEd25519Jwt({ typ: 'x' }, claims(), pairs.EdDSA!.publicKey)).toThrow(/Ed25519 private key/);
  });
});
