import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { originOf as origin, startExtraSubgraph } from './opsHub.ts';

describe('health and readiness', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => hub?.stop());

  it('the gateway is alive and ready once its supergraph is loaded, with no credentials needed', async () => {
    const health = await fetch(`${origin(hub.gateway.url)}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', service: 'gateway' });
    const ready = await fetch(`${origin(hub.gateway.url)}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('every subgraph is alive, and ready because its store answers', async () => {
    for (const [name, subgraph] of hub.subgraphs) {
      const health = await fetch(`${origin(subgraph.url)}/health`);
      expect(health.status, name).toBe(200);
      const ready = await fetch(`${origin(subgraph.url)}/ready`);
      expect(ready.status, name).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', subgraph: name, store: 'memory' });
    }
  });

  describe('a subgraph whose store stops answering', () => {
    let sick: RunningSubgraph;
    let storeUp = true;
    beforeAll(async () => {
      const store = createNedbStore({});
      const ping = store.ping.bind(store);
      store.ping = async () => storeUp && (await ping());
      sick = await startExtraSubgraph(hub, 'health', { store });
    });
    afterAll(async () => sick?.stop());

    it('stays alive but is not ready, so traffic goes to replicas that can answer', async () => {
      storeUp = false;
      const ready = await fetch(`${origin(sick.url)}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'store unavailable', subgraph: 'health' });
      expect((await fetch(`${origin(sick.url)}/health`)).status).toBe(200);
      storeUp = true;
      expect((await fetch(`${origin(sick.url)}/ready`)).status).toBe(200);
    });
  });
});
