import { createHash, KeyObject, sign as signBytes } from 'node:crypto';
import { decodeJwt, type JWTPayload } from 'jose';
import { ed25519JwtVerifier, type VerifiedClaims } from './ed25519JwtVerifier.ts';
import type { Key } from './keys.ts';
import { isRole, scopesByRole } from './roles.ts';
import { UnauthenticatedError, type Identity } from './identity.ts';

/*
 * The gateway's word to a subgraph about who is calling. The gateway signs one per subgraph
 * call with its own private key (Ed25519); every subgraph holds only the public key. The token
 * is addressed to one subgraph (audience), lives for seconds, and carries the SHA-256 of the
 * exact request body it was minted for: one taken from a log or a proxy cannot be replayed
 * against another subgraph, later, or with any other query, variables or entity
 * representations than the ones the gateway sent. So what a subgraph reads in the body (an
 * `_entities` representation included) is what the gateway sent, not what a caller made up.
 *
 * A second kind, the case-access token, lets a sector subgraph ask the case registry whether the
 * caller may see a case (see caseAccess/): addressed to coordination's case-access route only,
 * it carries the caller's identity and nothing else, and is useless for any GraphQL request.
 *
 * A third, the revision token, lets the gateway's response cache read a subgraph's store revision
 * (platform/subgraphRevision.ts): of its own type, addressed to `<subgraph>#revision`, it is
 * accepted by the revision route only, so one taken in transit opens no GraphQL request.
 */

export const internalTokenHeader = 'x-crg-gateway-token';
export const caseAccessTokenHeader = 'x-crg-case-access-token';
const issuer = 'crg-gateway';
export const internalTokenAlgorithm = 'EdDSA';
const lifetimeSeconds = 30;
/** How far apart the gateway's and a subgraph's clocks may be. */
const clockToleranceSeconds = 1;
const internalTokenType = 'crg-internal+jwt';
const caseAccessTokenType = 'crg-case-access+jwt';
const revisionTokenType = 'crg-revision+jwt';
/** The audience of case-access tokens: coordination's case-access route, never a GraphQL endpoint. */
export const caseAccessAudience = 'coordination#case-access';
/** The audience of a revision token: the subgraph's revision route, never its GraphQL endpoint. */
const revisionAudience = (subgraph: string) => `${subgraph}#revision`;

/** The digest a token binds: SHA-256 of the request body as sent, base64url. */
export function bodyDigest(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('base64url');
}

const base64url = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');
const signingKeys = new WeakMap<object, KeyObject>();

/** The key as a node:crypto KeyObject (converted once per key), refused unless it is an Ed25519 private key. */
function ed25519SigningKey(key: Key): KeyObject {
  let keyObject = signingKeys.get(key);
  if (!keyObject) {
    // Node's own error for a wrong type quotes the start of the value: a key must never be echoed.
    if (typeof key !== 'object' || key === null)
      throw new Error(`The gateway signs internal tokens with an Ed25519 private key (got a ${typeof key})`);
    keyObject = key instanceof KeyObject ? key : KeyObject.from(key as Parameters<typeof KeyObject.from>[0]);
    if (keyObject.type !== 'private' || keyObject.asymmetricKeyType !== 'ed25519') {
      throw new Error(
        `The gateway signs internal tokens with an Ed25519 private key (got a ${keyObject.type} ${keyObject.asymmetricKeyType} key)`,
      );
    }
    signingKeys.set(key, keyObject);
  }
  return keyObject;
}

/**
 * A compact JWS (RFC 7515) of the token's claims, signed with node:crypto's one-shot Ed25519
 * (RFC 8037 EdDSA) rather than through jose's WebCrypto path: the gateway signs up to one token
 * per subgraph call, and WebCrypto's asynchronous job cost three times the signature itself
 * (about 140 µs against 35 µs of CPU). The claims are those jose's SignJWT wrote; subgraphs verify
 * them apart (`verify` below), so a token this writes wrongly is refused, never accepted.
 */
async function sign(identity: Identity, type: string, audience: string, key: Key, extra: JWTPayload = {}): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = {
    role: identity.role,
    sector: identity.sector,
    ...extra,
    sub: identity.subject,
    iss: issuer,
    aud: audience,
    iat: issuedAt,
    exp: issuedAt + lifetimeSeconds,
  };
  const signingInput = `${base64url({ alg: internalTokenAlgorithm, typ: type })}.${base64url(claims)}`;
  const signature = signBytes(null, Buffer.from(signingInput), ed25519SigningKey(key));
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** The token for one call to `subgraph` with exactly `body`. */
export function signInternalToken(identity: Identity, subgraph: string, privateKey: Key, body: string): Promise<string> {
  return signBoundToken(identity, subgraph, privateKey, bodyDigest(body));
}

/** As signInternalToken, for a body whose digest (bodyDigest) the caller has already taken. */
export function signBoundToken(identity: Identity, subgraph: string, privateKey: Key, digest: string): Promise<string> {
  return sign(identity, internalTokenType, subgraph, privateKey, { body_sha256: digest });
}

/** The token with which a sector subgraph asks coordination what the caller may see. */
export function signCaseAccessToken(identity: Identity, privateKey: Key): Promise<string> {
  return sign(identity, caseAccessTokenType, caseAccessAudience, privateKey);
}

/** The token with which the gateway asks `subgraph` for its store revision, and for nothing else. */
export function signRevisionToken(identity: Identity, subgraph: string, privateKey: Key): Promise<string> {
  return sign(identity, revisionTokenType, revisionAudience(subgraph), privateKey);
}

/**
 * The headers the gateway sends with one call to `subgraph`: the token bound to `body` and, for a
 * caller acting for a sector, the case-access token. For tools and tests that call a subgraph as
 * the gateway would (the gateways reuse them instead: see CallTokens).
 */
export async function gatewayCallHeaders(identity: Identity, subgraph: string, key: Key, body: string): Promise<Record<string, string>> {
  return {
    [internalTokenHeader]: await signInternalToken(identity, subgraph, key, body),
    ...(identity.sector ? { [caseAccessTokenHeader]: await signCaseAccessToken(identity, key) } : {}),
  };
}

/**
 * The case-access token that came with a gateway call, refused unless it names the caller the
 * call's (verified, body-bound) gateway token names. The registry verifies its signature; this
 * check stops a genuine token of another caller, taken from another call, being put in this
 * call's header on the way, which would make the registry decide by that caller's sector.
 */
export function caseAccessTokenFor(caller: Identity, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch (error) {
    throw new UnauthenticatedError(
      `This subgraph answers only the gateway: the case-access token is not valid (${(error as Error).message})`,
    );
  }
  if (claims.sub !== caller.subject || claims.role !== caller.role || (claims.sector ?? null) !== caller.sector) {
    throw new UnauthenticatedError(
      'This subgraph answers only the gateway: the case-access token names another caller than the gateway token',
    );
  }
  return token;
}

/** A verified token: who it stands for, and the body digest it binds (internal tokens only). */
export interface VerifiedToken {
  identity: Identity;
  bodySha256: string | null;
  /** When it stops being accepted, in ms since the epoch. */
  acceptedUntil: number;
}

type ClaimsVerifier = (token: string) => VerifiedClaims;
/** One verifier per public key, token type and audience, made on first use. */
const claimsVerifiers = new WeakMap<object, Map<string, ClaimsVerifier>>();

function claimsVerifier(type: string, audience: string, publicKey: Key): ClaimsVerifier {
  let byKind = claimsVerifiers.get(publicKey);
  if (!byKind) claimsVerifiers.set(publicKey, (byKind = new Map<string, ClaimsVerifier>()));
  const kind = `${type} ${audience}`;
  let verifier = byKind.get(kind);
  if (!verifier) {
    verifier = ed25519JwtVerifier(publicKey, {
      type,
      issuer,
      audience,
      maxAgeSeconds: lifetimeSeconds + 5,
      // Without it a token is refused while the gateway's clock is ahead of the subgraph's, even by
      // milliseconds, whenever its iat second has begun there and not here.
      clockToleranceSeconds,
    });
    byKind.set(kind, verifier);
  }
  return verifier;
}

async function verify(token: string | undefined, type: string, audience: string, publicKey: Key): Promise<VerifiedToken> {
  if (!token) throw new UnauthenticatedError('This subgraph answers only the gateway: the request carries no gateway token');
  try {
    const payload = claimsVerifier(type, audience, publicKey)(token);
    if (!isRole(payload.role)) throw new Error(`unknown role ${JSON.stringify(payload.role)}`);
    const sector = typeof payload.sector === 'string' ? payload.sector : null;
    return {
      identity: { subject: payload.sub as string, role: payload.role, sector, scopes: scopesByRole[payload.role] },
      bodySha256: typeof payload.body_sha256 === 'string' ? payload.body_sha256 : null,
      acceptedUntil: (Math.min(payload.exp, payload.iat + lifetimeSeconds + 5) + clockToleranceSeconds) * 1000,
    };
  } catch (error) {
    throw new UnauthenticatedError(`This subgraph answers only the gateway: the gateway token is not valid (${(error as Error).message})`);
  }
}

/** Refuses a token minted for another body than the one it came with. */
export function requireBodyBinding(token: VerifiedToken, body: string): Identity {
  if (!token.bodySha256 || token.bodySha256 !== bodyDigest(body)) {
    throw new UnauthenticatedError(
      'This subgraph answers only the gateway: the gateway token was minted for another request body than this one',
    );
  }
  return token.identity;
}

/**
 * Checks an internal token's signature, issuer, audience and age, and returns what it carries;
 * its body binding is checked apart (requireBodyBinding), on every request, remembered or not.
 * Scopes are derived from the role, so a token cannot claim scopes its role does not grant.
 */
export function verifyToken(token: string | undefined, subgraph: string, publicKey: Key): Promise<VerifiedToken> {
  return verify(token, internalTokenType, subgraph, publicKey);
}

/** Checks a case-access token and returns the identity it carries (`bodySha256` is null: it binds none). */
export function verifyCaseAccessToken(token: string | undefined, publicKey: Key): Promise<VerifiedToken> {
  return verify(token, caseAccessTokenType, caseAccessAudience, publicKey);
}

/** Checks a revision token addressed to `subgraph` (`bodySha256` is null: it binds none). */
export function verifyRevisionToken(token: string | undefined, subgraph: string, publicKey: Key): Promise<VerifiedToken> {
  return verify(token, revisionTokenType, revisionAudience(subgraph), publicKey);
}
