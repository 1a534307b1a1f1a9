import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { LRUCache } from 'lru-cache';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { sectorIds } from '../../platform/catalog.ts';
import { UnauthenticatedError, type Identity } from '../../platform/auth/identity.ts';
import { isRole, scopesByRole, sectorBoundRoles } from '../../platform/auth/roles.ts';
import type { AuthConfig } from '../../platform/config.ts';
import { callerJwtVerifier, CallerTokenRefused, type CallerClaims } from './callerJwtVerifier.ts';

/*
 * Verifies the bearer token a caller presents and turns it into an Identity. Only asymmetric
 * algorithms are accepted: `alg: none` and every HMAC algorithm are refused outright, so a
 * public key can never be used as an HMAC secret, and a key id the issuer does not publish
 * matches no key (callerJwtVerifier.ts).
 */

export interface CallerVerifier {
  /** The identity in the Authorization header; throws UnauthenticatedError saying why not. */
  verify(authorization: string | undefined): Promise<Identity>;
}

/** The issuer's public keys: from its JWKS URL, a JWKS file, or (development) the local issuer's set. */
export function callerKeySet(auth: AuthConfig, developmentJwks?: JSONWebKeySet): JWTVerifyGetKey {
  if (auth.jwksUrl) return createRemoteJWKSet(new URL(auth.jwksUrl));
  if (auth.jwksFile) return createLocalJWKSet(JSON.parse(fs.readFileSync(auth.jwksFile, 'utf8')) as JSONWebKeySet);
  if (developmentJwks) return createLocalJWKSet(developmentJwks);
  throw new Error("No key set to verify callers' tokens with: set CRG_AUTH_JWKS_URL or CRG_AUTH_JWKS_FILE");
}

/**
 * How long a token that passed verification is taken without verifying its signature again: a
 * dashboard sends the same token with every request, and the signature check was the largest
 * item of the gateway's own work per request after the network. Never past the token's `exp`;
 * a key the issuer withdraws stops being trusted within this time (its key set is cached for
 * longer than this anyway).
 */
export const rememberVerifiedMs = 60_000;

/**
 * Verified tokens are remembered by their SHA-256, not their text: a caller token is about 450
 * characters, its digest 43, and a full memory of 10,000 tokens held 7.9 MB by their text against
 * 2.8 MB by their digest (measured in docs/performance.md, "Gateway memory"). Taking the digest
 * costs about a microsecond per request; a different text has a different digest.
 */
const tokenDigest = (authorization: string) => createHash('sha256').update(authorization, 'utf8').digest();

/**
 * A token is remembered only when it is verified a second time: a dashboard sends one token with
 * every request and pays one more signature check, once per token; a caller that sends each token
 * once (as benchmarks do, and scripts) fills no memory with identities never asked for again. The
 * tokens verified once are marked in a fixed table by a fingerprint of their digest: 256 KB, where
 * 10,000 remembered identities took 2.8 MB. A slot holds the last token marked there, so a token
 * may be found unmarked (its slot taken since) and is then checked once more, or marked when it was
 * not (another's fingerprint, one chance in 2^32): either way it was verified before it is
 * remembered, so this decides only what is kept, never what is trusted.
 */
export class VerifiedOnce {
  private readonly fingerprints: Uint32Array;

  constructor(private readonly slots = 65_536) {
    if (!Number.isInteger(Math.log2(slots))) throw new Error(`VerifiedOnce needs a power of two of slots (got ${slots})`);
    this.fingerprints = new Uint32Array(slots);
  }

  /** Whether a token of this digest was marked before; marks it. */
  markAndCheck(digest: Buffer): boolean {
    const slot = digest.readUInt32LE(0) & (this.slots - 1);
    // 0 is an empty slot, never a fingerprint.
    const fingerprint = digest.readUInt32LE(4) || 1;
    const marked = this.fingerprints[slot] === fingerprint;
    this.fingerprints[slot] = fingerprint;
    return marked;
  }
}

/** The verifier of callers' tokens; its clock is the process's (`Date.now`), as its checks' are. */
export function createCallerVerifier(auth: Pick<AuthConfig, 'issuer' | 'audience'>, keys: JWTVerifyGetKey): CallerVerifier {
  const verified = new LRUCache<string, { identity: Identity; until: number }>({ max: 10_000 });
  const verifiedOnce = new VerifiedOnce();
  const verifyToken = tokenVerifier(auth, keys);
  return {
    async verify(authorization) {
      const digest = authorization ? tokenDigest(authorization) : undefined;
      const key = digest?.toString('base64url');
      const known = key ? verified.get(key) : undefined;
      if (known && Date.now() < known.until) return known.identity;
      const { identity, expiresAt } = await verifyToken(authorization);
      if (verifiedOnce.markAndCheck(digest!)) verified.set(key!, { identity, until: Math.min(expiresAt, Date.now() + rememberVerifiedMs) });
      return identity;
    },
  };
}

function tokenVerifier(auth: Pick<AuthConfig, 'issuer' | 'audience'>, keys: JWTVerifyGetKey) {
  const verifyJwt = callerJwtVerifier(keys, { issuer: auth.issuer, audience: auth.audience });
  return async (authorization: string | undefined): Promise<{ identity: Identity; expiresAt: number }> => {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization ?? '');
    if (!authorization) throw new UnauthenticatedError();
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    let payload: CallerClaims;
    try {
      payload = await verifyJwt(match[1]!);
    } catch (error) {
      if (!(error instanceof CallerTokenRefused)) throw error;
      throw new UnauthenticatedError(`The bearer token was refused: ${error.message}`);
    }
    const { role, sector, sub } = payload;
    // jose requires the claim but not its type: a subject names the caller in every audit entry.
    if (typeof sub !== 'string' || sub === '')
      throw new UnauthenticatedError(
        `The bearer token names no caller: its sub claim must be a non-empty string (sub: ${JSON.stringify(sub)})`,
      );
    if (!isRole(role) || role === 'anonymous')
      throw new UnauthenticatedError(`The bearer token names no known role (role: ${JSON.stringify(role)})`);
    const sectorBound = sectorBoundRoles.includes(role);
    if (sectorBound && (typeof sector !== 'string' || !sectorIds.includes(sector))) {
      throw new UnauthenticatedError(
        `The ${role} role acts for one sector: the token must name one of ${sectorIds.join(', ')} (sector: ${JSON.stringify(sector)})`,
      );
    }
    if (!sectorBound && sector !== undefined && sector !== null) {
      throw new UnauthenticatedError(`The ${role} role does not act for a sector, yet the token names one`);
    }
    const identity = { subject: sub, role, sector: sectorBound ? (sector as string) : null, scopes: scopesByRole[role] };
    return { identity, expiresAt: payload.exp * 1000 };
  };
}
