/**
 * `npm run bench`: the hub on demo data in its own processes on free ports, our gateway and the
 * peer gateway (Hive Gateway) over the same subgraphs and supergraph, and autocannon from this
 * process against each, in turns: every round runs each operation against our gateway, the peer
 * and each subgraph it calls, so a noisy neighbour slows all of them alike and the ratio holds.
 *
 *   npm run bench -- [--seconds 5] [--rounds 3] [--connections 20] [--only SectorStatus,...]
 *                    [--soak 600] [--profile] [--source]
 *
 * Our gateway and the subgraphs run compiled (`npm run build`'s dist/server/, compiled first), as
 * in production; --source runs them from the TypeScript sources through tsx instead.
 * --soak N runs SectorStatus against our gateway (cache off) for N seconds, printing its memory every 30 s.
 * --profile starts the gateway with --cpu-prof; the profile is written under the bench folder.
 * Only 127.0.0.1 is ever loaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { envPrefix, sectorIds, subgraphCatalog } from '../../platform/catalog.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey, loadOrCreateDevelopmentKeys } from '../../platform/auth/keys.ts';
import { mintCallerToken } from '../../platform/auth/localIssuer.ts';
import { scopesByRole } from '../../platform/auth/roles.ts';
import { developmentAudience, developmentIssuer } from '../../platform/config.ts';
import { gatewayNodeFlags } from '../deploy/k8sManifests.ts';
import { measure, measureUnloaded, median, sender, type Sample, type Target } from './measure.ts';
import { availableOperations, type BenchOperation, type DirectCall } from './operations.ts';
import { rootFetches } from './rootFetches.ts';
import { freePort, launch, rssMb, stopAll, useCompiledServer, type Service } from './processes.ts';
import { printTable, printUnloaded, wholePlan, type Row, type UnloadedRow } from './table.ts';
import { nOf, progress } from '../progress.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '20' },
    only: { type: 'string' },
    soak: { type: 'string' },
    profile: { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
  },
});
const say = progress('bench');
if (!flags.source) {
  say('compiling the server code, to run it as production does (--source skips this)');
  useCompiledServer();
}
const seconds = Number(flags.seconds);
const rounds = Number(flags.rounds);
const connections = Number(flags.connections);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-bench-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  CRG_MODE: 'development',
  CRG_STORE: 'memory',
  CRG_DATA_DIR: dataDir,
  CRG_TODAY: '2026-11-24',
  CRG_HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  // One bench caller sends thousands of requests a second: the per-caller limit would refuse them.
  GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
};
for (const { name } of subgraphCatalog) {
  const port = await freePort();
  env[`${envPrefix(name)}_PORT`] = String(port);
  env[`${envPrefix(name)}_URL`] = `http://127.0.0.1:${port}/graphql`;
}

const services: Service[] = [];
const stopServices = async () => {
  await stopAll(services);
  fs.rmSync(dataDir, { recursive: true, force: true });
};
process.once('SIGINT', () => void stopServices().then(() => process.exit(130)));

try {
  const keys = await loadOrCreateDevelopmentKeys(dataDir);
  say(`starting ${subgraphCatalog.length} subgraphs, then our gateway (with and without its cache) and the peer gateway`);
  services.push(...(await Promise.all(subgraphCatalog.map(({ name }) => launch(name, 'subgraphs/run.ts', [name], env)))));
  const profileDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'profiles');
  const gateway = await launch('gateway', 'gateway/main.ts', [], { ...env, GATEWAY_PORT: String(await freePort()) }, [
    ...gatewayNodeFlags,
    ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  ]);
  // The same gateway with its response cache off: what planning and fetching cost on every request.
  const uncached = await launch(
    'gateway',
    'gateway/main.ts',
    [],
    { ...env, GATEWAY_PORT: String(await freePort()), GATEWAY_RESPONSE_CACHE_TTL_MS: '0' },
    gatewayNodeFlags,
  );
  const peer = await launch('peer', 'scripts/bench/peerGateway.ts', [], { ...env, PEER_PORT: String(await freePort()) }, gatewayNodeFlags);
  services.push(gateway, uncached, peer);

  const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const callerTokens = new Map<string, string>();
  const callerOf = (op: BenchOperation) => {
    const role = op.as?.role ?? 'analyst';
    const sector = op.as?.sector ?? null;
    return { role, sector, subject: `bench.${role}${sector ? `.${sector}` : ''}@local` };
  };
  const callerToken = async (op: BenchOperation) => {
    const { role, sector, subject } = callerOf(op);
    const key = `${role}\n${sector}`;
    if (!callerTokens.has(key)) {
      callerTokens.set(
        key,
        await mintCallerToken(keys.issuerPrivate, {
          role,
          sector,
          subject,
          issuer: developmentIssuer,
          audience: developmentAudience,
          expiresIn: '2h',
        }),
      );
    }
    return callerTokens.get(key)!;
  };
  const subgraphUrl = (name: string) => env[`${envPrefix(name)}_URL`]!;
  const subgraphPids = services.filter((s) => subgraphCatalog.some((entry) => entry.name === s.name)).map((s) => s.child.pid!);
  const supergraphSdl = readSupergraph();

  const directTarget = (op: BenchOperation, call: DirectCall): Target => {
    const caller = callerOf(op);
    const identity = { ...caller, scopes: scopesByRole[caller.role] };
    const body = JSON.stringify({ query: call.query, variables: call.variables });
    return {
      label: call.subgraph,
      url: subgraphUrl(call.subgraph),
      body,
      pid: services.find((s) => s.name === call.subgraph)?.child.pid,
      headers: () => gatewayCallHeaders(identity, call.subgraph, signingKey, body),
    };
  };

  const targetsFor = (op: BenchOperation): Target[] => {
    const body = JSON.stringify({ query: op.query, variables: op.variables });
    const caller = callerOf(op);
    const bearer = async () => ({ authorization: `Bearer ${await callerToken(op)}` });
    const peerHeaders = async (): Promise<Record<string, string>> => ({
      'x-bench-role': caller.role,
      ...(caller.sector ? { 'x-bench-sector': caller.sector } : {}),
      ...(op.caseLevel ? { 'x-bench-case-level': '1' } : {}),
    });
    return [
      { label: 'ours', url: gateway.url, body, pid: gateway.child.pid, subgraphPids, headers: bearer },
      { label: 'ours, no cache', url: uncached.url, body, pid: uncached.child.pid, subgraphPids, headers: bearer },
      { label: 'peer', url: peer.url, body, pid: peer.child.pid, subgraphPids, headers: peerHeaders },
      ...[...rootFetches(supergraphSdl, op.query, op.variables), ...(op.entityCall ? [op.entityCall('health')] : [])].map((call) =>
        directTarget(op, call),
      ),
    ];
  };

  /** The whole plan sent straight, one request at a time: its root calls, then every sector's entity call at once. */
  const directPlan = async (op: BenchOperation): Promise<() => Promise<void>> => {
    const roots = await Promise.all(rootFetches(supergraphSdl, op.query, op.variables).map((call) => sender(directTarget(op, call))));
    const entities = await Promise.all(op.entityCall ? sectorIds.map((sector) => sender(directTarget(op, op.entityCall!(sector)))) : []);
    return async () => {
      for (const root of roots) await root();
      await Promise.all(entities.map((entity) => entity()));
    };
  };

  const operations = availableOperations(supergraphSdl, flags.only?.split(','));
  say(`checking that every gateway and subgraph answers each of ${operations.length} operations`);
  for (const op of operations) {
    if (!op.prepare) continue;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await callerToken(op)}` };
    op.variables = await op.prepare(async (query) => {
      const response = await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query }) });
      const result = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (!result.data || result.errors) throw new Error(`${op.name} could not find its variables: ${JSON.stringify(result.errors)}`);
      return result.data;
    });
  }
  await checkAnswers(operations, targetsFor);

  if (flags.soak) {
    // The gateway without its cache: every request is planned, fetched and assembled.
    await soak(targetsFor(operations[0]!)[1]!, Number(flags.soak));
  } else {
    // Warm-up: plans cached, JIT warm, connections open, for every target alike.
    say('warming up every target');
    for (const op of operations) for (const target of targetsFor(op)) await measure(target, 1, connections);
    const samples = new Map<string, Sample[]>();
    const memory: Record<string, number[]> = { ours: [], 'ours, no cache': [], peer: [] };
    for (let round = 1; round <= rounds; round++) {
      for (const [i, op] of operations.entries()) {
        const targets = targetsFor(op);
        say(`round ${nOf(round, rounds)}: ${op.name} (${nOf(i + 1, operations.length)}), ${targets.length} targets of ${seconds} s each`);
        for (const target of targets) {
          const sample = await measure(target, seconds, connections);
          const key = `${op.name}\n${target.label}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          memory[target.label]?.push(rssMb(target.pid));
        }
      }
    }
    const rows: Row[] = operations.flatMap((op) =>
      targetsFor(op).map((target) => {
        const runs = samples.get(`${op.name}\n${target.label}`)!;
        return {
          operation: op.name,
          target: target.label,
          rps: median(runs.map((s) => s.rps)),
          p50: median(runs.map((s) => s.p50)),
          p99: median(runs.map((s) => s.p99)),
          failed: runs.reduce((n, s) => n + s.failed, 0),
          cpuMsPerRequest: median(runs.map((s) => s.cpuMsPerRequest)),
          subgraphCpuMsPerRequest: median(runs.map((s) => s.subgraphCpuMsPerRequest)),
          ratio: target.label.startsWith('ours') ? median(runs.map((s, i) => s.rps / samples.get(`${op.name}\npeer`)![i]!.rps)) : undefined,
        };
      }),
    );
    const unloaded: UnloadedRow[] = [];
    for (const [i, op] of operations.entries()) {
      say(`latency without load: ${op.name} (${nOf(i + 1, operations.length)}), 300 requests per target one at a time`);
      for (const target of targetsFor(op)) {
        unloaded.push({ operation: op.name, target: target.label, ...(await measureUnloaded(await sender(target), 300, target.pid)) });
      }
      if (op.entityCall) unloaded.push({ operation: op.name, target: wholePlan, ...(await measureUnloaded(await directPlan(op), 300)) });
    }
    printTable(rows, {
      seconds,
      rounds,
      connections,
      cpus: os.cpus().length,
      rssMb: Object.fromEntries(Object.entries(memory).map(([label, values]) => [label, Math.max(...values)])),
    });
    printUnloaded(unloaded);
  }
} finally {
  await stopServices();
}

/** Every target must answer each operation without errors before its speed means anything. */
async function checkAnswers(operations: BenchOperation[], targetsFor: (op: BenchOperation) => Target[]) {
  for (const op of operations) {
    const answers: Record<string, string> = {};
    for (const target of targetsFor(op)) {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await target.headers()) },
        body: target.body,
      });
      const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
      if (result.errors || !result.data)
        throw new Error(`${op.name} against ${target.label} did not answer cleanly: ${JSON.stringify(result).slice(0, 500)}`);
      answers[target.label] = JSON.stringify(result.data);
    }
    if (answers.ours !== answers.peer) throw new Error(`${op.name}: our gateway and the peer answer differently`);
  }
}

async function soak(target: Target, totalSeconds: number) {
  const step = Math.min(30, totalSeconds);
  console.log(`soak: ${target.label} gateway, ${connections} connections, ${totalSeconds} s`);
  console.log('elapsed s | req/s | p99 ms | RSS MB');
  for (let elapsed = step; elapsed <= totalSeconds; elapsed += step) {
    const sample = await measure(target, step, connections);
    console.log(
      `${String(elapsed).padStart(9)} | ${sample.rps.toFixed(0).padStart(5)} | ${String(sample.p99).padStart(6)} | ${rssMb(target.pid).toFixed(0)}`,
    );
  }
}
