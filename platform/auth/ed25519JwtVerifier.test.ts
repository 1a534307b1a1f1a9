import { createHmac, createPrivateKey, createPublicKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { ed25519JwtVerifier } from './ed25519JwtVerifier.ts';
import { verifyToken } from './internalToken.ts';
import { generateDevelopmentKeys, importKey } from './keys.ts';

/*
 * Gateway tokens were verified with jose's jwtVerify until fast-jwt took its place (CPU: see
 * docs/performance.md, "A case read's CPU"). Each crafted token below goes through both, jose with
 * the options the subgraphs gave it, fast-jwt through the subgraphs' own path (verifyToken), and
 * each must decide as the table says.
 */

const keys = await generateDevelopmentKeys();
const publicKey = await importKey(keys.gatewayPublic, 'EdDSA');
const gatewayKey = createPrivateKey({ key: keys.gatewayPrivate as JsonWebKey, format: 'jwk' });
const otherKey = createPrivateKey({ key: (await generateDevelopmentKeys()).gatewayPrivate as JsonWebKey, format: 'jwk' });
const publicPem = createPublicKey({ key: keys.gatewayPublic as JsonWebKey, format: 'jwk' })
  .export({ type: 'spki', format: 'pem' })
  .toString();

/** The options the subgraphs gave jose (platform/auth/internalToken.ts before fast-jwt). */
const joseOptions = {
  issuer: 'crg-gateway',
  audience: 'coordination',
  algorithms: ['EdDSA'],
  typ: 'crg-internal+jwt',
  requiredClaims: ['sub', 'exp', 'iat'],
  maxTokenAge: '35s',
  clockTolerance: 1,
};

const segment = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const signed = (header: string, payload: string, key: KeyObject = gatewayKey) =>
  `${header}.${payload}.${sign(null, Buffer.from(`${header}.${payload}`), key).toString('base64url')}`;
const notUtf8 = (json: string) => Buffer.concat([Buffer.from(json.slice(0, -1) + ',"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);

type Decision = 'accepts' | 'refuses';
const decide = (verification: Promise<unknown>): Promise<Decision> =>
  verification.then(
    () => 'accepts',
    () => 'refuses',
  );

/** Tokens crafted at `now` (whole seconds), each with what both verifiers must decide. */
function table(now: number): Array<[string, string, Decision]> {
  const header = { alg: 'EdDSA', typ: 'crg-internal+jwt' };
  const claims = { role: 'analyst', sector: null, sub: 'analyst@lead', iss: 'crg-gateway', aud: 'coordination', iat: now, exp: now + 30 };
  const token = (h: object = header, c: object = claims) => signed(segment(h), segment(c));
  const without = (claim: keyof typeof claims) => Object.fromEntries(Object.entries(claims).filter(([name]) => name !== claim));
  const valid = token();
  const [h, p, s] = valid.split('.') as [string, string, string];
  const hmac = (secret: string | Buffer) => {
    const input = `${segment({ alg: 'HS256', typ: header.typ })}.${p}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  const flipped = Buffer.from(s, 'base64url');
  flipped[10]! ^= 1;
  return [
    ['valid', valid, 'accepts'],
    ['signed by another key', signed(h, p, otherKey), 'refuses'],
    ['alg none, no signature', `${segment({ alg: 'none', typ: header.typ })}.${p}.`, 'refuses'],
    ['alg none, the real signature', `${segment({ alg: 'none', typ: header.typ })}.${p}.${s}`, 'refuses'],
    ['HS256 keyed with the public key as PEM', hmac(publicPem), 'refuses'],
    ['HS256 keyed with the raw public key', hmac(Buffer.from(keys.gatewayPublic.x!, 'base64url')), 'refuses'],
    ['alg Ed25519 (not the one allowed)', token({ ...header, alg: 'Ed25519' }), 'refuses'],
    ['wrong typ', token({ ...header, typ: 'JWT' }), 'refuses'],
    ["another kind's typ", token({ ...header, typ: 'crg-case-access+jwt' }), 'refuses'],
    ['no typ', token({ alg: 'EdDSA' }), 'refuses'],
    ['typ with application/ and in capitals', token({ ...header, typ: 'application/CRG-INTERNAL+JWT' }), 'accepts'],
    ['wrong aud', token(header, { ...claims, aud: 'health' }), 'refuses'],
    ['aud array holding ours', token(header, { ...claims, aud: ['health', 'coordination'] }), 'accepts'],
    ['aud array without ours', token(header, { ...claims, aud: ['health', 'police'] }), 'refuses'],
    ['no aud', token(header, without('aud')), 'refuses'],
    ['wrong iss', token(header, { ...claims, iss: 'crg-gateway-2' }), 'refuses'],
    ['iss of another type', token(header, { ...claims, iss: ['crg-gateway'] }), 'refuses'],
    ['no iss', token(header, without('iss')), 'refuses'],
    ['no sub', token(header, without('sub')), 'refuses'],
    // Neither checks the subject's type; only the gateway's key can sign one, and it writes strings.
    ['sub a number', token(header, { ...claims, sub: 5 }), 'accepts'],
    ['no exp', token(header, without('exp')), 'refuses'],
    ['exp a string', token(header, { ...claims, exp: String(now + 30) }), 'refuses'],
    ['no iat', token(header, without('iat')), 'refuses'],
    ['iat a string', token(header, { ...claims, iat: String(now) }), 'refuses'],
    ['expired beyond the tolerance', token(header, { ...claims, iat: now - 33, exp: now - 3 }), 'refuses'],
    ['expired within the tolerance', token(header, { ...claims, iat: now - 30, exp: now }), 'accepts'],
    ['issued longer ago than the maximum age', token(header, { ...claims, iat: now - 40, exp: now + 60 }), 'refuses'],
    ['issued within the maximum age, long exp', token(header, { ...claims, iat: now - 30, exp: now + 60 }), 'accepts'],
    ['iat ahead beyond the tolerance', token(header, { ...claims, iat: now + 3, exp: now + 33 }), 'refuses'],
    ['iat ahead within the tolerance', token(header, { ...claims, iat: now + 1, exp: now + 31 }), 'accepts'],
    ['nbf ahead beyond the tolerance', token(header, { ...claims, nbf: now + 5 }), 'refuses'],
    ['nbf ahead within the tolerance', token(header, { ...claims, nbf: now + 1 }), 'accepts'],
    ['crit header naming an extension', token({ ...header, crit: ['x-crg'], 'x-crg': true }), 'refuses'],
    ['crit header naming a registered one', token({ ...header, crit: ['exp'], exp: now + 30 }), 'refuses'],
    ['payload tampered', `${h}.${segment({ ...claims, role: 'administrator' })}.${s}`, 'refuses'],
    ['signature tampered', `${h}.${p}.${flipped.toString('base64url')}`, 'refuses'],
    ['signature cut short', `${h}.${p}.${s.slice(0, -4)}`, 'refuses'],
    ['non-ASCII subject', token(header, { ...claims, sub: 'агент.ñandú@保健' }), 'accepts'],
    ['an extra dot', `${valid}.`, 'refuses'],
    ['an extra segment', `${h}.${p}.${s}.${s}`, 'refuses'],
    ['two segments', `${h}.${p}`, 'refuses'],
    ['padded payload', signed(h, `${segment({ ...claims, sub: 'ab' })}=`), 'refuses'],
    ['base64 (not url) characters', signed(h, `${p}+/`), 'refuses'],
    ['payload not JSON', signed(h, segment('{"sub":')), 'refuses'],
    ['payload a JSON array', signed(h, segment([claims])), 'refuses'],
    ['header not JSON', signed(segment('{"alg":'), p), 'refuses'],
    ['empty', '', 'refuses'],
  ];
}

/** Where the two differ: fast-jwt is the stricter on the first three; see the last two's note. */
function differences(now: number): Array<[string, string, { jose: Decision; fastJwt: Decision }]> {
  const header = { alg: 'EdDSA', typ: 'crg-internal+jwt' };
  const claims = { role: 'analyst', sector: null, sub: 'analyst@lead', iss: 'crg-gateway', aud: 'coordination', iat: now, exp: now + 30 };
  const valid = signed(segment(header), segment(claims));
  return [
    [
      'aud array with a member not a string',
      signed(segment(header), segment({ ...claims, aud: [5, 'coordination'] })),
      { jose: 'accepts', fastJwt: 'refuses' },
    ],
    [
      'crit naming b64 (which jose knows), b64 true',
      signed(segment({ ...header, crit: ['b64'], b64: true }), segment(claims)),
      { jose: 'accepts', fastJwt: 'refuses' },
    ],
    ['whitespace inside the signature', valid.replace(/(.{8})$/, ' $1'), { jose: 'accepts', fastJwt: 'refuses' }],
    // Bytes that are not UTF-8, under the gateway's own signature: jose refuses them, fast-jwt reads
    // them as U+FFFD. The gateway signs JSON text only (valid UTF-8), so only a holder of its
    // private key, who can sign anything, could make one.
    [
      'payload bytes not UTF-8, gateway-signed',
      signed(segment(header), notUtf8(JSON.stringify(claims)).toString('base64url')),
      { jose: 'refuses', fastJwt: 'accepts' },
    ],
    [
      'header bytes not UTF-8, gateway-signed',
      signed(notUtf8(JSON.stringify(header)).toString('base64url'), segment(claims)),
      { jose: 'refuses', fastJwt: 'accepts' },
    ],
  ];
}

/**
 * Each token judged by both, all within the whole second they were made in (from early in it, and
 * again if the judging ran past it), so that the rows at the tolerance's edge are decided alike.
 */
async function judged<T>(rows: (now: number) => Array<[string, string, T]>) {
  for (;;) {
    while (Date.now() % 1000 > 300) await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
    const now = Math.floor(Date.now() / 1000);
    const made = rows(now);
    const decided = await Promise.all(
      made.map(async ([name, token]) => ({
        name,
        jose: await decide(jwtVerify(token, publicKey, joseOptions)),
        fastJwt: await decide(verifyToken(token, 'coordination', publicKey)),
      })),
    );
    if (Math.floor(Date.now() / 1000) === now) return { made, decided };
  }
}

describe('gateway tokens: fast-jwt decides as jose did', () => {
  it('on every crafted token of the table', async () => {
    const { made, decided } = await judged(table);
    expect(decided).toEqual(made.map(([name, , expected]) => ({ name, jose: expected, fastJwt: expected })));
  });

  it('and differs only where listed', async () => {
    const { made, decided } = await judged(differences);
    expect(decided).toEqual(made.map(([name, , expected]) => ({ name, ...expected })));
  });

  it('names why it refused, in the form the subgraphs answer with', async () => {
    const tokens = new Map(table(Math.floor(Date.now() / 1000)).map(([name, token]) => [name, token]));
    await expect(verifyToken(tokens.get('signed by another key'), 'coordination', publicKey)).rejects.toThrow(
      'This subgraph answers only the gateway: the gateway token is not valid (The token signature is invalid.)',
    );
    await expect(verifyToken(tokens.get('wrong typ'), 'coordination', publicKey)).rejects.toThrow(/not valid \(Invalid typ\.\)/);
    await expect(verifyToken(tokens.get('valid'), 'health', publicKey)).rejects.toThrow(
      /not valid \(The aud claim value is not allowed\.\)/,
    );
    await expect(verifyToken(tokens.get('iat ahead beyond the tolerance'), 'coordination', publicKey)).rejects.toThrow(
      /not valid \(the "iat" claim is ahead of this clock by more than 1 s\)/,
    );
  });

  it('refuses to be made with a private key', () => {
    expect(() =>
      ed25519JwtVerifier(gatewayKey, { type: 't', issuer: 'i', audience: 'a', maxAgeSeconds: 35, clockToleranceSeconds: 1 }),
    ).toThrow(/public key \(got a private key\)/);
  });
});
