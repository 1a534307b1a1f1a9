import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import type { RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { capturingLogger, startExtraGateway, startExtraSubgraph } from './opsHub.ts';

const query = `query HealthStatus { sector(id: "health") { id name delivery { total } } }`;

describe('one request id from the gateway to every subgraph', () => {
  let hub: TestHub;
  let gateway: RunningGateway;
  let health: RunningSubgraph;
  const gatewayLogs = capturingLogger({ service: 'gateway' });
  const healthLogs = capturingLogger({ subgraph: 'health' });

  beforeAll(async () => {
    hub = await startTestHub();
    health = await startExtraSubgraph(hub, 'health', { logger: healthLogs.logger });
    gateway = await startExtraGateway(hub, {
      subgraphUrls: { ...Object.fromEntries([...hub.subgraphs].map(([n, s]) => [n, s.url])), health: health.url },
      logger: gatewayLogs.logger,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await health?.stop();
    await hub?.stop();
  });

  const send = async (headers: Record<string, string> = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor({ role: 'analyst' })}`, ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    return response.headers.get('x-request-id')!;
  };

  it('generates an id at the gateway, answers with it, and writes it on the gateway and subgraph log lines', async () => {
    const id = await send();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const gatewayLines = gatewayLogs.lines.filter((l) => l.requestId === id);
    expect(gatewayLines).toEqual([expect.objectContaining({ operation: 'HealthStatus', errors: 0, msg: 'graphql operation' })]);
    // The health subgraph is called by the gateway for this request: its line carries the same id.
    const subgraphLines = healthLogs.lines.filter((l) => l.requestId === id);
    expect(subgraphLines.length).toBeGreaterThanOrEqual(1);
    expect(subgraphLines.every((l) => l.subgraph === 'health')).toBe(true);
  });

  it("keeps the caller's own x-request-id when it is a sane value", async () => {
    const id = await send({ 'x-request-id': 'dashboard-7f3a.42' });
    expect(id).toBe('dashboard-7f3a.42');
    expect(healthLogs.lines.some((l) => l.requestId === 'dashboard-7f3a.42')).toBe(true);
  });

  it('replaces an id that could forge log lines or flood an index', async () => {
    for (const bad of ['a\tb', 'x'.repeat(200), '../etc', '{"level":60}']) {
      const id = await send({ 'x-request-id': bad });
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(healthLogs.lines.some((l) => l.requestId === bad)).toBe(false);
    }
  });
});
