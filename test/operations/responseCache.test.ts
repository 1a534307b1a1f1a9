import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, type TestCaller, type TestHub } from '../support/hub.ts';
import {
  openHealthAction,
  originOf,
  readHealthDone,
  reportHealthActionStatus,
  sample,
  sectorStatusQuery,
  startExtraGateway,
} from './opsHub.ts';
import { waitFor } from '../support/waitFor.ts';
import { subgraphProxy } from './subgraphProxy.ts';

const sectorStatus = sectorStatusQuery;
const healthOfficer: TestCaller = { role: 'sector-officer', sector: 'health' };

let hub: TestHub;
let gateway: RunningGateway;
/** A second replica over the same subgraphs, with its own cache. */
let replica: RunningGateway;

beforeAll(async () => {
  hub = await startTestHub();
  [gateway, replica] = await Promise.all([
    startExtraGateway(hub, { responseCacheTtlMs: 60_000 }),
    startExtraGateway(hub, { responseCacheTtlMs: 60_000 }),
  ]);
});
afterAll(async () => {
  await Promise.all([gateway?.stop(), replica?.stop()]);
  await hub?.stop();
});

describe('response cache for aggregate queries', () => {
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

  it('executes identical requests that find nothing kept once: those arriving meanwhile get the answer it keeps', async () => {
    const query = `query Burst { sectors { id delivery { total done } } }`;
    const before = await fetches('health');
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(query)));
    expect(answers.map((a) => a.errors)).toEqual(Array.from({ length: 10 }, () => undefined));
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    expect(answers.filter((a) => !a.cached)).toHaveLength(1);
    expect(await fetches('health')).toBe(before + 1);
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
      // Per role: no proxy may keep it, and a browser that does must ask again before each use.
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
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

describe('cached answers are never older than a write acknowledged before the read', () => {
  // Two replicas: one written through, the other read through.
  const writer = () => gateway;
  const reader = () => replica;

  const post = async (url: string, query: string, as: TestCaller, headers: Record<string, string> = {}, variables?: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(as)}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
  const read = (url: string) => readHealthDone(hub, url);
  const reportStatus = reportHealthActionStatus;
  const openAction = () => openHealthAction(hub);

  /** 20 times: a cached read, a write of one action's status by `write`, and the next read sees it. */
  async function eachWriteSeen(write: (input: { actionId: string; status: string }) => Promise<unknown>) {
    const actionId = await openAction();
    for (let i = 0; i < 20; i++) {
      await read(reader().url);
      const before = await read(reader().url);
      expect(before.cached).toBe(true);
      const status = i % 2 === 0 ? 'COMPLETED' : 'IN_PROGRESS';
      expect(await write({ actionId, status })).toBeUndefined();
      expect((await read(reader().url)).done).toBe(before.done + (status === 'COMPLETED' ? 1 : -1));
    }
  }

  it('a write through one replica is seen by the next read through another, every time', async () => {
    await eachWriteSeen(async (input) => {
      const written = await post(writer().url, reportStatus, healthOfficer, {}, { input });
      return ((await written.json()) as { errors?: unknown }).errors;
    });
  });

  it("a write made straight at a sector's subgraph, as the ministry's own system makes it, is seen by the next read", async () => {
    await eachWriteSeen(async (input) => (await hub.askSubgraph('health', reportStatus, { input }, healthOfficer)).errors);
  });

  it('a hit sends the bytes the miss sent, in the media type asked for, with a strong ETag; If-None-Match gets 304', async () => {
    const query = `query Sectors { sectors { id name } }`;
    const send = (accept: string, extra: Record<string, string> = {}) =>
      post(reader().url, query, { role: 'dashboard' }, { accept, ...extra });
    for (const type of ['application/json', 'application/graphql-response+json']) {
      const miss = await send(type);
      const missBody = await miss.text();
      const hit = await send(type);
      expect([miss.headers.get('x-crg-cache'), hit.headers.get('x-crg-cache')]).toEqual([null, 'hit']);
      expect(await hit.text()).toBe(missBody);
      for (const response of [miss, hit]) {
        expect(response.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
        expect(response.headers.get('cache-control')).toBe('private, no-cache');
        expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      }
      expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
      const etag = hit.headers.get('etag')!;
      const notModified = await send(type, { 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(await notModified.text()).toBe('');
      expect(notModified.headers.get('etag')).toBe(etag);
      // Another caller's tag, or none of this answer's: the answer itself.
      expect((await send(type, { 'if-none-match': '"another"' })).status).toBe(200);
    }
    const json = await send('application/json');
    const graphqlResponse = await send('application/graphql-response+json');
    expect(json.headers.get('etag')).not.toBe(graphqlResponse.headers.get('etag'));
    // An unauthenticated caller with a valid tag gets no 304: it is refused first.
    const anonymous = await fetch(reader().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': json.headers.get('etag')! },
      body: JSON.stringify({ query }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('answers 304 only while nothing was written: after a write the same tag gets the new answer', async () => {
    const first = await post(reader().url, sectorStatus, { role: 'analyst' });
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await post(reader().url, sectorStatus, { role: 'analyst' }, { 'if-none-match': etag })).status).toBe(304);
    const actionId = await openAction();
    const written = await hub.askSubgraph('health', reportStatus, { input: { actionId, status: 'COMPLETED' } }, healthOfficer);
    expect(written.errors).toBeUndefined();
    const after = await post(reader().url, sectorStatus, { role: 'analyst' }, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('never keeps a case-level read: each one reaches the sector and its audit log', async () => {
    const audited = () => hub.stores.get('coordination')!.collection('auditLog').count({});
    const cases = `{ cases(limit: 1, purpose: "follow-up call") { id } }`;
    const before = await audited();
    for (let i = 0; i < 2; i++) {
      const response = await post(reader().url, cases, healthOfficer);
      const body = (await response.json()) as { errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(response.headers.get('x-crg-cache')).toBeNull();
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(await audited()).toBe(before + 2);
  });

  it('lets identical requests it will not keep run side by side: none waits for another to finish', async () => {
    const proxy = await subgraphProxy(hub.subgraphs.get('coordination')!.url);
    const beside = await startExtraGateway(hub, {
      responseCacheTtlMs: 60_000,
      subgraphUrls: { ...Object.fromEntries([...hub.subgraphs].map(([name, s]) => [name, s.url])), coordination: proxy.url },
    });
    const cases = `{ cases(limit: 1, purpose: "follow-up call") { id } }`;
    const asked = () =>
      post(beside.url, cases, healthOfficer).then(async (response) => ((await response.json()) as { errors?: unknown }).errors);
    try {
      proxy.hold('graphql');
      const first = asked();
      await waitFor('the first read held at coordination', () => (proxy.held === 1 ? true : undefined));
      // The same case-level read again, while the first is held at coordination: it must reach coordination too.
      const second = asked();
      await waitFor('the second read at coordination beside the first', () => (proxy.held === 2 ? true : undefined), 3000);
      proxy.release();
      expect(await Promise.all([first, second])).toEqual([undefined, undefined]);
    } finally {
      proxy.release();
      await beside.stop();
      await proxy.close();
    }
  });

  it('a subgraph that hangs slows no cacheable answer that does not use it', async () => {
    // alerts accepts connections and never answers; the revision check gives up after 1 s.
    const held: net.Socket[] = [];
    const hung = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const alertsUrl = `http://127.0.0.1:${(hung.address() as net.AddressInfo).port}/graphql`;
    const beside = await startExtraGateway(hub, {
      responseCacheTtlMs: 60_000,
      subgraphUrls: { ...Object.fromEntries([...hub.subgraphs].map(([name, s]) => [name, s.url])), alerts: alertsUrl },
    });
    try {
      const ask = async (as: TestCaller) => {
        const started = performance.now();
        const response = await post(beside.url, sectorStatus, as);
        const body = (await response.json()) as { errors?: unknown };
        return { errors: body.errors, ms: performance.now() - started, cached: response.headers.get('x-crg-cache') === 'hit' };
      };
      expect((await ask({ role: 'analyst' })).errors).toBeUndefined();
      // A write empties the kept answers, not what the plan fetches from.
      const written = (await (
        await post(
          beside.url,
          reportStatus,
          healthOfficer,
          {},
          {
            input: {
              actionId: (await hub.stores.get('health')!.collection('actionRecords').find({}, { limit: 1 }))[0]!._id,
              status: 'IN_PROGRESS',
            },
          },
        )
      ).json()) as { errors?: unknown };
      expect(written.errors).toBeUndefined();
      // Past the time a failed check is remembered: only the plan now spares the wait.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const miss = await ask(healthOfficer);
      expect(miss.errors).toBeUndefined();
      expect(miss.cached).toBe(false);
      expect(miss.ms).toBeLessThan(600);
      expect((await ask(healthOfficer)).cached).toBe(true);
    } finally {
      await beside.stop();
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  // Last: it stops a sector.
  it('serves nothing read from a subgraph that does not answer its check: the request runs and reports it down', async () => {
    await read(reader().url);
    expect((await read(reader().url)).cached).toBe(true);
    await hub.stopSubgraph('education');
    const response = await post(reader().url, sectorStatus, { role: 'analyst' });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string; subgraph?: string } }[] };
    expect(response.headers.get('x-crg-cache')).toBeNull();
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.subgraph])).toContainEqual(['SUBGRAPH_UNAVAILABLE', 'education']);
  });
});
