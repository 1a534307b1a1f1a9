import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createLocalJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { acceptedAlgorithms, callerJwtVerifier, clockToleranceSeconds } from '../../gateway/auth/callerJwtVerifier.ts';

/*
 * CPU per verification of a caller's token never seen before, in one process: jose's jwtVerify
 * (WebCrypto) against the gateway's verifier (callerJwtVerifier.ts: fast-jwt, node:crypto), both
 * with the key picked by `kid` from the same jose key set. 20 verifications in flight, as under
 * load; CPU of all the process's threads (WebCrypto works on the thread pool), in rounds that
 * alternate the two.
 *
 *   tsx scripts/bench/callerTokenCost.ts [--tokens 4000] [--rounds 5] [--algorithms ES256,RS256,EdDSA]
 */

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '5' },
    algorithms: { type: 'string', default: 'ES256,RS256,EdDSA' },
  },
});
const issuer = 'https://idp.example';
const audience = 'crg';
const inFlight = 20;

function issuerOf(alg: string) {
  const { privateKey, publicKey } =
    alg === 'EdDSA'
      ? generateKeyPairSync('ed25519')
      : alg.startsWith('ES')
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `key-${alg}`;
  const header = Buffer.from(JSON.stringify({ alg, kid, typ: 'JWT' })).toString('base64url');
  const mint = (key: KeyObject) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      role: 'analyst',
      sub: 'analyst@bench',
      iss: issuer,
      aud: audience,
      iat: now,
      nbf: now,
      exp: now + 3600,
      jti: randomUUID(),
    };
    const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = sign(alg === 'EdDSA' ? null : 'sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${signature.toString('base64url')}`;
  };
  const keys = createLocalJWKSet({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' }] });
  return { keys, tokens: (count: number) => Array.from({ length: count }, () => mint(privateKey)) };
}

/** CPU µs per verification over `tokens`, `inFlight` at a time. */
async function cpuPerVerification(verify: (token: string) => Promise<unknown>, tokens: string[]): Promise<number> {
  let next = 0;
  const before = process.cpuUsage();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < tokens.length) await verify(tokens[next++]!);
    }),
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / tokens.length;
}

function variants(keys: JWTVerifyGetKey): Record<string, (token: string) => Promise<unknown>> {
  const joseOptions = {
    issuer,
    audience,
    algorithms: acceptedAlgorithms,
    requiredClaims: ['sub', 'exp'],
    clockTolerance: clockToleranceSeconds,
  };
  return { jose: (token) => jwtVerify(token, keys, joseOptions), 'fast-jwt': callerJwtVerifier(keys, { issuer, audience }) };
}

const count = Number(values.tokens);
for (const alg of values.algorithms.split(',')) {
  const { keys, tokens } = issuerOf(alg);
  const ways = variants(keys);
  for (const verify of Object.values(ways)) await cpuPerVerification(verify, tokens(500));
  const results: Record<string, number[]> = {};
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [name, verify] of Object.entries(ways)) (results[name] ??= []).push(await cpuPerVerification(verify, tokens(count)));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [name, xs] of Object.entries(results)) {
    console.log(
      `${alg} ${name.padEnd(8)} CPU µs per verification: ${xs.map((x) => x.toFixed(0)).join(', ')} (median ${median(xs).toFixed(0)})`,
    );
  }
}
