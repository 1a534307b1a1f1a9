import { constants, createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callerJwtVerifier, describeJoseError } from './callerJwtVerifier.ts';

/*
 * Callers' tokens were verified with jose's jwtVerify until fast-jwt took its place (CPU: see
 * docs/performance.md, "Callers' tokens"). Each crafted token below goes through both, jose with
 * the options the gateway gave it and the same key set, and each must be decided as the table
 * says, for the same reason. Both read a clock stopped half-way through a second, so the rows at
 * the tolerance's edges are decided at one instant.
 */

const issuer = 'https://idp.example';
const audience = 'crg';

/** The options the gateway gave jose (gateway/auth/callerIdentity.ts before fast-jwt). */
const joseOptions = {
  issuer,
  audience,
  algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
  requiredClaims: ['sub', 'exp'],
  clockTolerance: 5,
};

type Pair = { privateKey: KeyObject; publicKey: KeyObject };
const rsa = (modulusLength = 2048): Pair => generateKeyPairSync('rsa', { modulusLength });
const ec = (namedCurve: string): Pair => generateKeyPairSync('ec', { namedCurve });
const ed25519 = (): Pair => generateKeyPairSync('ed25519');

/** The issuer's keys, each published under its kid; the RSA ones without `alg`, so for RS* and PS*. */
const published = { rsa: rsa(), 'rsa-short': rsa(1024), p256: ec('P-256'), p384: ec('P-384'), p521: ec('P-521'), ed: ed25519() };
/** Keys of the same kinds the issuer does not hold. */
const stranger = { rsa: rsa(), p256: ec('P-256'), p384: ec('P-384'), p521: ec('P-521'), ed: ed25519() };
const jwks = {
  keys: Object.entries(published).map(([kid, pair]) => ({ ...pair.publicKey.export({ format: 'jwk' }), kid, use: 'sig' })),
};

/** Each accepted algorithm with the kid of its published key and the stranger key of its kind. */
const algorithms = [
  ['RS256', 'rsa'],
  ['RS384', 'rsa'],
  ['RS512', 'rsa'],
  ['PS256', 'rsa'],
  ['PS384', 'rsa'],
  ['PS512', 'rsa'],
  ['ES256', 'p256'],
  ['ES384', 'p384'],
  ['ES512', 'p521'],
  ['EdDSA', 'ed'],
] as const;

const segment = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** The JWS signature of `input` by `alg` (as RFC 7518 has it); PS with its digest-long salt unless told. */
function signature(alg: string, input: string, key: KeyObject, options: { der?: boolean; saltLength?: number } = {}): Buffer {
  const digest = `sha${alg.slice(2)}`;
  if (alg.startsWith('Ed')) return sign(null, Buffer.from(input), key);
  if (alg.startsWith('ES')) return sign(digest, Buffer.from(input), { key, dsaEncoding: options.der ? 'der' : 'ieee-p1363' });
  if (alg.startsWith('PS')) {
    const saltLength = options.saltLength ?? Number(alg.slice(2)) / 8;
    return sign(digest, Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
  }
  return sign(digest, Buffer.from(input), key);
}
const signed = (alg: string, header: string, payload: string, key: KeyObject, options?: { der?: boolean; saltLength?: number }) =>
  `${header}.${payload}.${signature(alg, `${header}.${payload}`, key, options).toString('base64url')}`;
const notUtf8 = (json: string) => Buffer.concat([Buffer.from(json.slice(0, -1) + ',"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);

type Decision = 'accepts' | 'refuses';
type Row = [name: string, token: string, expected: Decision];

/** Tokens crafted at `now` (whole seconds), each with what both verifiers must decide. */
function table(now: number): Row[] {
  const claims = { role: 'analyst', sub: 'analyst@lead', iss: issuer, aud: audience, iat: now, nbf: now, exp: now + 300, jti: 'j-1' };
  const es256 = { alg: 'ES256', kid: 'p256', typ: 'JWT' };
  const token = (header: object = es256, payload: object = claims, key = published.p256.privateKey) =>
    signed((header as { alg: string }).alg, segment(header), segment(payload), key);
  const without = (claim: keyof typeof claims) => Object.fromEntries(Object.entries(claims).filter(([name]) => name !== claim));
  const valid = token();
  const [h, p, s] = valid.split('.') as [string, string, string];
  const hmac = (alg: string, secret: string | Buffer) => {
    const input = `${segment({ alg, kid: 'p256', typ: 'JWT' })}.${p}`;
    return `${input}.${createHmac(`sha${alg.slice(2)}`, secret)
      .update(input)
      .digest('base64url')}`;
  };
  const publicPem = published.p256.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const publicJwk = JSON.stringify(jwks.keys.find((key) => key.kid === 'p256'));
  const flipped = Buffer.from(s, 'base64url');
  flipped[10]! ^= 1;
  // An ECDSA signature (r, s) also verifies as (r, n - s): both must take or both refuse it.
  const p256Order = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
  const raw = Buffer.from(s, 'base64url');
  const highS = Buffer.concat([
    raw.subarray(0, 32),
    Buffer.from((p256Order - BigInt(`0x${raw.subarray(32).toString('hex')}`)).toString(16).padStart(64, '0'), 'hex'),
  ]);

  return [
    ...algorithms.flatMap(([alg, kid]): Row[] => [
      [`${alg}, the issuer's key`, token({ alg, kid, typ: 'JWT' }, claims, published[kid].privateKey), 'accepts'],
      [`${alg}, another key under the issuer's kid`, token({ alg, kid, typ: 'JWT' }, claims, stranger[kid].privateKey), 'refuses'],
    ]),
    ['no kid, one key of its kind', token({ alg: 'ES256', typ: 'JWT' }), 'accepts'],
    ['no kid, two RSA keys of its kind', token({ alg: 'RS256' }, claims, published.rsa.privateKey), 'refuses'],
    ['kid the issuer does not publish', token({ ...es256, kid: 'p256-old' }), 'refuses'],
    ['kid of another type', token({ ...es256, kid: 5 }), 'refuses'],
    ['RSA key shorter than 2048 bits', token({ alg: 'RS256', kid: 'rsa-short' }, claims, published['rsa-short'].privateKey), 'refuses'],
    ['alg none, no signature', `${segment({ alg: 'none', typ: 'JWT' })}.${p}.`, 'refuses'],
    ['alg none, the real signature', `${segment({ alg: 'none', kid: 'p256' })}.${p}.${s}`, 'refuses'],
    ['alg None', `${segment({ alg: 'None', kid: 'p256' })}.${p}.${s}`, 'refuses'],
    ['no alg', `${segment({ kid: 'p256' })}.${p}.${s}`, 'refuses'],
    ['alg of another type', `${segment({ alg: ['ES256'], kid: 'p256' })}.${p}.${s}`, 'refuses'],
    ['alg Ed25519 (known to jose, not accepted)', token({ alg: 'Ed25519', kid: 'ed' }, claims, published.ed.privateKey), 'refuses'],
    ['HS256 keyed with the public key as PEM', hmac('HS256', publicPem), 'refuses'],
    ['HS256 keyed with the public JWK', hmac('HS256', publicJwk), 'refuses'],
    ['HS384 keyed with the public key as DER', hmac('HS384', published.p256.publicKey.export({ type: 'spki', format: 'der' })), 'refuses'],
    ['ES256 header on the RSA key (its kid)', token({ alg: 'ES256', kid: 'rsa' }), 'refuses'],
    [
      'ES256 header, signed by the RSA key',
      token({ alg: 'RS256', kid: 'rsa' }, claims, published.rsa.privateKey).replace(/^[^.]+/, segment({ alg: 'ES256', kid: 'rsa' })),
      'refuses',
    ],
    ['RS256 header on the EC key (its kid)', token({ alg: 'RS256', kid: 'p256' }, claims, published.rsa.privateKey), 'refuses'],
    ['ES384 header on the P-256 key', token({ alg: 'ES384', kid: 'p256' }, claims, published.p384.privateKey), 'refuses'],
    ['EdDSA header on the P-256 key', token({ alg: 'EdDSA', kid: 'p256' }, claims, published.ed.privateKey), 'refuses'],
    [
      'PS256 header over an RS256 signature',
      `${segment({ alg: 'PS256', kid: 'rsa' })}.${p}.${signature('RS256', `${segment({ alg: 'PS256', kid: 'rsa' })}.${p}`, published.rsa.privateKey).toString('base64url')}`,
      'refuses',
    ],
    [
      'RS256 header over a PS256 signature',
      `${segment({ alg: 'RS256', kid: 'rsa' })}.${p}.${signature('PS256', `${segment({ alg: 'RS256', kid: 'rsa' })}.${p}`, published.rsa.privateKey).toString('base64url')}`,
      'refuses',
    ],
    [
      'PS256 with a salt longer than its digest',
      signed('PS256', segment({ alg: 'PS256', kid: 'rsa' }), p, published.rsa.privateKey, { saltLength: 64 }),
      'refuses',
    ],
    ['ES256 signature in DER, not raw', signed('ES256', h, p, published.p256.privateKey, { der: true }), 'refuses'],
    ['ES256 signature with its high s', `${h}.${p}.${highS.toString('base64url')}`, 'accepts'],
    ['typ JWT', token({ ...es256, typ: 'JWT' }), 'accepts'],
    ['no typ', token({ alg: 'ES256', kid: 'p256' }), 'accepts'],
    ['typ at+jwt', token({ ...es256, typ: 'at+jwt' }), 'accepts'],
    ['typ a number', token({ ...es256, typ: 5 }), 'accepts'],
    ['wrong aud', token(es256, { ...claims, aud: 'some-other-service' }), 'refuses'],
    ['aud list holding ours', token(es256, { ...claims, aud: ['api', audience] }), 'accepts'],
    ['aud list without ours', token(es256, { ...claims, aud: ['api', 'crg-2'] }), 'refuses'],
    ['aud empty list', token(es256, { ...claims, aud: [] }), 'refuses'],
    ['aud a number', token(es256, { ...claims, aud: 5 }), 'refuses'],
    ['no aud', token(es256, without('aud')), 'refuses'],
    ['wrong iss', token(es256, { ...claims, iss: 'https://attacker.example' }), 'refuses'],
    ['iss a list holding ours', token(es256, { ...claims, iss: [issuer] }), 'refuses'],
    ['iss differing in case', token(es256, { ...claims, iss: issuer.toUpperCase() }), 'refuses'],
    ['no iss', token(es256, without('iss')), 'refuses'],
    ['no sub', token(es256, without('sub')), 'refuses'],
    // Neither checks the subject's type here; the gateway refuses a sub that is not a non-empty
    // string after (callerIdentity.ts).
    ['sub a number', token(es256, { ...claims, sub: 5 }), 'accepts'],
    ['sub null', token(es256, { ...claims, sub: null }), 'accepts'],
    ['no exp', token(es256, without('exp')), 'refuses'],
    ['exp a string', token(es256, { ...claims, exp: String(now + 300) }), 'refuses'],
    ['exp null', token(es256, { ...claims, exp: null }), 'refuses'],
    ['expired beyond the tolerance', token(es256, { ...claims, exp: now - 6 }), 'refuses'],
    ['expired at the tolerance', token(es256, { ...claims, exp: now - 5 }), 'refuses'],
    ['expired within the tolerance', token(es256, { ...claims, exp: now - 4 }), 'accepts'],
    ['nbf ahead beyond the tolerance', token(es256, { ...claims, nbf: now + 6 }), 'refuses'],
    ['nbf ahead at the tolerance', token(es256, { ...claims, nbf: now + 5 }), 'accepts'],
    ['nbf ahead within the tolerance', token(es256, { ...claims, nbf: now + 4 }), 'accepts'],
    ['nbf a string', token(es256, { ...claims, nbf: String(now) }), 'refuses'],
    ['no nbf', token(es256, without('nbf')), 'accepts'],
    ['iat a string', token(es256, { ...claims, iat: String(now) }), 'refuses'],
    ['iat null', token(es256, { ...claims, iat: null }), 'refuses'],
    ['iat in the future (no maximum age)', token(es256, { ...claims, iat: now + 3600 }), 'accepts'],
    ['no iat', token(es256, without('iat')), 'accepts'],
    ['crit naming an extension', token({ ...es256, crit: ['x-crg'], 'x-crg': true }), 'refuses'],
    ['crit naming a registered parameter', token({ ...es256, crit: ['exp'], exp: now + 300 }), 'refuses'],
    ['crit empty', token({ ...es256, crit: [] }), 'refuses'],
    ['crit null', token({ ...es256, crit: null }), 'refuses'],
    ['crit naming b64, b64 true', token({ ...es256, crit: ['b64'], b64: true }), 'accepts'],
    ['crit naming b64, b64 false', token({ ...es256, crit: ['b64'], b64: false }), 'refuses'],
    ['b64 false without crit (ignored)', token({ ...es256, b64: false }), 'accepts'],
    ['payload tampered', `${h}.${segment({ ...claims, role: 'administrator' })}.${s}`, 'refuses'],
    ['header tampered', `${segment({ ...es256, typ: 'jwt' })}.${p}.${s}`, 'refuses'],
    ['signature tampered', `${h}.${p}.${flipped.toString('base64url')}`, 'refuses'],
    ['signature cut short', `${h}.${p}.${s.slice(0, -4)}`, 'refuses'],
    ['signature empty', `${h}.${p}.`, 'refuses'],
    ['signature padded', `${h}.${p}.${s}=`, 'refuses'],
    ['signature in base64, not base64url', `${h}.${p}.${raw.toString('base64')}`, raw.toString('base64') === s ? 'accepts' : 'refuses'],
    ['non-ASCII subject', token(es256, { ...claims, sub: 'агент.ñandú@保健' }), 'accepts'],
    [
      'header bytes not UTF-8, issuer-signed',
      signed('ES256', notUtf8(JSON.stringify(es256)).toString('base64url'), p, published.p256.privateKey),
      'refuses',
    ],
    ['an extra dot', `${valid}.`, 'refuses'],
    ['an extra segment', `${h}.${p}.${s}.${s}`, 'refuses'],
    ['five segments', `${h}.${p}.${s}.${s}.${s}`, 'refuses'],
    ['two segments', `${h}.${p}`, 'refuses'],
    ['padded payload', signed('ES256', h, `${segment({ ...claims, sub: 'ab' })}=`, published.p256.privateKey), 'refuses'],
    ['base64 (not url) characters in the payload', signed('ES256', h, `${p}+/`, published.p256.privateKey), 'refuses'],
    ['payload not JSON', signed('ES256', h, segment('{"sub":'), published.p256.privateKey), 'refuses'],
    ['payload a JSON array', signed('ES256', h, segment([claims]), published.p256.privateKey), 'refuses'],
    ['payload a JSON string', signed('ES256', h, segment(JSON.stringify('x')), published.p256.privateKey), 'refuses'],
    ['header not JSON', signed('ES256', segment('{"alg":'), p, published.p256.privateKey), 'refuses'],
    ['header a JSON array', signed('ES256', segment([es256]), p, published.p256.privateKey), 'refuses'],
    ['empty', '', 'refuses'],
    ['dots only', '..', 'refuses'],
  ];
}

/** Where the two differ, each with why it is safe. */
function differences(now: number): Array<[string, string, { jose: Decision; fastJwt: Decision }]> {
  const header = segment({ alg: 'ES256', kid: 'p256' });
  const claims = { role: 'analyst', sub: 'analyst@lead', iss: issuer, aud: audience, iat: now, exp: now + 300 };
  const issuerSigned = (payload: string) => signed('ES256', header, payload, published.p256.privateKey);
  const valid = issuerSigned(segment(claims));
  return [
    // fast-jwt is the stricter: an audience list must hold strings only.
    [
      'aud list with a member not a string',
      issuerSigned(segment({ ...claims, aud: [5, audience] })),
      { jose: 'accepts', fastJwt: 'refuses' },
    ],
    // fast-jwt is the stricter; and the Authorization header's pattern lets no whitespace through.
    ['whitespace inside the signature', valid.replace(/(.{8})$/, ' $1'), { jose: 'accepts', fastJwt: 'refuses' }],
    // Bytes that are not UTF-8, under the issuer's own signature: jose refuses them, fast-jwt reads
    // them as U+FFFD. The issuer signs JSON text (valid UTF-8), so only a holder of its private key,
    // who can sign any claims, could make one.
    [
      'payload bytes not UTF-8, issuer-signed',
      issuerSigned(notUtf8(JSON.stringify(claims)).toString('base64url')),
      { jose: 'refuses', fastJwt: 'accepts' },
    ],
  ];
}

const outcome = (verification: Promise<unknown>) =>
  verification.then(
    () => ({ decision: 'accepts' as Decision, reason: '' }),
    (error: unknown) => ({ decision: 'refuses' as Decision, reason: error instanceof Error ? error.message : String(error) }),
  );

/** Each token judged by both at one instant: half-way through the second the tokens were made in. */
async function judged<T>(rows: (now: number) => Array<[string, string, T]>) {
  const now = Math.floor(Date.now() / 1000);
  vi.useFakeTimers({ toFake: ['Date'], now: now * 1000 + 500 });
  const keys = createLocalJWKSet(jwks);
  const verify = callerJwtVerifier(keys, { issuer, audience });
  const made = rows(now);
  const decided = [];
  for (const [name, token] of made) {
    const jose = await outcome(
      jwtVerify(token, keys, joseOptions).catch((error: unknown) => Promise.reject(new Error(describeJoseError(error)))),
    );
    const fastJwt = await outcome(verify(token));
    decided.push({ name, jose, fastJwt });
  }
  return { made, decided };
}

afterEach(() => vi.useRealTimers());

describe("callers' tokens: the gateway's verifier decides as jose did", () => {
  it('on every crafted token of the table, for the same reason', async () => {
    const { made, decided } = await judged(table);
    expect(decided.map(({ name, jose, fastJwt }) => ({ name, jose: jose.decision, fastJwt: fastJwt.decision }))).toEqual(
      made.map(([name, , expected]) => ({ name, jose: expected, fastJwt: expected })),
    );
    expect(decided.map(({ name, fastJwt }) => ({ name, reason: fastJwt.reason }))).toEqual(
      decided.map(({ name, jose }) => ({ name, reason: jose.reason })),
    );
  });

  it('and differs only where listed', async () => {
    const { made, decided } = await judged(differences);
    expect(decided.map(({ name, jose, fastJwt }) => ({ name, jose: jose.decision, fastJwt: fastJwt.decision }))).toEqual(
      made.map(([name, , expected]) => ({ name, ...expected })),
    );
  });

  it('names why it refused in the words callers were given', async () => {
    const { decided } = await judged(table);
    const reason = (name: string) => decided.find((row) => row.name === name)!.fastJwt.reason;
    expect(reason("ES256, another key under the issuer's kid")).toBe('its signature does not verify');
    expect(reason('kid the issuer does not publish')).toBe('it was not signed by a key the issuer publishes');
    expect(reason('HS256 keyed with the public key as PEM')).toBe('its algorithm is not accepted (only asymmetric signatures are)');
    expect(reason('expired beyond the tolerance')).toBe('it has expired');
    expect(reason('nbf ahead beyond the tolerance')).toBe('it is not valid yet (nbf)');
    expect(reason('wrong aud')).toBe('its aud claim is wrong (unexpected "aud" claim value)');
    expect(reason('no iss')).toBe('its iss claim is wrong (missing required "iss" claim)');
    expect(reason('exp a string')).toBe('its exp claim is wrong ("exp" claim must be a number)');
    expect(reason('payload not JSON')).toBe('it is not a well-formed signed JWT');
  });
});
