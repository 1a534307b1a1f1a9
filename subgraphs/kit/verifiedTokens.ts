import { LRUCache } from 'lru-cache';
import type { Identity } from './auth/identity.ts';
import { verifyInternalToken } from './auth/internalToken.ts';
import type { Key } from './auth/keys.ts';

// How long after it was issued a subgraph still accepts an internal token (see internalToken.ts).
const maxTokenAgeSeconds = 35;

/**
 * Remembers internal tokens this subgraph has already verified, until they expire. The gateway
 * reuses one token per caller for 20 s, so without this every call paid for an Ed25519
 * verification through WebCrypto: the largest single item in a subgraph's CPU profile under
 * load. Only the exact token text that passed verification is remembered, and never past its
 * `exp` or its maximum age, so nothing is accepted that verification would refuse.
 */
export function cachedTokenVerifier(subgraph: string, publicKey: Key, now: () => number = Date.now) {
  const verified = new LRUCache<string, { identity: Identity; until: number }>({ max: 10_000 });
  return async (token: string | undefined): Promise<Identity> => {
    const known = token ? verified.get(token) : undefined;
    if (known && now() < known.until) return known.identity;
    const identity = await verifyInternalToken(token, subgraph, publicKey);
    const claims = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number; iat: number };
    verified.set(token!, { identity, until: Math.min(claims.exp, claims.iat + maxTokenAgeSeconds) * 1000 });
    return identity;
  };
}
