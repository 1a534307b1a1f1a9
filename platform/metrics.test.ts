import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from './metrics.ts';

describe('service metrics', () => {
  it('labels operations by name, bounded in shape and number', () => {
    const metrics = createServiceMetrics('test');
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
    expect(metrics.operationLabel('SectorStatus')).toBe('SectorStatus');
    expect(metrics.operationLabel('bad name"} 1')).toBe('other');
    for (let i = 0; i < 300; i++) metrics.operationLabel(`Op${i}`);
    expect(metrics.operationLabel('Op250')).toBe('other');
    expect(metrics.operationLabel('SectorStatus')).toBe('SectorStatus');
  });

  it('keeps each service in its own registry, labelled with its name', async () => {
    const a = createServiceMetrics('health');
    const b = createServiceMetrics('police');
    a.httpRequests.inc({ route: '/graphql', status: '200' });
    const page = await a.route({} as never);
    expect(page.body).toContain('crg_http_requests_total{route="/graphql",status="200",service="health"} 1');
    expect((await b.route({} as never)).body).not.toContain('crg_http_requests_total{');
  });
});
