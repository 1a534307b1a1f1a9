import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import type { RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { originOf, outsideAddresses, sample, startExtraGateway, startExtraSubgraph, urlAt } from './opsHub.ts';

const sectorStatus = `query SectorStatus { sectors { id name delivery { total overdue } } }`;
const scrape = async (graphqlUrl: string) => (await fetch(`${originOf(graphqlUrl)}/metrics`)).text();

/*
 * Metrics tell an outsider what the hub runs and how busy each sector is. Production serves them
 * only to the scraper holding the token in CRG_METRICS_TOKEN_FILE; development also to callers on
 * the service's own machine, and to no one else without the token.
 */
const scrapeToken = 'a-scrape-token-of-at-least-32-characters';
const seriesOf = /^(crg|process|nodejs)_/m;

describe('Prometheus metrics after real traffic', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ subgraphTimeoutMs: 1000 });
    for (let i = 0; i < 3; i++) expect((await hub.query(sectorStatus)).errors).toBeUndefined();
    await hub.query(`{ sectors { id } }`, undefined, null); // refused: no credentials
  });
  afterAll(async () => hub?.stop());

  it('the gateway counts requests by route and status, refusals included', async () => {
    const text = await scrape(hub.gateway.url);
    expect(text).toContain('# TYPE crg_http_requests_total counter');
    expect(sample(text, 'crg_http_requests_total', { route: '/graphql', status: '200', service: 'gateway' })).toBe(3);
    expect(sample(text, 'crg_http_requests_total', { route: '/graphql', status: '401' })).toBe(1);
  });

  it('the gateway has a latency histogram per operation name', async () => {
    const text = await scrape(hub.gateway.url);
    expect(sample(text, 'crg_graphql_operation_duration_seconds_count', { operation: 'SectorStatus', outcome: 'ok' })).toBe(3);
    expect(sample(text, 'crg_graphql_operation_duration_seconds_bucket', { operation: 'SectorStatus', le: '+Inf' })).toBe(3);
    expect(sample(text, 'crg_graphql_operation_duration_seconds_sum', { operation: 'SectorStatus' })).toBeGreaterThan(0);
  });

  it('the gateway has a latency histogram per subgraph, one fetch per sector per operation', async () => {
    const text = await scrape(hub.gateway.url);
    expect(sample(text, 'crg_subgraph_fetch_duration_seconds_count', { subgraph: 'coordination', outcome: 'ok' })).toBe(3);
    for (const sector of ['health', 'police', 'justice', 'social-welfare', 'education']) {
      expect(sample(text, 'crg_subgraph_fetch_duration_seconds_count', { subgraph: sector, outcome: 'ok' }), sector).toBe(3);
    }
  });

  it('each subgraph counts the operations it answered, and exposes process metrics', async () => {
    const text = await scrape(hub.subgraphs.get('health')!.url);
    expect(sample(text, 'crg_graphql_operation_duration_seconds_count', { service: 'health', outcome: 'ok' })).toBe(3);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('a sector that does not answer shows as errors and fetch failures under its own name', async () => {
    await hub.stopSubgraph('police');
    const { errors } = await hub.query(sectorStatus);
    expect(errors?.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions.subgraph === 'police')).toBe(true);
    const text = await scrape(hub.gateway.url);
    expect(sample(text, 'crg_graphql_errors_total', { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'police' })).toBe(1);
    expect(sample(text, 'crg_subgraph_fetch_failures_total', { subgraph: 'police', reason: 'refused' })).toBe(1);
    expect(sample(text, 'crg_graphql_operation_duration_seconds_count', { operation: 'SectorStatus', outcome: 'error' })).toBe(1);
    expect(sample(text, 'crg_subgraph_fetch_failures_total', { subgraph: 'health' })).toBeUndefined();
  });

  describe('who may read /metrics in development', () => {
    let gateway: RunningGateway;
    let subgraph: RunningSubgraph;
    const outside = outsideAddresses();
    beforeAll(async () => {
      // Beside the development hub above, on every interface as in a container, so they can be
      // called from outside loopback.
      gateway = await startExtraGateway(hub, { host: '::' });
      subgraph = await startExtraSubgraph(hub, 'health', { config: { host: '::' } });
    });
    afterAll(async () => {
      await gateway?.stop();
      await subgraph?.stop();
    });

    it('a caller on the same machine, with no token', async () => {
      for (const port of [gateway.port, subgraph.port]) {
        for (const host of ['127.0.0.1', '::1']) {
          const answer = await fetch(urlAt(host, port, '/metrics'));
          expect(answer.status, host).toBe(200);
          expect(await answer.text()).toMatch(seriesOf);
        }
      }
    });

    it('no caller from another address, whatever its headers say', async () => {
      expect(outside.length, 'no non-loopback address: the attack cannot be tried').toBeGreaterThan(0);
      for (const port of [gateway.port, subgraph.port]) {
        for (const host of outside) {
          const answer = await fetch(urlAt(host, port, '/metrics'), {
            headers: { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' },
          });
          expect(answer.status, host).toBe(403);
          const text = await answer.text();
          expect(text, host).not.toMatch(seriesOf);
          expect(text, host).toContain('only to callers on this machine');
          expect((await fetch(urlAt(host, port, '/health'))).status, host).toBe(200);
        }
      }
    });
  });
});

describe('who may read /metrics in production', () => {
  let hub: TestHub;
  let gateway: RunningGateway;
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    hub = await startTestHub({ mode: 'production' });
    gateway = await startExtraGateway(hub, { mode: 'production', metricsToken: scrapeToken });
    subgraph = await startExtraSubgraph(hub, 'health', { config: { mode: 'production', metricsToken: scrapeToken } });
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
    await hub?.stop();
  });

  it('nobody, not even a caller on loopback, when no scrape token is configured; health and readiness stay open', async () => {
    for (const [name, url] of [['gateway', hub.gateway.url], ...[...hub.subgraphs].map(([n, s]) => [n, s.url])] as const) {
      const answer = await fetch(`${originOf(url)}/metrics`);
      expect(answer.status, name).toBe(403);
      const text = await answer.text();
      expect(text, name).not.toMatch(seriesOf);
      expect(text, name).toContain('CRG_METRICS_TOKEN_FILE is not set');
      expect((await fetch(`${originOf(url)}/health`)).status, name).toBe(200);
      expect((await fetch(`${originOf(url)}/ready`)).status, name).toBe(200);
    }
  });

  it('the scraper that sends the configured token, and no one without it', async () => {
    for (const url of [gateway.url, subgraph.url]) {
      const metrics = `${originOf(url)}/metrics`;
      const scraped = await fetch(metrics, { headers: { authorization: `Bearer ${scrapeToken}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('# TYPE crg_http_requests_total counter');

      const none = await fetch(metrics);
      expect(none.status).toBe(401);
      expect(await none.text()).toMatch(/send it as a bearer token/);
      const wrong = await fetch(metrics, { headers: { authorization: `Bearer ${scrapeToken.replace('a-', 'b-')}` } });
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).not.toMatch(seriesOf);
    }
  });
});
