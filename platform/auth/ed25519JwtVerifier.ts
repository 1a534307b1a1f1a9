import { KeyObject } from 'node:crypto';
import { createVerifier } from 'fast-jwt';
import type { Key } from './keys.ts';

/*
 * Verifies the JWTs the gateway signs for the subgraphs (Ed25519) through fast-jwt, which checks
 * the signature with node:crypto: about 75 µs of CPU against 215 µs through jose's WebCrypto
 * path, and a case read verifies three. It is configured to decide as jose's jwtVerify did with the
 * same expectations (ed25519JwtVerifier.test.ts holds both to the same outcome on a table of crafted
 * tokens), and adds the one check fast-jwt has no option for.
 */

/** What a token must be to be accepted. */
export interface JwtExpectation {
  /** The `typ` header. */
  type: string;
  issuer: string;
  audience: string;
  /** Seconds after its `iat` past which a token is refused, whatever its `exp`. */
  maxAgeSeconds: number;
  /** Seconds the issuer's clock and this one may differ by, either way. */
  clockToleranceSeconds: number;
}

/** The verified claims; `sub`, `iat` and `exp` are present (`iat` and `exp` as numbers). */
export type VerifiedClaims = Record<string, unknown> & { iat: number; exp: number };

/** A verifier of one kind of token against one Ed25519 public key; throws with the reason on refusal. */
export function ed25519JwtVerifier(publicKey: Key, expected: JwtExpectation): (token: string) => VerifiedClaims {
  const toleranceMs = expected.clockToleranceSeconds * 1000;
  const verifier = createVerifier({
    key: publicKeyPem(publicKey),
    algorithms: ['EdDSA'],
    checkTyp: expected.type,
    allowedIss: expected.issuer,
    allowedAud: expected.audience,
    // fast-jwt checks `iss` and `aud` only when present; jose requires them when it is given them.
    requiredClaims: ['sub', 'exp', 'iat', 'iss', 'aud'],
    // fast-jwt's maximum age does not count the tolerance (its `exp` and `nbf` checks do).
    maxAge: expected.maxAgeSeconds * 1000 + toleranceMs,
    clockTolerance: toleranceMs,
    // Verified tokens are remembered by their text already (subgraphs/kit/verifiedTokens.ts).
    cache: false,
  });
  return (token) => {
    const claims = verifier(token) as VerifiedClaims;
    // jose refuses a token issued ahead of its clock by more than the tolerance; fast-jwt cannot.
    if (claims.iat * 1000 > Date.now() + toleranceMs) {
      throw new Error(`the "iat" claim is ahead of this clock by more than ${expected.clockToleranceSeconds} s`);
    }
    return claims;
  };
}

/** fast-jwt takes a public key as PEM: exported once per verifier, refused unless it is a public key. */
function publicKeyPem(key: Key): string {
  const keyObject = key instanceof KeyObject ? key : KeyObject.from(key as Parameters<typeof KeyObject.from>[0]);
  if (keyObject.type !== 'public') throw new Error(`Gateway tokens are verified with a public key (got a ${keyObject.type} key)`);
  return keyObject.export({ type: 'spki', format: 'pem' }).toString();
}
