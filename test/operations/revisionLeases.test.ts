import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import { internalTokenAlgorithm, internalTokenHeader, signRevisionToken } from '../../platform/auth/internalToken.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import { startTestHub, type TestCaller, type TestHub } from '../support/hub.ts';
import { subgraphProxy } from './subgraphProxy.ts';
import { openHealthAction, readHealthDone, reportHealthActionStatus, startExtraGateway, startExtraSubgraph } from './opsHub.ts';
import { waitFor } from '../support/waitFor.ts';

const healthOfficer: TestCaller = { role: 'sector-officer', sector: 'health' };

let hub: TestHub;
let proxy: Awaited<ReturnType<typeof subgraphProxy>>;
let gateway: RunningGateway;

beforeAll(async () => {
  hub = await startTestHub();
  proxy = await subgraphProxy(hub.subgraphs.get('health')!.url);
  gateway = await startExtraGateway(hub, {
    responseCacheTtlMs: 60_000,
    subgraphUrls: { ...Object.fromEntries([...hub.subgraphs].map(([name, s]) => [name, s.url])), health: proxy.url },
  });
});
afterAll(async () => {
  await gateway?.stop();
  await proxy?.close();
  await hub?.stop();
});

const read = () => readHealthDone(hub, gateway.url);
/** Health's officer reports one open action done, straight at the subgraph: its errors, and how long it took to be acknowledged. */
const writeStraightAtHealth = async () => {
  const input = { actionId: await openHealthAction(hub), status: 'COMPLETED' };
  const started = performance.now();
  const written = await hub.askSubgraph('health', reportHealthActionStatus, { input }, healthOfficer);
  return { errors: written.errors, ms: performance.now() - started };
};

describe('leases on the subgraphs’ revisions', () => {
  it('serves cached answers on the lease, without asking the subgraph before each one', async () => {
    await read();
    await waitFor(
      'a lease held and an answer cached',
      async () => (proxy.seen.polls >= 2 && (await read()).cached ? true : undefined),
      10_000,
    );
    const checksBefore = proxy.seen.checks;
    for (let i = 0; i < 30; i++) expect((await read()).cached).toBe(true);
    // Asked before each hit, that would be 30 checks; a lease that lapsed on a busy machine may cost one or two.
    expect(proxy.seen.checks - checksBefore).toBeLessThanOrEqual(2);
  });

  it('holds a write for a gateway that stops answering only until its lease ends, and that gateway then serves nothing older', async () => {
    const before = await read();
    expect((await read()).cached).toBe(true);
    proxy.hold();
    try {
      const written = await writeStraightAtHealth();
      const writeMs = written.ms;
      expect(written.errors).toBeUndefined();
      // Its last poll reached the subgraph at most the hold time (400 ms) before: the lease (1 s) ran for 600 ms more at least.
      expect(writeMs).toBeGreaterThan(300);
      expect(writeMs).toBeLessThan(5000);
      // Its lease over, the gateway asks before the hit; the check goes unanswered, so the answer is read again.
      const after = await read();
      expect(after.cached).toBe(false);
      expect(after.done).toBe(before.done + 1);
    } finally {
      proxy.release();
    }
    // Its polls answered again, the gateway holds a lease again: a write waits for no lease to run out.
    await waitFor('a cached answer on a new lease', async () => ((await read()).cached ? true : undefined), 10_000);
    const written = await writeStraightAtHealth();
    expect(written.errors).toBeUndefined();
    expect(written.ms).toBeLessThan(300);
    expect((await read()).done).toBe(before.done + 2);
  });

  it('grants no lease on a store other processes may write to: a poll is answered at once, without one', async () => {
    const shared = { ...createNedbStore({}), soleWriter: false };
    const health = await startExtraSubgraph(hub, 'health', { store: shared });
    try {
      const token = await signRevisionToken(
        { subject: 'gateway', role: 'anonymous', sector: null, scopes: [] },
        'health',
        await importKey(hub.keys.gatewayPrivate, internalTokenAlgorithm),
      );
      const poll = async (query: string, headers: Record<string, string> = { [internalTokenHeader]: token }) =>
        fetch(new URL(`revision?${query}`, health.url), { headers });
      const current = (await (await poll('')).json()) as { revision: number; epoch: string };
      const started = performance.now();
      const answer = await poll(`gateway=gateway-0123456789abcdef&holds=${current.epoch}:${current.revision}`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(current);
      expect(performance.now() - started).toBeLessThan(300);
      // A poll that names the gateway wrongly is refused, naming what a poll must say; one without the token is refused first.
      const malformed = await poll('gateway=short');
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/names the gateway by 16 to 64/);
      expect((await poll('gateway=gateway-0123456789abcdef', {})).status).toBe(401);
    } finally {
      await health.stop();
    }
  });
});
