import { Pool } from 'undici';
import type { Identity } from '../../platform/auth/identity.ts';
import { internalTokenHeader, signRevisionToken } from '../../platform/auth/internalToken.ts';
import type { Key } from '../../platform/auth/keys.ts';
import { revisionUrl, type RevisionAnswer } from '../../platform/subgraphRevision.ts';

/**
 * Each subgraph's revision as read, by name, with the epoch it counts in (`epoch:revision`): two
 * are the same only if both are; absent where it could not be read (down, slow, refused).
 */
export type Revisions = ReadonlyMap<string, string>;

/** The check asks for no caller's data: it goes under no caller's name and role. */
const gatewayItself: Identity = { subject: 'gateway', role: 'anonymous', sector: null, scopes: [] };

/** A token is valid for 30 s; one is signed every 20 s per subgraph, not per check. */
const tokenReuseMs = 20_000;

/** After a check fails, the subgraph has no revision for this long without being asked again. */
const failureMemoryMs = 1000;

/**
 * Asks one subgraph for its revision, one check at a time, shared by everyone waiting.
 *
 * A caller names the moment its request arrived, and gets the answer of a check that started
 * after it: so a write acknowledged before the request arrived is always counted in what it gets.
 * A caller arriving while a check runs joins the next one, which starts as soon as the running
 * one ends; everyone arriving meanwhile shares it. However many requests wait, the subgraph is
 * asked at most once at a time.
 */
class RevisionCheck {
  private running: { startedAt: number; answer: Promise<string | undefined> } | undefined;
  private next: Promise<string | undefined> | undefined;
  private token: { value: Promise<string>; signedAt: number } | undefined;
  /** When the last check that found no revision ended (performance.now()). */
  private failedAt = -Infinity;
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    private readonly subgraph: string,
    graphqlUrl: string,
    private readonly signingKey: Key,
    timeoutMs: number,
  ) {
    const url = new URL(revisionUrl(graphqlUrl));
    this.path = url.pathname;
    this.pool = new Pool(url.origin, {
      connections: 2,
      keepAliveTimeout: 30_000,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connectTimeout: timeoutMs,
    });
  }

  /** The revision read by a check that started after `arrivedAt` (performance.now()); undefined if none could be read. */
  after(arrivedAt: number): Promise<string | undefined> {
    // A subgraph that just failed its check (down, hung) is not waited on again by every request.
    if (performance.now() - this.failedAt < failureMemoryMs) return Promise.resolve(undefined);
    if (!this.running) return this.start();
    if (this.running.startedAt > arrivedAt) return this.running.answer;
    this.next ??= this.running.answer.then(() => {
      this.next = undefined;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<string | undefined> {
    const running = { startedAt: performance.now(), answer: this.ask().catch(() => undefined) };
    this.running = running;
    void running.answer.then((revision) => {
      if (revision === undefined) this.failedAt = performance.now();
      if (this.running === running) this.running = undefined;
    });
    return running.answer;
  }

  private async ask(): Promise<string | undefined> {
    const { statusCode, body } = await this.pool.request({
      method: 'GET',
      path: this.path,
      headers: { [internalTokenHeader]: await this.tokenNow(), accept: 'application/json' },
    });
    if (statusCode !== 200) {
      await body.dump();
      return undefined;
    }
    const { revision, epoch } = (await body.json()) as Partial<RevisionAnswer>;
    return typeof revision === 'number' && Number.isSafeInteger(revision) && typeof epoch === 'string' ? `${epoch}:${revision}` : undefined;
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

/**
 * The subgraphs' store revisions (subgraphs/kit/revisions.ts), as the response cache checks them:
 * a subgraph that does not answer within `timeoutMs`, or refuses, has no revision in the answer.
 */
export class SubgraphRevisions {
  private readonly checks = new Map<string, RevisionCheck>();

  constructor(
    /** Where each subgraph serves GraphQL now, by name: the ones the supergraph names. */
    private readonly subgraphUrls: () => ReadonlyMap<string, string>,
    private readonly signingKey: Key,
    private readonly timeoutMs: number,
  ) {}

  /** Every subgraph the supergraph names. */
  names(): string[] {
    return [...this.subgraphUrls().keys()];
  }

  /** The revisions of `names`, each read by a check that started after `arrivedAt`. */
  async read(names: Iterable<string>, arrivedAt: number): Promise<Map<string, string>> {
    const read = await Promise.all([...names].map(async (name) => [name, await this.checkOf(name)?.after(arrivedAt)] as const));
    return new Map(read.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
  }

  private checkOf(name: string): RevisionCheck | undefined {
    const url = this.subgraphUrls().get(name);
    if (!url) return undefined;
    const key = `${name} ${url}`;
    let check = this.checks.get(key);
    if (!check) {
      // The subgraph moved (a new supergraph): the pool to where it was is of no more use.
      for (const [known, old] of this.checks) {
        if (known.startsWith(`${name} `)) {
          this.checks.delete(known);
          void old.close().catch(() => undefined);
        }
      }
      this.checks.set(key, (check = new RevisionCheck(name, url, this.signingKey, this.timeoutMs)));
    }
    return check;
  }

  async close(): Promise<void> {
    await Promise.all([...this.checks.values()].map((check) => check.close()));
  }
}
