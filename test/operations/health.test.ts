import { freePort } from '../../scripts/freePort.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';
import { internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { fixedClock } from '../../subgraphs/kit/clock.ts';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';
import { capturingLogger, originOf as origin, startExtraSubgraph } from './opsHub.ts';

/** A port nothing listens on now, so a test can reach a subgraph before its start resolves. */
/** Waits for a server to accept connections (at most a few seconds). */
async function whenListening(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await sleep(20);
  }
  throw new Error(`nothing answered at ${url}`);
}

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

  describe('a subgraph warming up', () => {
    it('is alive but not ready until its warm-up tasks finish; a failed task is logged and start goes on', async () => {
      let finishWarmUp!: () => void;
      const slow = new Promise<void>((resolve) => (finishWarmUp = resolve));
      const definition = {
        ...(await loadSubgraphDefinition('health')),
        warmUp: [
          { name: 'slow', run: () => slow },
          { name: 'broken', run: () => Promise.reject(new Error('store said no')) },
        ],
      };
      const port = await freePort();
      const { logger, lines } = capturingLogger();
      const starting = startSubgraph(definition, {
        config: hub.subgraphConfig,
        port,
        store: createNedbStore({}),
        clock: fixedClock(TODAY),
        logger,
        gatewayPublicKey: await importKey(hub.keys.gatewayPublic, internalTokenAlgorithm),
      });
      const base = `http://127.0.0.1:${port}`;
      await whenListening(`${base}/health`);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const warming = await fetch(`${base}/ready`);
      expect(warming.status).toBe(503);
      expect(await warming.json()).toEqual({ status: 'warming up', subgraph: 'health' });

      finishWarmUp();
      const running = await starting;
      try {
        expect((await fetch(`${base}/ready`)).status).toBe(200);
        expect(lines).toContainEqual(
          expect.objectContaining({ task: 'broken', error: 'store said no', msg: expect.stringMatching(/warm-up failed/) }),
        );
        expect(lines).toContainEqual(expect.objectContaining({ task: 'slow', msg: 'warmed up' }));
      } finally {
        await running.stop();
      }
    });

    it("the case registry is ready only once it has counted this year's pathway aggregates, so nothing of the count runs after", async () => {
      const { logger, lines } = capturingLogger();
      const store = createNedbStore({});
      const running = await startSubgraph(await loadSubgraphDefinition('coordination'), {
        config: hub.subgraphConfig,
        port: 0,
        store,
        clock: fixedClock(TODAY),
        logger,
        gatewayPublicKey: await importKey(hub.keys.gatewayPublic, internalTokenAlgorithm),
      });
      try {
        store.resetQueryCount();
        await sleep(300);
        expect(store.queries.total).toBe(0);
        expect(lines).toContainEqual(expect.objectContaining({ msg: "this year's pathway aggregates counted" }));
      } finally {
        await running.stop();
      }
    });
  });
});
