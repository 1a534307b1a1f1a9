import { KeyObject } from 'node:crypto';
import { createVerifier, type Algorithm } from 'fast-jwt';
import { decodeProtectedHeader, jwtVerify, type CryptoKey, type JWSHeaderParameters, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/*
 * Checks a caller's token: its signature by one of the issuer's keys and its standard claims. The
 * keys come from jose's key set (remote, file or development), which picks one per token header
 * and keeps jose's fetching, rotation and cooldown; the signature and claims are checked by
 * fast-jwt through node:crypto, about 40% less CPU per ES256 token than jose's WebCrypto path
 * (docs/performance.md, "Callers' tokens"). fast-jwt is configured to decide as jose's jwtVerify
 * did with the gateway's options (callerJwtVerifier.test.ts holds both to the same decision, and
 * the same reason, on a table of crafted tokens), and refusals are described in jose's words.
 */

/** Only asymmetric algorithms: `alg: none` and HMAC never, so a public key is never an HMAC secret. */
export const acceptedAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
export const clockToleranceSeconds = 5;

export interface CallerTokenExpectation {
  issuer: string;
  audience: string;
}

/** The verified claims: `sub` is present (of any type), `exp` a number. */
export type CallerClaims = JWTPayload & { exp: number };

/** A token refused; the message says why, in the words callers were always given. */
export class CallerTokenRefused extends Error {}

/** The options jose's jwtVerify was given; jose still decides alone on the rare tokens with `crit`. */
const joseOptions = (expected: CallerTokenExpectation) => ({
  issuer: expected.issuer,
  audience: expected.audience,
  algorithms: acceptedAlgorithms,
  requiredClaims: ['sub', 'exp'],
  clockTolerance: clockToleranceSeconds,
});

type FastJwtVerify = (token: string) => CallerClaims;

/** A verifier of tokens against the issuer's key set; throws CallerTokenRefused saying why not. */
export function callerJwtVerifier(keys: JWTVerifyGetKey, expected: CallerTokenExpectation): (token: string) => Promise<CallerClaims> {
  const accepted = new Set(acceptedAlgorithms);
  // One fast-jwt verifier per key the key set hands out (it gives the same object for the same
  // key and algorithm), so a key is converted once; keys the set drops on rotation go with it.
  const verifiers = new WeakMap<object, FastJwtVerify>();
  const verifierFor = (key: unknown): FastJwtVerify => {
    let verify = verifiers.get(key as object);
    if (!verify) {
      verify = keyVerifier(key, expected);
      verifiers.set(key as object, verify);
    }
    return verify;
  };

  return async (token) => {
    const segments = token.split('.');
    let header: JWSHeaderParameters;
    try {
      if (segments.length !== 3) throw new Error('not three segments');
      header = decodeProtectedHeader(token);
    } catch {
      throw new CallerTokenRefused(malformed);
    }
    // jose knows one extension (b64); this path none. A header with `crit` is left to jose whole.
    if (Object.hasOwn(header, 'crit')) {
      try {
        return (await jwtVerify(token, keys, joseOptions(expected))).payload as CallerClaims;
      } catch (error) {
        throw new CallerTokenRefused(describeJoseError(error));
      }
    }
    const { alg } = header;
    if (typeof alg !== 'string' || !alg) throw new CallerTokenRefused(malformed);
    if (!accepted.has(alg)) throw new CallerTokenRefused(algorithmNotAccepted);
    let verify;
    try {
      const [protectedHeader, payload, signature] = segments as [string, string, string];
      verify = verifierFor(await keys({ ...header, alg }, { protected: protectedHeader, payload, signature }));
    } catch (error) {
      throw new CallerTokenRefused(describeJoseError(error));
    }
    let claims;
    try {
      claims = verify(token);
    } catch (error) {
      throw new CallerTokenRefused(describeFastJwtError(error, segments[2]!));
    }
    // jose checks the type of `iat` whenever it is present; fast-jwt only with a maximum age.
    if (claims.iat !== undefined && typeof claims.iat !== 'number') {
      throw new CallerTokenRefused('its iat claim is wrong ("iat" claim must be a number)');
    }
    return claims;
  };
}

/**
 * fast-jwt's verifier for one key from jose's key set, for the one algorithm jose imported it for
 * (a key set hands out a key per algorithm it is used with): an RSA key for RS256 never verifies
 * PS256, an EC key never RS256, and no key is ever taken as an HMAC secret.
 */
function keyVerifier(key: unknown, expected: CallerTokenExpectation): FastJwtVerify {
  let keyObject: KeyObject;
  try {
    keyObject = KeyObject.from(key as CryptoKey);
  } catch {
    throw new Error("The issuer's key set gave a key that is not a CryptoKey");
  }
  const algorithm = jwsAlgorithmOf(key as CryptoKey);
  if (keyObject.type !== 'public' || !algorithm) throw new Error("The issuer's key set gave a key this gateway does not verify with");
  // jose refuses RSA keys shorter than 2048 bits, at verification, in these words.
  const modulusLength = keyObject.asymmetricKeyDetails?.modulusLength;
  if (keyObject.asymmetricKeyType === 'rsa' && !(modulusLength! >= 2048)) {
    throw new Error(`${algorithm} requires key modulusLength to be 2048 bits or larger`);
  }
  const verify = createVerifier({
    key: keyObject.export({ type: 'spki', format: 'pem' }).toString(),
    algorithms: [algorithm],
    allowedIss: expected.issuer,
    allowedAud: expected.audience,
    // fast-jwt checks `iss` and `aud` only when present; jose requires them when it is given them.
    // In jose's order, so a token missing several is refused for the same one.
    requiredClaims: ['iss', 'aud', 'exp', 'sub'],
    clockTolerance: clockToleranceSeconds * 1000,
    // Verified tokens are remembered by their digest already (callerIdentity.ts).
    cache: false,
  });
  return (token) => verify(token) as CallerClaims;
}

/** The JWS algorithm a key from jose's key set was imported for, by its WebCrypto algorithm. */
const algorithmOfKey: Record<string, Algorithm> = {
  'RSASSA-PKCS1-v1_5 SHA-256': 'RS256',
  'RSASSA-PKCS1-v1_5 SHA-384': 'RS384',
  'RSASSA-PKCS1-v1_5 SHA-512': 'RS512',
  'RSA-PSS SHA-256': 'PS256',
  'RSA-PSS SHA-384': 'PS384',
  'RSA-PSS SHA-512': 'PS512',
  'ECDSA P-256': 'ES256',
  'ECDSA P-384': 'ES384',
  'ECDSA P-521': 'ES512',
  Ed25519: 'EdDSA',
};

function jwsAlgorithmOf(key: CryptoKey): Algorithm | undefined {
  const { name, hash, namedCurve } = key.algorithm as { name: string; hash?: { name: string }; namedCurve?: string };
  return algorithmOfKey[[name, hash?.name ?? namedCurve].filter(Boolean).join(' ')];
}

const malformed = 'it is not a well-formed signed JWT';
const algorithmNotAccepted = 'its algorithm is not accepted (only asymmetric signatures are)';
const signatureDoesNotVerify = 'its signature does not verify';
const notValidYet = 'it is not valid yet (nbf)';

/** Why jose refused (or its key set found no key), as callers have always been told. */
export function describeJoseError(error: unknown): string {
  const e = error as { code?: string; message?: string; claim?: string };
  switch (e.code) {
    case 'ERR_JWT_EXPIRED':
      return 'it has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return e.claim === 'nbf' ? notValidYet : `its ${e.claim} claim is wrong (${e.message})`;
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return algorithmNotAccepted;
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'it was not signed by a key the issuer publishes';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return signatureDoesNotVerify;
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return malformed;
    default:
      return e.message ?? 'unknown error';
  }
}

/** Why fast-jwt refused, in the words jose's refusal of the same token gave. */
function describeFastJwtError(error: unknown, signatureSegment: string): string {
  const e = error as { code?: string; message?: string };
  const claim = /\b(?:The|None of) (\w+) claim/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'FAST_JWT_EXPIRED':
      return 'it has expired';
    case 'FAST_JWT_INACTIVE':
      return notValidYet;
    case 'FAST_JWT_MISSING_REQUIRED_CLAIM':
      return `its ${claim} claim is wrong (missing required "${claim}" claim)`;
    case 'FAST_JWT_INVALID_CLAIM_TYPE':
    case 'FAST_JWT_INVALID_CLAIM_VALUE':
      // jose's words: any fault of nbf is "not valid yet", an exp not a number says so, others "unexpected".
      if (claim === 'nbf') return notValidYet;
      return claim === 'exp'
        ? `its ${claim} claim is wrong ("${claim}" claim must be a number)`
        : `its ${claim} claim is wrong (unexpected "${claim}" claim value)`;
    case 'FAST_JWT_INVALID_ALGORITHM':
      return algorithmNotAccepted;
    case 'FAST_JWT_INVALID_SIGNATURE':
      // fast-jwt refuses characters outside base64url in the signature so; jose as malformed.
      return /^[\w-]*$/.test(signatureSegment) ? signatureDoesNotVerify : malformed;
    case 'FAST_JWT_MISSING_SIGNATURE':
    case 'FAST_JWT_VERIFY_ERROR':
      return signatureDoesNotVerify;
    case 'FAST_JWT_MALFORMED':
    case 'FAST_JWT_INVALID_PAYLOAD':
      return malformed;
    default:
      return e.message ?? 'unknown error';
  }
}
