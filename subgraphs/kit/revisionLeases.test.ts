import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RevisionAnswer } from '../../platform/subgraphRevision.ts';
import { holdMs, leaseMs, RevisionLeases } from './revisionLeases.ts';

/** A store's revision the test moves by hand, and the registry over it, past its start-up grace. */
async function leasesOver() {
  let revision: RevisionAnswer = { revision: 1, epoch: 'e1' };
  const leases = new RevisionLeases(async () => revision);
  await vi.advanceTimersByTimeAsync(leaseMs);
  return {
    leases,
    /** A write: the revision moves, then the registry is told, as revisedStore does. */
    write() {
      revision = { ...revision, revision: revision.revision + 1 };
      return settledState(leases.written());
    },
    get key() {
      return `${revision.epoch}:${revision.revision}`;
    },
  };
}

/** A promise, with whether it has settled yet. */
function settledState<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  void promise.then(() => (state.settled = true));
  return state;
}

const gatewayA = 'gateway-a-0123456789';
const gatewayB = 'gateway-b-0123456789';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('revision leases', () => {
  it('answers a poll naming another revision at once, granting a lease', async () => {
    const store = await leasesOver();
    const answer = settledState(store.leases.poll(gatewayA, undefined));
    await vi.advanceTimersByTimeAsync(0);
    expect(answer.settled).toBe(true);
    expect(await answer.promise).toEqual({ revision: 1, epoch: 'e1', leaseMs });
  });

  it('holds a poll naming the current revision until a write, and the write waits for the next poll to name it', async () => {
    const store = await leasesOver();
    await store.leases.poll(gatewayA, undefined);
    const held = settledState(store.leases.poll(gatewayA, store.key));
    await vi.advanceTimersByTimeAsync(holdMs / 2);
    expect(held.settled).toBe(false);

    const write = store.write();
    await vi.advanceTimersByTimeAsync(0);
    expect(held.settled).toBe(true);
    expect((await held.promise).revision).toBe(2);
    // Not acknowledged until the gateway says it holds revision 2.
    await vi.advanceTimersByTimeAsync(50);
    expect(write.settled).toBe(false);
    void store.leases.poll(gatewayA, 'e1:2');
    await vi.advanceTimersByTimeAsync(0);
    expect(write.settled).toBe(true);
  });

  it('answers a held poll after the hold time when nothing is written', async () => {
    const store = await leasesOver();
    await store.leases.poll(gatewayA, undefined);
    const held = settledState(store.leases.poll(gatewayA, store.key));
    await vi.advanceTimersByTimeAsync(holdMs - 1);
    expect(held.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(held.settled).toBe(true);
  });

  it('waits for a gateway that stopped polling only until its lease ends', async () => {
    const store = await leasesOver();
    await store.leases.poll(gatewayA, undefined);
    await vi.advanceTimersByTimeAsync(300);
    const write = store.write();
    await vi.advanceTimersByTimeAsync(leaseMs - 300 - 1);
    expect(write.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(write.settled).toBe(true);
    // Its lease over, the gateway holds up no later write.
    const next = store.write();
    await vi.advanceTimersByTimeAsync(0);
    expect(next.settled).toBe(true);
  });

  it('waits for every gateway holding a lease, each until it names the write or its lease ends', async () => {
    const store = await leasesOver();
    await store.leases.poll(gatewayA, undefined);
    await store.leases.poll(gatewayB, undefined);
    const write = store.write();
    await vi.advanceTimersByTimeAsync(0);
    void store.leases.poll(gatewayA, store.key);
    await vi.advanceTimersByTimeAsync(0);
    expect(write.settled).toBe(false);
    void store.leases.poll(gatewayB, store.key);
    await vi.advanceTimersByTimeAsync(0);
    expect(write.settled).toBe(true);
  });

  it('does not count a revision of another epoch as holding the write', async () => {
    const store = await leasesOver();
    await store.leases.poll(gatewayA, undefined);
    const write = store.write();
    void store.leases.poll(gatewayA, 'another-epoch:99');
    await vi.advanceTimersByTimeAsync(0);
    expect(write.settled).toBe(false);
    void store.leases.poll(gatewayA, store.key);
    await vi.advanceTimersByTimeAsync(0);
    expect(write.settled).toBe(true);
  });

  it('acknowledges no write until a lease granted by an earlier process on the store could have ended', async () => {
    let revision: RevisionAnswer = { revision: 1, epoch: 'e1' };
    const leases = new RevisionLeases(async () => revision);
    revision = { revision: 2, epoch: 'e1' };
    const write = settledState(leases.written());
    await vi.advanceTimersByTimeAsync(leaseMs - 1);
    expect(write.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(write.settled).toBe(true);
  });

  it('acknowledges writes at once on a store this process made, which no earlier process served', async () => {
    const leases = new RevisionLeases(async () => ({ revision: 2, epoch: 'e1' }), { servedBefore: false });
    const write = settledState(leases.written());
    await vi.advanceTimersByTimeAsync(0);
    expect(write.settled).toBe(true);
  });

  it('grants at most 64 leases at once: a poll beyond them is answered without one', async () => {
    const store = await leasesOver();
    for (let i = 0; i < 64; i++) await store.leases.poll(`gateway-${String(i).padStart(16, '0')}`, undefined);
    expect(await store.leases.poll(gatewayA, undefined)).toEqual({ revision: 1, epoch: 'e1' });
    // Once those leases have ended, their places are free again.
    await vi.advanceTimersByTimeAsync(leaseMs);
    expect(await store.leases.poll(gatewayA, undefined)).toEqual({ revision: 1, epoch: 'e1', leaseMs });
  });

  it('answers every held poll at once when the subgraph stops', async () => {
    const store = await leasesOver();
    await store.leases.poll(gatewayA, undefined);
    const held = settledState(store.leases.poll(gatewayA, store.key));
    await vi.advanceTimersByTimeAsync(0);
    store.leases.answerHeld();
    await vi.advanceTimersByTimeAsync(0);
    expect(held.settled).toBe(true);
    const unheld = settledState(store.leases.poll(gatewayA, store.key, false));
    await vi.advanceTimersByTimeAsync(0);
    expect(unheld.settled).toBe(true);
  });
});
