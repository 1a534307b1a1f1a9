import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subgraphCatalog } from '../../platform/catalog.ts';
import { projectPath } from '../../platform/schemaFiles.ts';

describe('docker-compose', () => {
  const compose = parse(fs.readFileSync(projectPath('docker-compose.yml'), 'utf8')) as { services: Record<string, any> };

  it('runs two gateway replicas, ready-checked and given time to drain, behind one port published on loopback', () => {
    const gateway = compose.services.gateway;
    expect(gateway.deploy.replicas).toBe(2);
    expect(gateway.ports).toBeUndefined();
    expect(gateway.healthcheck.test.join(' ')).toContain('/ready');
    expect(gateway.stop_grace_period).toBe('30s');
    const lb = compose.services['gateway-lb'];
    expect(lb.ports).toEqual(['127.0.0.1:4000:4000']);
    const config = fs.readFileSync(projectPath(lb.volumes[0].split(':')[0]), 'utf8');
    expect(config).toMatch(/server gateway:4000 resolve;/);
  });

  it('runs every subgraph in the catalog, each checked on /ready', () => {
    for (const { name, defaultPort } of subgraphCatalog) {
      expect(compose.services[name]?.healthcheck.test.join(' '), name).toContain(`${defaultPort}/ready`);
    }
  });
});
