/**
 * What one case read costs the gateway and each subgraph on the embedded store: CPU time per read
 * in each process (from /proc) and the bytes each read adds to its files (store and witness).
 * The hub runs in its own processes on a fresh data folder; the read is the bench's
 * CaseWithResponses, as a health sector officer, through the gateway (without its cache).
 *
 *   tsx scripts/caseReadCost.ts [--reads 500] [--concurrency 1] [--store embedded|memory]
 *                               [--fresh-tokens] [--compiled] [--profile gateway,health,coordination]
 *
 * --fresh-tokens sends each read with a caller token of its own, as the bench does, so the
 * gateway verifies one and signs its subgraph calls' tokens anew on every read; without it every
 * read is the same caller's. --compiled runs the services compiled (dist/server/), as the bench
 * and production do. --profile writes a V8 CPU profile of the named services under
 * scripts/bench/profiles (summarise with scripts/bench/profileSummary.ts). Linux only (reads /proc).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { subgraphCatalog } from '../platform/catalog.ts';
import { loadOrCreateDevelopmentKeys } from '../platform/auth/keys.ts';
import { mintCallerToken } from '../platform/auth/localIssuer.ts';
import { developmentAudience, developmentIssuer } from '../platform/config.ts';
import { benchOperations } from './bench/operations.ts';
import { TokenPool } from './bench/callerTokens.ts';
import { cpuMs, freePort, launch, measuredHubEnvironment, stopAll, useCompiledServer, type Service } from './bench/processes.ts';
import { gatewayNodeFlags } from './deploy/k8sManifests.ts';

const { values: flags } = parseArgs({
  options: {
    reads: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '1' },
    profile: { type: 'string', default: '' },
    store: { type: 'string', default: 'embedded' },
    'fresh-tokens': { type: 'boolean', default: false },
    compiled: { type: 'boolean', default: false },
  },
});
const reads = Number(flags.reads);
const concurrency = Number(flags.concurrency);
const profiled = new Set(flags.profile.split(',').filter(Boolean));
if (flags.compiled) useCompiledServer();
const operation = benchOperations.find((op) => op.name === 'CaseWithResponses')!;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-caseread-'));
const env = await measuredHubEnvironment(dataDir, flags.store, { CRG_COUNTRY: 'bangladesh' });

/** Sizes of every file under the data folder, by path relative to it. */
function fileSizes(): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) sizes.set(path.relative(dataDir, full), fs.statSync(full).size);
    }
  };
  walk(dataDir);
  return sizes;
}

const services: Service[] = [];
try {
  const keys = await loadOrCreateDevelopmentKeys(dataDir);
  const profileDir = path.join(import.meta.dirname, 'bench', 'profiles');
  const subgraphs = await Promise.all(
    subgraphCatalog.map(({ name }) =>
      launch(name, 'subgraphs/run.ts', [name], env, profiled.has(name) ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ),
  );
  services.push(...subgraphs);
  const gateway = await launch(
    'gateway',
    'gateway/main.ts',
    [],
    { ...env, GATEWAY_PORT: String(await freePort()), GATEWAY_RESPONSE_CACHE_TTL_MS: '0' },
    [...gatewayNodeFlags, ...(profiled.has('gateway') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
  );
  services.push(gateway);

  const { role, sector } = operation.as!;
  const token = await mintCallerToken(keys.issuerPrivate, {
    role,
    sector,
    subject: `caseread.${sector}@local`,
    issuer: developmentIssuer,
    audience: developmentAudience,
    expiresIn: '2h',
  });
  const pool = new TokenPool({
    privateJwk: keys.issuerPrivate,
    issuer: developmentIssuer,
    audience: developmentAudience,
    lifetimeSeconds: 7200,
  });
  const fresh = flags['fresh-tokens'] ? pool.take('gateway', { role, sector: sector ?? null }, reads + 101) : null;
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fresh?.next() ?? token}` },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (!result.data || result.errors) throw new Error(`the read failed: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
  const variables = await operation.prepare!(ask);
  const readMany = async (count: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < count) await ask(operation.query, variables);
      }),
    );
  };
  await readMany(100); // warm: JIT, connections, plans
  // Quiet before and after, so the reads stand apart in a CPU profile.
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2000));
  await pause();

  const measured = [gateway, ...subgraphs];
  const cpuBefore = measured.map((s) => cpuMs(s.child.pid));
  const sizesBefore = fileSizes();
  const started = performance.now();
  await readMany(reads);
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = measured.map((s) => cpuMs(s.child.pid));
  const sizesAfter = fileSizes();
  await pause();

  console.log(
    `${reads} reads of ${String(variables.id)}, ${concurrency} at a time, in ${seconds.toFixed(1)} s; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('CPU ms per read, by process:');
  const perRead = measured.map((s, i) => (cpuAfter[i]! - cpuBefore[i]!) / reads);
  measured.forEach((s, i) => console.log(`  ${s.name.padEnd(16)} ${perRead[i]!.toFixed(2)}`));
  console.log(
    `  ${'subgraphs'.padEnd(16)} ${perRead
      .slice(1)
      .reduce((a, b) => a + b, 0)
      .toFixed(2)}`,
  );
  console.log('Bytes added per read, by file:');
  for (const [file, size] of sizesAfter) {
    const grown = size - (sizesBefore.get(file) ?? 0);
    if (grown !== 0) console.log(`  ${file.padEnd(48)} ${(grown / reads).toFixed(0)}`);
  }
} finally {
  await stopAll(services);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
