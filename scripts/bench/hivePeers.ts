import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { supergraphPath } from '../../gateway/supergraph.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { freePort, type Service } from './processes.ts';

/**
 * The peers: Hive Gateway as its users run it, its own command-line gateway (`hive-gateway` from
 * @graphql-hive/gateway) serving the committed supergraph with the configuration file in
 * scripts/bench/hive/, on Node with its defaults (none of our V8 flags, no NODE_OPTIONS) and its
 * default of one process (no `--fork`: the CLI forks workers only when told to). Three of them:
 */
export const hivePeers = {
  /** Hive Gateway with every default. */
  hive: { label: 'Hive', cached: false, routerRuntime: false },
  /** With its response cache on: 2 s, per role and sector of the verified caller. */
  hiveCached: { label: 'Hive, cached', cached: true, routerRuntime: false },
  /** With its Rust query planner (`--hive-router-runtime`, @graphql-hive/router-runtime). */
  hiveRouter: { label: 'Hive, Rust planner', cached: false, routerRuntime: true },
} as const;

export type HivePeer = (typeof hivePeers)[keyof typeof hivePeers];

/** The peers' response cache lifetime, as ours is configured in the bench. */
export const peerCacheTtlMs = 2000;

export const hiveConfigPath = projectPath('scripts', 'bench', 'hive', 'gateway.config.ts');

/** The `hive-gateway` command's script, as npm links it (node_modules/.bin/hive-gateway). */
export function hiveGatewayBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@graphql-hive/gateway/package.json');
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(manifest), bin['hive-gateway']!);
}

/**
 * Starts one peer on a free port of 127.0.0.1 and resolves once its readiness check answers 200.
 * `env` gives it what the configuration reads (CRG_DATA_DIR, <NAME>_URL). Its output goes to
 * `logFile`, where the bench checks it says what it runs (the Rust planner loaded, not fallen back).
 */
export async function startHivePeer(peer: HivePeer, env: NodeJS.ProcessEnv, logFile: string): Promise<Service> {
  const port = await freePort();
  const peerEnv: NodeJS.ProcessEnv = { ...env };
  delete peerEnv.NODE_OPTIONS;
  if (peer.cached) peerEnv.PEER_RESPONSE_CACHE_TTL_MS = String(peerCacheTtlMs);
  const args = [
    hiveGatewayBin(),
    'supergraph',
    supergraphPath,
    '--config-path',
    hiveConfigPath,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    ...(peer.routerRuntime ? ['--hive-router-runtime'] : []),
  ];
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { env: peerEnv, cwd: projectPath(), stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${peer.label} stopped before it was ready (exit code ${child.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`${peer.label} was not ready within 60 s; see ${logFile}`);
    }
    const ready = await fetch(`${url}/readiness`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (peer.routerRuntime) {
    const said = fs.readFileSync(logFile, 'utf8');
    if (!said.includes('Using Hive Router Runtime') || said.includes('Could not load the @graphql-hive/router-runtime'))
      throw new Error(`${peer.label} did not load its Rust query planner; see ${logFile}`);
  }
  return { name: peer.label, url: `${url}/graphql`, child };
}
