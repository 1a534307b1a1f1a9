import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, type TestCaller, type TestHub } from '../support/hub.ts';
import { originOf, sample, startExtraGateway } from './opsHub.ts';

const sectorStatus = `query SectorStatus { sectors { id delivery { total onTrack atRisk overdue done } } }`;
const healthOfficer: TestCaller = { role: 'sector-officer', sector: 'health' };

describe('response cache for aggregate queries', () => {
  let hub: TestHub;
  let gateway: RunningGateway;

  beforeAll(async () => {
    hub = await startTestHub();
    gateway = await startExtraGateway(hub, { responseCacheTtlMs: 60_000 });
  });
  afterAll(async () => {
    await gateway?.stop();
    await hub?.stop();
  });

  const send = async (query: string, as: TestCaller = { role: 'analyst' }, variables?: Record<string, unknown>) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(as)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: { extensions?: Record<string, unknown> }[] };
    return { ...body, cached: response.headers.get('x-crg-cache') === 'hit' };
  };
  const fetches = async (subgraph: string) =>
    sample(await (await fetch(`${originOf(gateway.url)}/metrics`)).text(), 'crg_subgraph_fetch_duration_seconds_count', { subgraph }) ?? 0;

  it('answers a repeated aggregate query from the cache, without calling a subgraph', async () => {
    const first = await send(sectorStatus);
    expect(first.errors).toBeUndefined();
    expect(first.cached).toBe(false);
    const before = await fetches('health');
    const second = await send(sectorStatus);
    expect(second.cached).toBe(true);
    expect(second.data).toEqual(first.data);
    expect(await fetches('health')).toBe(before);
  });

  it("keeps each role's and sector's answers apart", async () => {
    expect((await send(sectorStatus, healthOfficer)).cached).toBe(false);
    expect((await send(sectorStatus, { role: 'sector-officer', sector: 'police' })).cached).toBe(false);
    expect((await send(sectorStatus, healthOfficer)).cached).toBe(true);
  });

  it('a write through the gateway empties the cache, so the next read shows it', async () => {
    const before = await send(sectorStatus);
    expect(before.cached).toBe(true);
    const health = (s: { data?: Record<string, any> }) => s.data!.sectors.find((x: { id: string }) => x.id === 'health').delivery;
    const [action] = await hub.stores
      .get('health')!
      .collection<StoredDocument & { status?: string }>('actionRecords')
      .find({ status: { $ne: 'COMPLETED' } }, { limit: 1 });
    const written = await send(
      `mutation($input: ActionStatusInput!) { reportHealthActionStatus(input: $input) { id status } }`,
      healthOfficer,
      {
        input: { actionId: action!._id, status: 'COMPLETED' },
      },
    );
    expect(written.errors).toBeUndefined();
    const after = await send(sectorStatus);
    expect(after.cached).toBe(false);
    expect(health(after).done).toBe(health(before).done + 1);
  });

  it('keeps one answer for a query sent by GET or by POST, per role: the same cache, the same keys', async () => {
    const byGet = async (as: TestCaller) => {
      const response = await fetch(`${gateway.url}?${new URLSearchParams({ query: sectorStatus })}`, {
        headers: { authorization: `Bearer ${await hub.tokenFor(as)}` },
      });
      // Kept by the gateway for its own callers only: no browser or proxy may keep it.
      expect(response.headers.get('cache-control')).toBe('no-store');
      return { ...((await response.json()) as { data?: Record<string, any> }), cached: response.headers.get('x-crg-cache') === 'hit' };
    };
    const byPost = await send(sectorStatus, { role: 'committee-member' });
    const sameRole = await byGet({ role: 'committee-member' });
    expect(sameRole.cached).toBe(true);
    expect(sameRole.data).toEqual(byPost.data);
    expect((await byGet({ role: 'dashboard' })).cached).toBe(false);
  });

  it('never caches a query that reads beyond aggregates, so each such read reaches the subgraph', async () => {
    const contacts = `{ sectors { id focalPoint { name email } } }`;
    expect((await send(contacts)).errors).toBeUndefined();
    const before = await fetches('coordination');
    const again = await send(contacts);
    expect(again.cached).toBe(false);
    expect(await fetches('coordination')).toBe(before + 1);
    // The same fields without the contact address are aggregate-only, and cached.
    await send(`{ sectors { id focalPoint { name } } }`);
    expect((await send(`{ sectors { id focalPoint { name } } }`)).cached).toBe(true);
  });

  it('serves a role whose fields authorization removed from the cache, complete: the nulls and the errors naming them', async () => {
    const contacts = `{ sectors { id focalPoint { name email } } }`;
    const dashboard: TestCaller = { role: 'dashboard' };
    const first = await send(contacts, dashboard);
    const second = await send(contacts, dashboard);
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(second.data).toEqual(first.data);
    expect(second.errors).toEqual(first.errors);
    expect(second.data!.sectors.map((s: any) => s.focalPoint.email)).toEqual([null, null, null, null, null]);
    expect(second.errors!.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    // Completed once: no key the gateway adds for completion is left in the answer.
    expect(JSON.stringify(second.data)).not.toContain('__crg');
  });

  it('is off unless configured: the hub gateway executes every request', async () => {
    await hub.query(sectorStatus);
    const response = await fetch(hub.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor({ role: 'analyst' })}` },
      body: JSON.stringify({ query: sectorStatus }),
    });
    expect(response.headers.get('x-crg-cache')).toBeNull();
  });
});
