import { LRUCache } from 'lru-cache';
import type { Identity } from './identity.ts';
import { bodyDigest, caseAccessTokenHeader, internalTokenHeader, signBoundToken, signCaseAccessToken } from './internalToken.ts';
import type { Key } from './keys.ts';

// Internal tokens live 30 s; one is reused for 20 s for the same caller, subgraph and request
// body, so a dashboard asking the same question again does not cost a signature per call (nor
// the subgraph a verification). A thousand per subgraph hold every dashboard's questions; more
// held only the tokens of callers who do not ask again (with a new caller token per request, an
// estimated 30-40 MB of the gateway's memory at 300 requests/s), each saving one signature.
const tokenReuseMs = 20_000;
const tokensKept = 1_000;

const callerKey = (identity: Identity) => `${identity.role}\n${identity.sector ?? ''}\n${identity.subject}`;

/**
 * A copy of `text` in one piece, to keep. V8 holds a string built by concatenation (a key, a
 * token) as a tree of its parts until something reads it whole, and a kept tree keeps its parts
 * and its nodes: a thousand tokens per subgraph with their keys, seven subgraphs, held 5.8 MB of
 * heap as built and 4.1 MB copied (docs/performance.md, "Gateway memory"). Copied once, when a
 * token is signed, never on a reuse.
 */
const inOnePiece = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/**
 * The tokens a gateway signs for its subgraph calls (see internalToken.ts), each kept and reused
 * for 20 s: the internal token per subgraph, caller and body digest; the case-access token per
 * caller. A case-access token names the caller and no subgraph, so every sector's call uses the
 * same one: a case read fanned out to five sectors signs one, not five. Its promise is kept, so
 * the sectors' calls of one request, made at once, share its signature.
 */
export class CallTokens {
  private readonly internal = new Map<string, LRUCache<string, string>>();
  private readonly caseAccess = new LRUCache<string, Promise<string>>({ max: tokensKept, ttl: tokenReuseMs });

  constructor(private readonly signingKey: Key) {}

  /** The token for this caller's call to `subgraph` with exactly `body`. */
  async internalToken(identity: Identity, subgraph: string, body: string): Promise<string> {
    let tokens = this.internal.get(subgraph);
    if (!tokens) {
      tokens = new LRUCache<string, string>({ max: tokensKept, ttl: tokenReuseMs });
      this.internal.set(subgraph, tokens);
    }
    const digest = bodyDigest(body);
    const key = `${callerKey(identity)}\n${digest}`;
    let token = tokens.get(key);
    if (!token) {
      token = inOnePiece(await signBoundToken(identity, subgraph, this.signingKey, digest));
      tokens.set(inOnePiece(key), token);
    }
    return token;
  }

  /** The token with which a sector subgraph asks the case registry what this caller may see. */
  caseAccessToken(identity: Identity): Promise<string> {
    const key = callerKey(identity);
    const kept = this.caseAccess.get(key);
    if (kept) return kept;
    const signing = signCaseAccessToken(identity, this.signingKey).then(inOnePiece);
    this.caseAccess.set(inOnePiece(key), signing);
    // A failed signature is not kept: the next call signs again.
    signing.catch(() => {
      if (this.caseAccess.get(key) === signing) this.caseAccess.delete(key);
    });
    return signing;
  }

  /** The headers of one call to `subgraph`: its internal token and, for a caller acting for a sector, the case-access token. */
  async headers(identity: Identity, subgraph: string, body: string): Promise<Record<string, string>> {
    return {
      [internalTokenHeader]: await this.internalToken(identity, subgraph, body),
      ...(identity.sector ? { [caseAccessTokenHeader]: await this.caseAccessToken(identity) } : {}),
    };
  }
}

const callTokensByKey = new WeakMap<Key, CallTokens>();

/** The one CallTokens of a signing key, shared by every data source that signs with it. */
export function callTokensFor(signingKey: Key): CallTokens {
  let tokens = callTokensByKey.get(signingKey);
  if (!tokens) {
    tokens = new CallTokens(signingKey);
    callTokensByKey.set(signingKey, tokens);
  }
  return tokens;
}
