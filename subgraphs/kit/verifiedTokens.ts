import { LRUCache } from 'lru-cache';
import type { Identity } from '../../platform/auth/identity.ts';
import {
  requireBodyBinding,
  verifyCaseAccessToken,
  verifyRevisionToken,
  verifyToken,
  type VerifiedToken,
} from '../../platform/auth/internalToken.ts';
import type { Key } from '../../platform/auth/keys.ts';

/**
 * Remembers tokens that passed `check`, by their exact text, until they stop being accepted: never
 * past their `exp` or maximum age. A token not remembered, or no longer, is checked again.
 */
function rememberVerified(check: (token: string | undefined) => Promise<VerifiedToken>, now: () => number) {
  const verified = new LRUCache<string, VerifiedToken>({ max: 10_000 });
  return async (token: string | undefined): Promise<VerifiedToken> => {
    let known = token ? verified.get(token) : undefined;
    if (!known || now() >= known.acceptedUntil) {
      known = await check(token);
      verified.set(token!, known);
    }
    return known;
  };
}

/**
 * Remembers internal tokens this subgraph has already verified, until they expire. The gateway
 * reuses a token for the same caller and the same request body for 20 s (a dashboard asking the
 * same question), so without this every such call paid for an Ed25519 verification (through
 * WebCrypto then, the largest single item in a subgraph's CPU profile under load). Only the exact
 * token text that passed verification is remembered, and the body it binds is checked on every
 * request, so nothing is accepted that verification would refuse.
 */
export function cachedTokenVerifier(subgraph: string, publicKey: Key, now: () => number = Date.now) {
  const remembered = rememberVerified((token) => verifyToken(token, subgraph, publicKey), now);
  return async (token: string | undefined, body: string): Promise<Identity> => requireBodyBinding(await remembered(token), body);
}

/**
 * The same for case-access tokens, which the case registry receives from every sector a case read
 * reaches: the gateway signs one per caller for all of them, so one read verifies it once.
 */
export function cachedCaseAccessVerifier(publicKey: Key, now: () => number = Date.now) {
  const remembered = rememberVerified((token) => verifyCaseAccessToken(token, publicKey), now);
  return async (token: string | undefined): Promise<Identity> => (await remembered(token)).identity;
}

/** The same for revision tokens, which the gateway reuses for 20 s for every check of this subgraph. */
export function cachedRevisionVerifier(subgraph: string, publicKey: Key, now: () => number = Date.now) {
  const remembered = rememberVerified((token) => verifyRevisionToken(token, subgraph, publicKey), now);
  return async (token: string | undefined): Promise<Identity> => (await remembered(token)).identity;
}
