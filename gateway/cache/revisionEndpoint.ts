import { Pool } from 'undici';
import type { Identity } from '../../platform/auth/identity.ts';
import { internalTokenHeader, signRevisionToken } from '../../platform/auth/internalToken.ts';
import type { Key } from '../../platform/auth/keys.ts';
import { revisionUrl, type RevisionAnswer } from '../../platform/subgraphRevision.ts';

/** The check asks for no caller's data: it goes under no caller's name and role. */
const gatewayItself: Identity = { subject: 'gateway', role: 'anonymous', sector: null, scopes: [] };

/** A token is valid for 30 s; one is signed every 20 s per subgraph, not per request. */
const tokenReuseMs = 20_000;

/** One subgraph's revision route, as the gateway calls it: a pool of its own and the gateway's revision token. */
export class RevisionEndpoint {
  private token: { value: Promise<string>; signedAt: number } | undefined;
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    private readonly subgraph: string,
    graphqlUrl: string,
    private readonly signingKey: Key,
    private readonly timeoutMs: number,
  ) {
    const url = new URL(revisionUrl(graphqlUrl));
    this.path = url.pathname;
    // One connection held by a lease poll, the others for checks.
    this.pool = new Pool(url.origin, { connections: 3, keepAliveTimeout: 30_000, connectTimeout: timeoutMs });
  }

  /**
   * The revision, asked with `query` (a lease poll's parameters, or none): undefined when the
   * subgraph refuses or answers something else. `waitMs` is how long the subgraph may hold it.
   */
  async ask(
    query: URLSearchParams | undefined,
    options: { waitMs?: number; signal?: AbortSignal } = {},
  ): Promise<RevisionAnswer | undefined> {
    const timeout = this.timeoutMs + (options.waitMs ?? 0);
    const { statusCode, body } = await this.pool.request({
      method: 'GET',
      path: query ? `${this.path}?${query}` : this.path,
      headers: { [internalTokenHeader]: await this.tokenNow(), accept: 'application/json' },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: options.signal,
    });
    if (statusCode !== 200) {
      await body.dump();
      return undefined;
    }
    const { revision, epoch, leaseMs } = (await body.json()) as Partial<RevisionAnswer>;
    if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || typeof epoch !== 'string') return undefined;
    return typeof leaseMs === 'number' && leaseMs > 0 ? { revision, epoch, leaseMs } : { revision, epoch };
  }

  private tokenNow(): Promise<string> {
    const now = performance.now();
    if (!this.token || now - this.token.signedAt > tokenReuseMs) {
      const value = signRevisionToken(gatewayItself, this.subgraph, this.signingKey);
      this.token = { value, signedAt: now };
      value.catch(() => (this.token = undefined));
    }
    return this.token.value;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
