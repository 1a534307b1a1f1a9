import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { originOf, sample } from './opsHub.ts';

const sectorStatus = `query SectorStatus { sectors { id name delivery { total overdue } } }`;
const scrape = async (graphqlUrl: string) => (await fetch(`${originOf(graphqlUrl)}/metrics`)).text();

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
});
