import { randomBytes } from 'node:crypto';
import type { Key } from '../../platform/auth/keys.ts';
import { revisionText } from '../../platform/subgraphRevision.ts';
import { RevisionEndpoint } from './revisionEndpoint.ts';
import { RevisionLease } from './revisionLease.ts';

/**
 * Each subgraph's revision as read, by name, with the epoch it counts in (`epoch:revision`): two
 * are the same only if both are; absent where it could not be read (down, slow, refused).
 */
export type Revisions = ReadonlyMap<string, string>;

/** After a check fails, the subgraph has no revision for this long without being asked again. */
const failureMemoryMs = 1000;

/**
 * Asks one subgraph for its revision, one check at a time, shared by everyone waiting: for a
 * subgraph that grants no lease, or while its lease does not run.
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
  /** When the last check that found no revision ended (performance.now()). */
  private failedAt = -Infinity;

  constructor(private readonly endpoint: RevisionEndpoint) {}

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
    const answer = this.endpoint.ask(undefined).then(
      (read) => read && revisionText(read),
      () => undefined,
    );
    const running = { startedAt: performance.now(), answer };
    this.running = running;
    void answer.then((revision) => {
      if (revision === undefined) this.failedAt = performance.now();
      if (this.running === running) this.running = undefined;
    });
    return answer;
  }
}

/** What the gateway keeps per subgraph: the route, the lease on it, the check when no lease runs. */
interface Watched {
  url: string;
  endpoint: RevisionEndpoint;
  lease: RevisionLease;
  check: RevisionCheck;
}

/**
 * The subgraphs' store revisions (subgraphs/kit/revisions.ts), as the response cache reads them: a
 * subgraph's lease answers at once while it runs; otherwise a check is made. A subgraph that does
 * not answer within `timeoutMs`, or refuses, has no revision in the answer.
 */
export class SubgraphRevisions {
  private readonly watched = new Map<string, Watched>();
  /** This gateway, to the subgraphs holding its polls: one id per process, never reused. */
  private readonly gatewayId = randomBytes(16).toString('base64url');

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

  /** The revisions of `names`, each counting every write acknowledged before `arrivedAt`. */
  async read(names: Iterable<string>, arrivedAt: number): Promise<Map<string, string>> {
    const read = new Map<string, string>();
    const asked: Promise<void>[] = [];
    for (const name of names) {
      const watched = this.watchedOf(name);
      if (!watched) continue;
      const trusted = watched.lease.trusted();
      if (trusted !== undefined) read.set(name, trusted);
      else
        asked.push(
          watched.check.after(arrivedAt).then((revision) => {
            if (revision !== undefined) read.set(name, revision);
          }),
        );
    }
    if (asked.length > 0) await Promise.all(asked);
    return read;
  }

  private watchedOf(name: string): Watched | undefined {
    const url = this.subgraphUrls().get(name);
    if (!url) return undefined;
    let watched = this.watched.get(name);
    if (watched?.url === url) return watched;
    // The subgraph moved (a new supergraph): what was held for where it was is of no more use.
    if (watched) void stop(watched);
    const endpoint = new RevisionEndpoint(name, url, this.signingKey, this.timeoutMs);
    watched = { url, endpoint, lease: new RevisionLease(endpoint, this.gatewayId), check: new RevisionCheck(endpoint) };
    this.watched.set(name, watched);
    return watched;
  }

  async close(): Promise<void> {
    const all = [...this.watched.values()];
    this.watched.clear();
    await Promise.all(all.map(stop));
  }
}

async function stop(watched: Watched): Promise<void> {
  await watched.lease.stop();
  await watched.endpoint.close().catch(() => undefined);
}
