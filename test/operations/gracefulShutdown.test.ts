import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Collection, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import type { RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { graphqlBody, postGraphQL, startTestHub, type TestHub } from '../support/hub.ts';
import { startExtraGateway, startExtraSubgraph } from './opsHub.ts';

/** A promise with its resolve, to hold a request until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const query = `query HealthStatus { sector(id: "health") { id delivery { total } } }`;

describe('graceful shutdown', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => hub?.stop());

  describe('the gateway', () => {
    let gateway: RunningGateway;
    let proxy: http.Server;
    const held = gate();
    const arrived = gate();

    beforeAll(async () => {
      // Stands in front of the health subgraph and holds its calls, so a request stays in flight.
      const target = new URL(hub.subgraphs.get('health')!.url);
      proxy = http.createServer((req, res) => {
        arrived.open();
        void held.opened.then(() =>
          req.pipe(
            http.request(
              { host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers },
              (answer) => {
                res.writeHead(answer.statusCode!, answer.headers);
                answer.pipe(res);
              },
            ),
          ),
        );
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const proxied = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
      gateway = await startExtraGateway(hub, {
        subgraphUrls: { ...Object.fromEntries([...hub.subgraphs].map(([n, s]) => [n, s.url])), health: proxied },
      });
    });
    afterAll(() => new Promise<void>((r) => proxy.close(() => r())));

    it('finishes the request in flight, refuses new connections, then stops', async () => {
      const headers = { authorization: `Bearer ${await hub.tokenFor({ role: 'analyst' })}` };
      const inFlight = postGraphQL(gateway.url, query, undefined, headers);
      await arrived.opened;
      let stopped = false;
      const stopping = gateway.stop().then(() => (stopped = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(stopped).toBe(false);
      await expect(fetch(gateway.url.replace('/graphql', '/ready'))).rejects.toThrow();
      held.open();
      const result = await inFlight;
      expect(result.errors).toBeUndefined();
      expect(result.data!.sector).toMatchObject({ id: 'health', delivery: { total: expect.any(Number) } });
      await stopping;
      expect(stopped).toBe(true);
    });
  });

  describe('a request that does not finish', () => {
    it('has its connection cut after the grace period, so a stop never hangs', async () => {
      // A subgraph that accepts the call and never answers.
      const silent = http.createServer(() => undefined);
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
      const gateway = await startExtraGateway(hub, {
        subgraphUrls: { ...Object.fromEntries([...hub.subgraphs].map(([n, s]) => [n, s.url])), health: url },
        shutdownGraceMs: 200,
      });
      const headers = { authorization: `Bearer ${await hub.tokenFor({ role: 'analyst' })}` };
      const inFlight = postGraphQL(gateway.url, query, undefined, headers).then(
        () => 'answered',
        () => 'cut',
      );
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      await gateway.stop();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await inFlight).toBe('cut');
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    });
  });

  describe('a subgraph', () => {
    let subgraph: RunningSubgraph;
    const held = gate();
    const arrived = gate();
    let holding = false;

    beforeAll(async () => {
      // A store whose reads wait for the test once holding starts: a slow query in flight.
      const store = createNedbStore({});
      const collection = store.collection.bind(store);
      store.collection = <T extends StoredDocument>(name: string): Collection<T> => {
        const inner = collection<T>(name);
        return {
          ...inner,
          name: inner.name,
          find: async (filter, options) => {
            if (holding) {
              arrived.open();
              await held.opened;
            }
            return inner.find(filter, options);
          },
        };
      };
      subgraph = await startExtraSubgraph(hub, 'health', { store });
    });

    it('answers the query it is running before it stops, and becomes unready at once', async () => {
      const query = `{ healthSector { id servicePoints { district } } }`;
      const headers = await hub.gatewayHeaders('health', graphqlBody(query));
      const url = subgraph.url.replace('/graphql', '');
      holding = true;
      const inFlight = postGraphQL(subgraph.url, query, undefined, headers);
      await arrived.opened;
      const stopping = subgraph.stop();
      await expect(fetch(`${url}/ready`)).rejects.toThrow();
      held.open();
      const result = await inFlight;
      expect(result.errors).toBeUndefined();
      expect(result.data!.healthSector.servicePoints.length).toBeGreaterThan(0);
      await stopping;
    });
  });
});
