import { LRUCache } from 'lru-cache';
import type { Identity } from '../../platform/auth/identity.ts';
import { requireBodyBinding, verifyCaseAccessToken, verifyToken, type VerifiedToken } from '../../platform/auth/internalToken.ts';
import type { Key } from '../../platform/auth/keys.ts';

/**
 * Remembers internal tokens this subgraph has already verified, until they expire. The gateway
 * reuses a token for the same caller and the same request body for 20 s (a dashboard asking the
 * same question), so without this every such call paid for an Ed25519 verification through
 * WebCrypto: the largest single item in a subgraph's CPU profile under load. Only the exact
 * token text that passed verification is remembered, never past its `exp` or its maximum age,
 * and the body it binds is checked on every request, so nothing is accepted that verification
 * would refuse.
 */
export function cachedTokenVerifier(subgraph: string, publicKey: Key, now: () => number = Date.now) {
  const verifyOnce = remembering((token) => verifyToken(token, subgraph, publicKey), now);
  return async (token: string | undefined, body: string): Promise<Identity> => requireBodyBinding(await verifyOnce(token), body);
}

/**
 * The same for the case-access tokens coordination's case-access route receives: the gateway
 * reuses one per caller while it lives, and every sector's check of every case read brings it.
 */
export function cachedCaseAccessVerifier(publicKey: Key, now: () => number = Date.now) {
  const verifyOnce = remembering((token) => verifyCaseAccessToken(token, publicKey), now);
  return async (token: string | undefined): Promise<Identity> => (await verifyOnce(token)).identity;
}

/** `verify`, with each token that passed remembered until it stops being accepted. */
function remembering(verify: (token: string | undefined) => Promise<VerifiedToken>, now: () => number) {
  const verified = new LRUCache<string, VerifiedToken>({ max: 10_000 });
  return async (token: string | undefined): Promise<VerifiedToken> => {
    let known = token ? verified.get(token) : undefined;
    if (!known || now() >= known.acceptedUntil) {
      known = await verify(token);
      verified.set(token!, known);
    }
    return known;
  };
}
