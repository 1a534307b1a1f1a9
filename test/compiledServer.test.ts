import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort, launch, stopAll, useCompiledServer, type Service } from '../scripts/bench/processes.ts';
import { compiledPath } from '../scripts/compiledServer.ts';
import { k8sManifests } from '../scripts/deploy/k8sManifests.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { postGraphQL } from './support/hub.ts';

/*
 * Production runs the compiled JavaScript (`npm run build` → dist/server/), not the sources
 * through tsx. Here the server code is compiled, then the coordination subgraph, the gateway and
 * `token` run from dist/server/ under plain `node`, which cannot load a .ts file on Node 20: a
 * build that fails, an import the compiler did not rewrite, or a path (SDL, supergraph, dashboard
 * bundle) that is not found from dist/ fails here.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-compiled-'));
const services: Service[] = [];
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  useCompiledServer();
  const coordinationPort = await freePort();
  env = {
    ...process.env,
    CRG_MODE: 'development',
    CRG_STORE: 'memory',
    CRG_DATA_DIR: dataDir,
    CRG_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    COORDINATION_PORT: String(coordinationPort),
    COORDINATION_URL: `http://127.0.0.1:${coordinationPort}/graphql`,
    GATEWAY_PORT: String(await freePort()),
  };
  // One token before two processes race to make the development keys.
  mintToken('analyst');
  services.push(await launch('coordination', 'subgraphs/run.ts', ['coordination'], env));
  services.push(await launch('gateway', 'gateway/main.ts', [], env));
}, 120_000);

afterAll(async () => {
  await stopAll(services);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** `npm run token` as the image runs it: `node dist/server/scripts/token.js`. */
function mintToken(role: string): string {
  const result = spawnSync(process.execPath, [compiledPath('scripts/token.ts'), '--role', role], { env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe('the compiled server', () => {
  it('answers a query through the compiled gateway from the compiled subgraph', async () => {
    const gateway = services.find((s) => s.name === 'gateway')!;
    const answer = await postGraphQL<{ coordinationBodies: { id: string }[] }>(gateway.url, '{ coordinationBodies { id } }', undefined, {
      authorization: `Bearer ${mintToken('analyst')}`,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.coordinationBodies.map((b) => b.id)).toContain('bd-steering');
  });

  it('serves the dashboard bundle from dist/', async () => {
    const gateway = services.find((s) => s.name === 'gateway')!;
    const response = await fetch(new URL('/dashboard/', gateway.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('/dashboard/app.js');
  });

  it('has a compiled file for every command docker-compose and the Kubernetes manifests run', () => {
    const compose = parse(fs.readFileSync(projectPath('docker-compose.yml'), 'utf8')) as {
      services: Record<string, { command?: string[] }>;
    };
    const composeScripts = Object.values(compose.services).flatMap((s) => (s.command ? [s.command[0]!] : []));
    const k8sScripts = Object.values(k8sManifests())
      .flat()
      .filter((m) => m.kind === 'Deployment')
      .map((m) => (m as any).spec.template.spec.containers[0].args[0] as string);
    expect(composeScripts.length).toBeGreaterThan(1);
    expect(k8sScripts.length).toBeGreaterThan(1);
    for (const script of [...composeScripts, ...k8sScripts]) expect(fs.existsSync(projectPath(script)), script).toBe(true);
  });
});
