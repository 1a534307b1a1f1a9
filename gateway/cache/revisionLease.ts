import { leasePollParameters, revisionText } from '../../platform/subgraphRevision.ts';
import type { RevisionEndpoint } from './revisionEndpoint.ts';

/**
 * Of a lease, the share the gateway does not use: the two processes' clocks may run at slightly
 * different rates, and the lease ends by the subgraph's.
 */
const clockMargin = 0.05;

/** How long a subgraph may hold a poll (it holds for less: kit/revisionLeases.ts). */
const pollWaitMs = 1000;

/** After a poll fails, the next is sent this much later. */
const retryAfterFailureMs = 1000;

/** A subgraph that grants no lease (its store is shared with other writers) is asked again this much later. */
const retryWithoutLeaseMs = 10_000;

/**
 * The gateway's lease on one subgraph's revision (docs/adr/0023-revision-leases-for-cached-answers.md):
 * a poll is always open at the subgraph, which answers it when the revision moves, and each answer
 * is trusted for the lease it grants, counted from when its poll was sent. The next poll, sent at
 * once, names the revision answered: that is what tells the subgraph the write may be acknowledged.
 * While no lease runs (a poll failed, the subgraph grants none), `trusted()` is undefined and the
 * cache asks before each hit instead.
 */
export class RevisionLease {
  private known: string | undefined;
  private trustedUntil = -Infinity;
  private readonly stopping = new AbortController();
  private readonly running: Promise<void>;

  constructor(
    private readonly endpoint: RevisionEndpoint,
    private readonly gatewayId: string,
  ) {
    this.running = this.poll();
  }

  /** The revision (`epoch:revision`) no acknowledged write is newer than, while a lease runs. */
  trusted(): string | undefined {
    return performance.now() < this.trustedUntil ? this.known : undefined;
  }

  private async poll(): Promise<void> {
    const { signal } = this.stopping;
    while (!signal.aborted) {
      const query = new URLSearchParams({ [leasePollParameters.gateway]: this.gatewayId });
      if (this.known !== undefined) query.set(leasePollParameters.holds, this.known);
      const sentAt = performance.now();
      let answer;
      try {
        answer = await this.endpoint.ask(query, { waitMs: pollWaitMs, signal });
      } catch {
        answer = undefined;
      }
      if (!answer) {
        this.forget();
        await pause(retryAfterFailureMs, signal);
        continue;
      }
      if (signal.aborted) break;
      // Known first: the next poll, which acknowledges it to the subgraph, names it.
      this.known = revisionText(answer);
      if (!answer.leaseMs) {
        this.forget();
        await pause(retryWithoutLeaseMs, signal);
        continue;
      }
      this.trustedUntil = sentAt + answer.leaseMs * (1 - clockMargin);
    }
  }

  private forget(): void {
    this.trustedUntil = -Infinity;
    this.known = undefined;
  }

  /** Stops polling: nothing is trusted from now on. */
  async stop(): Promise<void> {
    this.forget();
    this.stopping.abort();
    await this.running;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
