/**
 * `npm run bench:memory`: where our gateway's memory goes under the bench's load, and what a
 * change to it costs. Starts the subgraphs once (embedded store, demo data, compiled as production
 * runs them) and one gateway per variant over them, then runs the bench's operations against each
 * variant in interleaved rounds (the order turns by one each round), every request with a caller
 * token of its own, as `npm run bench` does. After each run it reports the variant's peak resident
 * memory (sampled every 250 ms, as the bench samples it), requests/s, CPU ms per request, and the
 * gateway's own account of its memory (process.memoryUsage, V8's heap spaces and resident memory by
 * mapping, from a probe loaded with --import: memoryProbe.mjs).
 *
 *   npm run bench:memory -- [--seconds 5] [--rounds 2] [--connections 20] [--only SectorStatus,...]
 *                           [--variant 'label|ENV=value,...|--v8-flag ...|other/dist/server'] ... [--heap-profile dir]
 *
 * Without --variant: the bench's two (the gateway's V8 flags, without and with its response cache).
 * A variant's flags replace the gateway's V8 flags (scripts/deploy/k8sManifests.ts) when given; its
 * build, another compiled copy of the server (e.g. main's, copied aside), is run instead of this one.
 * --reuse-build runs dist/server/ as last compiled instead of compiling it first.
 * --heap-profile: each gateway samples its allocations from its start and writes those still live
 * at the end to <dir>/<label>.heapprofile (summarise with heapProfileSummary.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { subgraphCatalog } from '../../platform/catalog.ts';
import { loadOrCreateDevelopmentKeys } from '../../platform/auth/keys.ts';
import { gatewayNodeFlags } from '../deploy/k8sManifests.ts';
import { progress } from '../progress.ts';
import { TokenPool } from './callerTokens.ts';
import { peerCacheTtlMs } from './hivePeers.ts';
import { measure, median, type Target } from './measure.ts';
import { availableOperations, callerOf, freshCallerPerRequest, type BenchOperation } from './operations.ts';
import { freePort, launch, measuredHubEnvironment, stopAll, useCompiledBuild, type Service } from './processes.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '20' },
    only: { type: 'string' },
    variant: { type: 'string', multiple: true },
    'heap-profile': { type: 'string' },
    'reuse-build': { type: 'boolean', default: false },
  },
});
const seconds = Number(flags.seconds);
const rounds = Number(flags.rounds);
const connections = Number(flags.connections);
for (const [name, value] of Object.entries({ seconds, rounds, connections })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1 (got ${value})`);
}

interface Variant {
  label: string;
  env: Record<string, string>;
  nodeFlags: string[];
  /** Another build's dist/server/ folder to run the gateway from (default: this one's). */
  build?: string;
}

/** `label|ENV=value,ENV=value|--flag --flag|/another/dist/server`: the last three parts may be empty. */
function parseVariant(text: string): Variant {
  const [label, envText = '', flagText = '', build = ''] = text.split('|');
  if (!label) throw new Error(`--variant needs a label first: 'label|ENV=value,...|--flag ...' (got ${JSON.stringify(text)})`);
  const env = Object.fromEntries(
    envText
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new Error(`--variant ${label}: ${JSON.stringify(pair)} is not ENV=value`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
  );
  const nodeFlags = flagText.split(' ').filter(Boolean);
  return { label, env, nodeFlags: nodeFlags.length ? nodeFlags : gatewayNodeFlags, ...(build ? { build: path.resolve(build) } : {}) };
}

const variants: Variant[] = flags.variant?.length
  ? flags.variant.map(parseVariant)
  : [
      { label: 'uncached', env: { GATEWAY_RESPONSE_CACHE_TTL_MS: '0' }, nodeFlags: gatewayNodeFlags },
      { label: 'cached', env: { GATEWAY_RESPONSE_CACHE_TTL_MS: String(peerCacheTtlMs) }, nodeFlags: gatewayNodeFlags },
    ];

interface MemoryReport {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  malloced: number;
  spaces: Record<string, number>;
}

const say = progress('bench:memory');
useCompiledBuild(flags['reuse-build'], say);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-bench-memory-'));
const env = await measuredHubEnvironment(dataDir, 'embedded');
const services: Service[] = [];
const probe = new URL('memoryProbe.mjs', import.meta.url);
// The gateways write their profiles there at the end: a folder not yet made would lose them all.
if (flags['heap-profile']) fs.mkdirSync(path.resolve(flags['heap-profile']), { recursive: true });
/** The probe for a variant's gateway, told where to write its heap profile when one is asked for. */
const probeFor = (variant: Variant) => {
  const url = new URL(probe);
  if (flags['heap-profile']) url.searchParams.set('heapProfile', path.resolve(flags['heap-profile'], `${variant.label}.heapprofile`));
  return url.href;
};

/** The gateway's own account of its memory, asked over IPC. */
const memoryOf = (service: Service): Promise<MemoryReport> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${service.name} did not report its memory in 30 s`)), 30_000);
    const listener = (message: { memoryReport?: MemoryReport }) => {
      if (!message.memoryReport) return;
      clearTimeout(timer);
      service.child.off('message', listener);
      resolve(message.memoryReport);
    };
    service.child.on('message', listener);
    service.child.send({ memory: true });
  });

try {
  const operations = availableOperations(readSupergraph(), flags.only?.split(','));
  const keys = await loadOrCreateDevelopmentKeys(dataDir);
  say(`starting ${subgraphCatalog.length} subgraphs on the embedded store`);
  services.push(...(await Promise.all(subgraphCatalog.map(({ name }) => launch(name, 'subgraphs/run.ts', [name], env)))));
  const gateways = new Map<string, Service>();
  for (const variant of variants) {
    say(`starting gateway "${variant.label}" with ${variant.nodeFlags.join(' ')} ${JSON.stringify(variant.env)}`);
    const script = variant.build ? path.join(variant.build, 'gateway', 'main.js') : 'gateway/main.ts';
    const service = await launch(
      variant.label,
      script,
      [],
      {
        ...env,
        GATEWAY_PORT: String(await freePort()),
        ...variant.env,
      },
      ['--import', probeFor(variant), ...variant.nodeFlags],
    );
    services.push(service);
    gateways.set(variant.label, service);
  }

  const tokens = TokenPool.ofDevelopmentIssuer(keys.issuerPrivate);
  const target = (op: BenchOperation, label: string, expected: number): Target => {
    const service = gateways.get(label)!;
    return {
      label,
      url: service.url,
      body: JSON.stringify({ query: op.query, variables: op.variables }),
      pid: service.child.pid,
      headers: async () => ({}),
      perRequest: freshCallerPerRequest(tokens, label, op, expected),
    };
  };
  for (const op of operations) {
    if (!op.prepare) continue;
    const service = gateways.get(variants[0]!.label)!;
    const run = tokens.take(variants[0]!.label, callerOf(op), 1);
    op.variables = await op.prepare(async (query) => {
      const response = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${run.next()}` },
        body: JSON.stringify({ query }),
      });
      const result = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (!result.data || result.errors) throw new Error(`${op.name} could not find its variables: ${JSON.stringify(result.errors)}`);
      return result.data;
    });
    run.done();
  }

  for (const [label, service] of gateways) console.log(`${label} at start: ${JSON.stringify(await memoryOf(service))}`);
  const lastRps = new Map<string, number>();
  const rows: { round: number; op: string; label: string; rps: number; cpu: number; peak: number; memory: MemoryReport }[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const op of operations) {
      const labels = [...gateways.keys()];
      const first = (round - 1) % labels.length;
      for (const label of [...labels.slice(first), ...labels.slice(0, first)]) {
        const expected = Math.ceil((lastRps.get(`${label}\n${op.name}`) ?? 3000) * seconds * 1.5) + 4 * connections;
        const sample = await measure(target(op, label, expected), seconds, connections);
        lastRps.set(`${label}\n${op.name}`, sample.rps);
        const memory = await memoryOf(gateways.get(label)!);
        rows.push({ round, op: op.name, label, rps: sample.rps, cpu: sample.cpuMsPerRequest, peak: sample.peakRssMb, memory });
        say(
          `round ${round} ${op.name} ${label}: ${sample.rps.toFixed(0)} req/s, ${sample.cpuMsPerRequest.toFixed(2)} CPU ms/req, ` +
            `peak RSS ${sample.peakRssMb.toFixed(0)} MB, failed ${sample.failed}; after: ${JSON.stringify(memory)}`,
        );
      }
    }
  }

  if (flags['heap-profile']) {
    for (const service of gateways.values()) service.child.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  console.log(
    `\nload average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| variant | peak RSS MB | heap used MB (after runs, max) | external MB (max) | req/s (median) | CPU ms/req (median) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const label of gateways.keys()) {
    const mine = rows.filter((r) => r.label === label);
    console.log(
      `| ${label} | ${Math.max(...mine.map((r) => r.peak)).toFixed(0)} | ${Math.max(...mine.map((r) => r.memory.heapUsed)).toFixed(0)} | ` +
        `${Math.max(...mine.map((r) => r.memory.external)).toFixed(0)} | ${median(mine.map((r) => r.rps)).toFixed(0)} | ${median(mine.map((r) => r.cpu)).toFixed(2)} |`,
    );
  }
  if (operations.length > 1) {
    console.log('\nper operation, median over rounds: req/s, CPU ms/req, peak RSS MB');
    for (const op of operations)
      for (const label of gateways.keys()) {
        const mine = rows.filter((r) => r.label === label && r.op === op.name);
        console.log(
          `${op.name} ${label}: ${median(mine.map((r) => r.rps)).toFixed(0)} req/s, ${median(mine.map((r) => r.cpu)).toFixed(2)} ms, ${Math.max(...mine.map((r) => r.peak)).toFixed(0)} MB`,
        );
      }
  }
} finally {
  await stopAll(services);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
