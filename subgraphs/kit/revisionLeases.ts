import { revisionText, type RevisionAnswer } from '../../platform/subgraphRevision.ts';
import type { Store } from './store/port.ts';

/*
 * Leases on a store's revision, for the gateways' response caches
 * (docs/adr/0023-revision-leases-for-cached-answers.md).
 *
 * A gateway holds its poll open here; the poll is answered as soon as the revision differs from the
 * one the gateway says it holds, or after `holdMs` all the same, and the gateway polls again at once,
 * naming what it was answered. For `leaseMs` from sending a poll, the gateway may serve cached
 * answers read at the revision that poll was answered with, without asking again. In return, a write
 * is acknowledged only once every gateway whose lease runs has polled again naming a revision that
 * counts the write, or its lease has run out: so no gateway serves an answer older than a write
 * acknowledged before its request arrived.
 *
 * That holds only if every write to the store passes through this process: the registry is kept
 * per store object, shared by every subgraph serving it here, and only a store no other process
 * writes to (`Store.soleWriter`) grants leases. Elsewhere (MongoDB, which replicas may share) the
 * gateway asks for the revision before every hit instead.
 */

/** How long a gateway may trust an answer, from when it sent the poll (ms). */
export const leaseMs = 1000;
/** How long a poll that finds nothing new is held before it is answered all the same (ms). */
export const holdMs = 400;
/** Gateways holding leases at once, at most: a poll beyond them is answered without one. */
const maxHolders = 64;

/** A write waiting for one gateway to hold its revision. */
interface Waiter {
  revision: RevisionAnswer;
  done: () => void;
}

interface Holder {
  /** Until when (this process's performance.now()) the gateway may trust what it was answered. */
  leaseEnds: number;
  /** The revision (`epoch:revision`) the gateway named in its latest poll: what it holds now. */
  holds: string | undefined;
  /** Its poll held open, if any: calling it answers the poll now. */
  answerHeld: (() => void) | undefined;
  waiting: Set<Waiter>;
}

/** Whether `holds` (as `revisionText` writes it) counts every write counted by `revision`. */
function counts(holds: string | undefined, revision: RevisionAnswer): boolean {
  if (holds === undefined) return false;
  const colon = holds.lastIndexOf(':');
  return holds.slice(0, colon) === revision.epoch && Number(holds.slice(colon + 1)) >= revision.revision;
}

export class RevisionLeases {
  private readonly holders = new Map<string, Holder>();
  /** Bumped by every write, so a poll that read the revision just before one does not hold. */
  private writes = 0;
  /**
   * A gateway may still trust what a previous process on this store answered it: writes are
   * acknowledged only once any lease that process could have granted has run out.
   */
  private readonly graceEnds: number;
  private readonly now: () => number;

  constructor(
    /** The store's revision now. */
    private readonly current: () => Promise<RevisionAnswer>,
    options: { servedBefore?: boolean; now?: () => number } = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.graceEnds = options.servedBefore === false ? -Infinity : this.now() + leaseMs;
  }

  /**
   * A gateway's poll: answered at once when the revision is not `holds`, else on the next write or
   * after `holdMs` (at once when `hold` is false: a subgraph stopping). The answer grants a lease,
   * unless too many gateways hold one already.
   */
  async poll(gateway: string, holds: string | undefined, hold = true): Promise<RevisionAnswer> {
    const receivedAt = this.now();
    const holder = this.holderOf(gateway, receivedAt);
    if (!holder) return this.current();
    holder.leaseEnds = Math.max(holder.leaseEnds, receivedAt + leaseMs);
    holder.holds = holds;
    for (const waiter of holder.waiting) if (counts(holds, waiter.revision)) waiter.done();
    // A poll the gateway gave up on (it timed out, or was sent again) is answered and forgotten.
    holder.answerHeld?.();
    const writesBefore = this.writes;
    const answer = await this.current();
    if (!hold || holds !== revisionText(answer) || this.writes !== writesBefore) return { ...answer, leaseMs };
    return new Promise((resolve) => {
      const answerHeld = () => {
        clearTimeout(timer);
        if (holder.answerHeld === answerHeld) holder.answerHeld = undefined;
        this.current().then(
          (revision) => resolve({ ...revision, leaseMs }),
          () => resolve({ ...answer, leaseMs }),
        );
      };
      const timer = setTimeout(answerHeld, holdMs);
      holder.answerHeld = answerHeld;
    });
  }

  /**
   * Resolves once every gateway holding a lease holds the revision this write moved the store to,
   * or its lease has run out: called after each write, before it is acknowledged.
   */
  async written(): Promise<void> {
    this.writes++;
    const grace = this.graceEnds - this.now();
    if (grace > 0) await new Promise((resolve) => setTimeout(resolve, grace));
    // No gateway holds a lease: nothing to wait for, and no revision to read.
    if (this.holders.size === 0) return;
    const revision = await this.current();
    const now = this.now();
    const waits: Promise<void>[] = [];
    for (const [gateway, holder] of this.holders) {
      if (holder.leaseEnds <= now) {
        if (!holder.answerHeld && holder.waiting.size === 0) this.holders.delete(gateway);
        continue;
      }
      if (counts(holder.holds, revision)) continue;
      waits.push(this.untilHeld(holder, revision));
      holder.answerHeld?.();
    }
    await Promise.all(waits);
  }

  /** Answers every poll held open now: the subgraph is stopping. */
  answerHeld(): void {
    for (const holder of this.holders.values()) holder.answerHeld?.();
  }

  private untilHeld(holder: Holder, revision: RevisionAnswer): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout;
      const waiter: Waiter = {
        revision,
        done: () => {
          clearTimeout(timer);
          holder.waiting.delete(waiter);
          resolve();
        },
      };
      // A poll received meanwhile moves the lease's end on: wait for the end as it stands then.
      const untilLeaseEnds = () => {
        const left = holder.leaseEnds - this.now();
        if (left <= 0) waiter.done();
        else timer = setTimeout(untilLeaseEnds, left);
      };
      holder.waiting.add(waiter);
      untilLeaseEnds();
    });
  }

  private holderOf(gateway: string, now: number): Holder | undefined {
    let holder = this.holders.get(gateway);
    if (holder) return holder;
    if (this.holders.size >= maxHolders) {
      for (const [id, old] of this.holders) {
        if (old.leaseEnds <= now && !old.answerHeld && old.waiting.size === 0) this.holders.delete(id);
      }
      if (this.holders.size >= maxHolders) return undefined;
    }
    holder = { leaseEnds: 0, holds: undefined, answerHeld: undefined, waiting: new Set() };
    this.holders.set(gateway, holder);
    return holder;
  }
}

const registries = new WeakMap<Store, RevisionLeases>();

/**
 * The leases on `store`'s revision, one registry per store object whichever subgraph serves it;
 * undefined for a store other processes may write to, which grants none.
 */
export function leasesOn(store: Store, current: () => Promise<RevisionAnswer>): RevisionLeases | undefined {
  if (!store.soleWriter) return undefined;
  let leases = registries.get(store);
  // An in-memory store was made by this process: no earlier one can have granted leases on it.
  if (!leases) registries.set(store, (leases = new RevisionLeases(current, { servedBefore: store.kind !== 'memory' })));
  return leases;
}
