/**
 * `npm run bench`: the hub on demo data in its own processes on free ports of 127.0.0.1, our
 * gateway (without and with its response cache) and three peers, Hive Gateway's own command-line
 * gateway as its users run it (with its defaults, with its response cache, with its Rust query
 * planner: hivePeers.ts), all over the same subgraphs and supergraph. autocannon runs from this
 * process against each, in interleaved rounds: every round runs each operation against every
 * gateway in turn, so a noisy neighbour slows all of them alike and the ratios hold. Every request
 * carries a caller token of its own (callerTokens.ts). Then one request at a time: each gateway,
 * the subgraph calls straight, the whole plan straight, and the status query for 1 to 5 sectors.
 * Last, the performance targets are judged on the run, and the report and chart are written.
 *
 *   npm run bench -- [--seconds 5] [--rounds 3] [--connections 20] [--requests 300] [--only SectorStatus,...]
 *                    [--quick] [--out docs/performance/bench-latest.md] [--soak 600] [--profile] [--source]
 *
 * --quick: a short smoke run (1 round × 2 s, 40 requests one at a time), written to a temporary
 * folder unless --out says where. Our gateway and the subgraphs run compiled (dist/server/, compiled
 * first), as in production; --source runs them through tsx instead. --soak N runs SectorStatus
 * against our gateway without its cache for N seconds, printing its memory every 30 s. --profile
 * starts our uncached gateway with --cpu-prof; the profile is written under the bench folder.
 * Progress goes to standard error; the report to standard output and to --out (and its chart
 * beside it, .svg).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { envPrefix, sectorIds, subgraphCatalog } from '../../platform/catalog.ts';
import { internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey, loadOrCreateDevelopmentKeys } from '../../platform/auth/keys.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { gatewayNodeFlags } from '../deploy/k8sManifests.ts';
import { nOf, progress, stopwatch } from '../progress.ts';
import { auditBytes } from './auditFiles.ts';
import { populations, TokenPool } from './callerTokens.ts';
import { benchChart } from './chart.ts';
import { hivePeers, peerCacheTtlMs, startHivePeer } from './hivePeers.ts';
import { measure, measureUnloaded, median, sender, type Sample, type Target } from './measure.ts';
import { directCalls } from './directPlan.ts';
import { availableOperations, freshCallerPerRequest, sectorStatusFor, type BenchOperation } from './operations.ts';
import { freePort, launch, measuredHubEnvironment, rssMb, stopAll, useCompiledServer, type Service } from './processes.ts';
import { benchReport } from './report.ts';
import {
  evaluateTargets,
  gateways,
  type AuditGrowth,
  type BenchRun,
  type LoadedRow,
  type Ratio,
  type ScalingPoint,
  type Unanswered,
  type UnloadedRow,
  wholePlan,
} from './results.ts';
import { plannedSubgraphs, rootFetches } from './rootFetches.ts';
import { graphqlCallsAnswered } from './subgraphCalls.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    connections: { type: 'string', default: '20' },
    requests: { type: 'string' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    soak: { type: 'string' },
    profile: { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
  },
});
const seconds = Number(flags.seconds ?? (flags.quick ? 2 : 5));
const rounds = Number(flags.rounds ?? (flags.quick ? 1 : 3));
const connections = Number(flags.connections);
const unloadedRequests = Number(flags.requests ?? (flags.quick ? 40 : 300));
const scalingRequests = Math.max(20, Math.round(unloadedRequests / 2));
for (const [name, value] of Object.entries({ seconds, rounds, connections, requests: unloadedRequests })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1 (got ${value})`);
}
const outFile = path.resolve(
  flags.out ?? (flags.quick ? path.join(os.tmpdir(), 'crg-bench-quick.md') : projectPath('docs', 'performance', 'bench-latest.md')),
);
const chartFile = outFile.replace(/\.md$/, '') + '.svg';

const say = progress('bench');
const loadBefore = os.loadavg();
if (!flags.source) {
  say('compiling the server code, to run it as production does (--source skips this)');
  useCompiledServer();
}

// The embedded store, the default: a case read then costs what it costs in production, the audit
// append to its files included, and the audit files' growth can be measured.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-bench-'));
const env = await measuredHubEnvironment(dataDir, 'embedded');

const services: Service[] = [];
/** Each peer's log file, by its label. */
const peerLogs = new Map<string, string>();
const stopServices = async () => {
  await stopAll(services);
  fs.rmSync(dataDir, { recursive: true, force: true });
};
process.once('SIGINT', () => void stopServices().then(() => process.exit(130)));

try {
  const supergraphSdl = readSupergraph();
  const operations = availableOperations(supergraphSdl, flags.only?.split(','));
  const gatewayLabels: string[] = Object.values(gateways);
  const scalingTargets = [gateways.ours, gateways.hive, gateways.hiveRouter, wholePlan];
  const expectedSeconds =
    60 +
    operations.length * gatewayLabels.length * (1 + rounds * seconds) +
    (operations.length * (gatewayLabels.length + 3) * unloadedRequests * 8) / 1000 +
    (sectorIds.length * scalingTargets.length * scalingRequests * 8) / 1000;
  say(
    `${rounds} round(s) × ${operations.length} operations × ${gatewayLabels.length} gateways × ${seconds} s, then one request at a time: ` +
      `about ${stopwatch(expectedSeconds * 1000)} in all on a quiet machine`,
  );

  const keys = await loadOrCreateDevelopmentKeys(dataDir);
  say(`starting ${subgraphCatalog.length} subgraphs on the embedded store`);
  services.push(...(await Promise.all(subgraphCatalog.map(({ name }) => launch(name, 'subgraphs/run.ts', [name], env)))));
  say('starting our gateway (without and with its cache) and Hive Gateway three ways (defaults, its response cache, its Rust planner)');
  const profileDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'profiles');
  const ours = await launch(
    'gateway',
    'gateway/main.ts',
    [],
    { ...env, GATEWAY_PORT: String(await freePort()), GATEWAY_RESPONSE_CACHE_TTL_MS: '0' },
    [...gatewayNodeFlags, ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
  );
  const oursCached = await launch(
    'gateway',
    'gateway/main.ts',
    [],
    { ...env, GATEWAY_PORT: String(await freePort()), GATEWAY_RESPONSE_CACHE_TTL_MS: String(peerCacheTtlMs) },
    gatewayNodeFlags,
  );
  services.push(ours, oursCached);
  const peerLog = (name: keyof typeof hivePeers) => {
    const file = path.join(dataDir, `${name}.log`);
    peerLogs.set(hivePeers[name].label, file);
    return file;
  };
  // One at a time: each loads its configuration through Hive's TypeScript loader, which is CPU-bound.
  const hive = await startHivePeer(hivePeers.hive, env, peerLog('hive'));
  services.push(hive);
  const hiveCached = await startHivePeer(hivePeers.hiveCached, env, peerLog('hiveCached'));
  services.push(hiveCached);
  const hiveRouter = await startHivePeer(hivePeers.hiveRouter, env, peerLog('hiveRouter'));
  services.push(hiveRouter);
  const gatewayServices: Record<string, Service> = {
    [gateways.ours]: ours,
    [gateways.oursCached]: oursCached,
    [gateways.hive]: hive,
    [gateways.hiveCached]: hiveCached,
    [gateways.hiveRouter]: hiveRouter,
  };

  const tokens = TokenPool.ofDevelopmentIssuer(keys.issuerPrivate);
  const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const subgraphUrl = (name: string) => env[`${envPrefix(name)}_URL`]!;
  const subgraphPid = (name: string) => services.find((s) => s.name === name)?.child.pid;
  const subgraphPids = subgraphCatalog.map(({ name }) => subgraphPid(name)!);
  const { target: directTarget, plan: directPlan } = directCalls({ supergraphSdl, signingKey, subgraphUrl, subgraphPid });
  const subgraphCalls = () => graphqlCallsAnswered(subgraphCatalog.map(({ name }) => subgraphUrl(name)));
  /** Requests/s each gateway last did on each operation: how many tokens its next run is expected to need (the pool adds a margin). */
  const lastRps = new Map<string, number>();

  /** A gateway as a target, whose runs are expected to take `expected` tokens (default: its last requests/s for `seconds`). */
  // What each gateway answered each operation in the check before timing, by `${label}\n${op.name}`.
  const checkedAnswers = new Map<string, string>();
  const gatewayTarget = (op: BenchOperation, label: string, expected?: number): Target => {
    const service = gatewayServices[label]!;
    const key = `${label}\n${op.name}`;
    return {
      label,
      url: service.url,
      body: JSON.stringify({ query: op.query, variables: op.variables }),
      expectedAnswer: checkedAnswers.get(key),
      pid: service.child.pid,
      subgraphPids,
      subgraphCalls,
      headers: async () => ({}),
      perRequest: freshCallerPerRequest(tokens, label, op, expected ?? Math.ceil((lastRps.get(key) ?? 20_000) * seconds)),
    };
  };

  /** Our gateway without its cache under load for `totalSeconds`, its memory every 30 s. */
  const soak = async (op: BenchOperation, totalSeconds: number) => {
    const step = Math.min(30, totalSeconds);
    let rps = 3000;
    console.log(`soak: ${gateways.ours} gateway, ${connections} connections, ${totalSeconds} s`);
    console.log('elapsed s | req/s | p99 ms | RSS MB');
    for (let elapsed = step; elapsed <= totalSeconds; elapsed += step) {
      const target = gatewayTarget(op, gateways.ours, Math.ceil(rps * step * 1.3));
      const sample = await measure(target, step, connections);
      rps = sample.rps;
      console.log(
        `${String(elapsed).padStart(9)} | ${sample.rps.toFixed(0).padStart(5)} | ${String(sample.p99).padStart(6)} | ${rssMb(target.pid).toFixed(0)}`,
      );
    }
  };

  say(`checking that every gateway answers each of ${operations.length} operations alike, with a token of its own per request`);
  for (const op of operations) {
    if (!op.prepare) continue;
    const ask = gatewayTarget(op, gateways.ours, 1);
    const perRequest = ask.perRequest!();
    op.variables = await op.prepare(async (query) => {
      const response = await fetch(ask.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...perRequest.headers() },
        body: JSON.stringify({ query }),
      });
      const result = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (!result.data || result.errors) throw new Error(`${op.name} could not find its variables: ${JSON.stringify(result.errors)}`);
      return result.data;
    });
    perRequest.done();
  }
  const scalingOperations = sectorIds.map((_, i) => sectorStatusFor(sectorIds.slice(0, i + 1)));
  const unanswered = await checkAnswers([...operations, scalingOperations[scalingOperations.length - 1]!], checkedAnswers, (op) =>
    gatewayLabels.map((label) => gatewayTarget(op, label, 1)),
  );

  for (const problem of unanswered)
    say(`left out: ${problem.operation} against ${problem.gateway}, which answers with an error (${problem.error})`);
  const answering = (op: BenchOperation) =>
    gatewayLabels.filter((g) => !unanswered.some((u) => u.operation === op.name && u.gateway === g));

  if (flags.soak) {
    await soak(operations[0]!, Number(flags.soak));
  } else {
    say('warming up every gateway (1 s each per operation)');
    for (const op of operations) {
      for (const label of answering(op)) {
        const sample = await measure(gatewayTarget(op, label, 30_000), 1, connections);
        lastRps.set(`${label}\n${op.name}`, sample.rps);
      }
    }

    const samples = new Map<string, Sample[]>();
    const caseOp = operations.find((op) => op.caseLevel);
    const auditByRun: AuditGrowth[] = [];
    let auditEntryBytes = 0;
    let caseReads = 0;
    for (let round = 1; round <= rounds; round++) {
      for (const [i, op] of operations.entries()) {
        say(
          `round ${nOf(round, rounds)}: ${op.name} (${nOf(i + 1, operations.length)}), ${gatewayLabels.length} gateways of ${seconds} s each`,
        );
        // Each round starts with another gateway, so none always runs first (against the
        // smallest audit log, on the coolest machine).
        const order = answering(op);
        const first = (round - 1) % order.length;
        for (const label of [...order.slice(first), ...order.slice(0, first)]) {
          const before = op === caseOp ? auditBytes(dataDir) : undefined;
          const sample = await measure(gatewayTarget(op, label), seconds, connections);
          if (before && sample.requests > 0) {
            const after = auditBytes(dataDir);
            auditByRun.push({ gateway: label, round, bytes: (after.total - before.total) / sample.requests });
            auditEntryBytes += after.entries - before.entries;
            caseReads += sample.requests;
          }
          lastRps.set(`${label}\n${op.name}`, sample.rps);
          const key = `${op.name}\n${label}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
    }

    const loaded: LoadedRow[] = operations.flatMap((op) =>
      answering(op).map((gateway) => {
        const runs = samples.get(`${op.name}\n${gateway}`)!;
        return {
          operation: op.name,
          gateway,
          rps: median(runs.map((s) => s.rps)),
          p50: median(runs.map((s) => s.p50)),
          p99: median(runs.map((s) => s.p99)),
          failed: runs.reduce((n, s) => n + s.failed, 0),
          cpuMsPerRequest: median(runs.map((s) => s.cpuMsPerRequest)),
          subgraphCpuMsPerRequest: median(runs.map((s) => s.subgraphCpuMsPerRequest)),
          subgraphCallsPerRequest: median(runs.map((s) => s.subgraphCallsPerRequest)),
          generatorCpuMsPerRequest: median(runs.map((s) => s.generatorCpuMsPerRequest)),
          peakRssMb: Math.max(...runs.map((s) => s.peakRssMb)),
        };
      }),
    );
    const pairs: [string, string][] = [
      [gateways.ours, gateways.hive],
      [gateways.ours, gateways.hiveRouter],
      [gateways.oursCached, gateways.hiveCached],
    ];
    const ratios: Ratio[] = operations.flatMap((op) =>
      pairs
        .filter((pair) => pair.every((g) => answering(op).includes(g)))
        .map(([gateway, versus]) => {
          const mine = samples.get(`${op.name}\n${gateway}`)!;
          const theirs = samples.get(`${op.name}\n${versus}`)!;
          return { operation: op.name, gateway, versus, ratio: median(mine.map((s, i) => s.rps / theirs[i]!.rps)) };
        }),
    );

    const unloaded: UnloadedRow[] = [];
    for (const [i, op] of operations.entries()) {
      say(`one request at a time: ${op.name} (${nOf(i + 1, operations.length)}), ${unloadedRequests} requests per target`);
      for (const label of answering(op)) {
        const run = await sender(gatewayTarget(op, label, unloadedRequests));
        unloaded.push({
          operation: op.name,
          target: label,
          ...(await measureUnloaded(run.send, unloadedRequests, gatewayServices[label]!.child.pid)),
        });
        run.done();
      }
      const direct = [...rootFetches(supergraphSdl, op.query, op.variables), ...(op.entityCall ? [op.entityCall('health')] : [])].map(
        (call) => directTarget(op, call),
      );
      for (const target of direct) {
        const run = await sender(target);
        unloaded.push({ operation: op.name, target: target.label, ...(await measureUnloaded(run.send, unloadedRequests, target.pid)) });
      }
      if (op.entityCall)
        unloaded.push({ operation: op.name, target: wholePlan, ...(await measureUnloaded(await directPlan(op), unloadedRequests)) });
    }

    const scaling: ScalingPoint[] = [];
    if (operations.some((op) => op.name === 'SectorStatus')) {
      say(
        `cost per added sector: the status query for 1 to ${sectorIds.length} sectors, ${scalingRequests} requests per target, one at a time`,
      );
      for (const [i, op] of scalingOperations.entries()) {
        for (const target of scalingTargets) {
          const pid = target === wholePlan ? undefined : gatewayServices[target]!.child.pid;
          const send =
            target === wholePlan
              ? { send: await directPlan(op, sectorIds.slice(0, i + 1)), done: () => {} }
              : await sender(gatewayTarget(op, target, scalingRequests + 10));
          await measureUnloaded(send.send, 10); // its plan made and cached first
          const sample = await measureUnloaded(send.send, scalingRequests, pid);
          send.done();
          scaling.push({ target, sectors: i + 1, p50: sample.p50, cpuMsPerRequest: sample.cpuMsPerRequest });
        }
      }
    }

    let caseRead: BenchRun['caseRead'];
    if (caseOp) {
      const runs = samples.get(`${caseOp.name}\n${gateways.ours}`)!;
      const called = plannedSubgraphs(supergraphSdl, caseOp.query);
      caseRead = {
        cpuMsBySubgraph: Object.fromEntries(
          called.map((name) => [name, median(runs.map((s) => s.subgraphCpuMsByPid.get(subgraphPid(name)!) ?? NaN))]),
        ),
        auditBytesPerRead: auditByRun,
        auditEntryBytesPerRead: caseReads ? auditEntryBytes / caseReads : NaN,
      };
    }

    const run: BenchRun = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        node: process.version,
        loadBefore,
        loadAfter: os.loadavg(),
      },
      settings: {
        seconds,
        rounds,
        connections,
        unloadedRequests,
        store: 'embedded',
        tokensMinted: tokens.size,
        tokensReused: tokens.reused,
        tokensMintedDuringRuns: tokens.mintedDuringRuns,
        mintCpuMsPerToken: tokens.mintCpuMsPerToken,
        populations,
      },
      loaded,
      unanswered,
      ratios,
      unloaded,
      scaling,
      caseRead,
    };
    // Formatted as every Markdown file of the project is, so `npm run lint` holds for the committed copy.
    const report = await prettier.format(benchReport(run, path.basename(chartFile)), {
      ...(await prettier.resolveConfig(outFile)),
      parser: 'markdown',
    });
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, report);
    fs.writeFileSync(chartFile, benchChart(run));
    console.log(report);
    const targets = evaluateTargets(run);
    say(
      `wrote ${path.relative(process.cwd(), outFile)} and ${path.relative(process.cwd(), chartFile)}: ${targets.filter((t) => t.verdict === 'met').length} of ${targets.length} targets met`,
    );
  }
} finally {
  await stopServices();
}

/**
 * Every gateway must answer each operation without errors, and all alike, before its speed means
 * anything. Ours must answer everything; a peer that answers an operation with an error is left
 * out of that operation (and said so in the report, with what its log says), not the whole run.
 */
async function checkAnswers(
  operations: BenchOperation[],
  answered: Map<string, string>,
  targetsFor: (op: BenchOperation) => Target[],
): Promise<Unanswered[]> {
  const unanswered: Unanswered[] = [];
  for (const op of operations) {
    const answers = new Map<string, string>();
    for (const target of targetsFor(op)) {
      const perRequest = target.perRequest?.();
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await target.headers()), ...perRequest?.headers() },
        body: target.body,
      });
      perRequest?.done();
      const text = await response.text();
      const result = JSON.parse(text) as { data?: unknown; errors?: { message?: string }[] };
      if (result.errors || !result.data) {
        if (target.label === gateways.ours || target.label === gateways.oursCached)
          throw new Error(`${op.name} against ${target.label} did not answer cleanly: ${JSON.stringify(result).slice(0, 500)}`);
        const logged = lastLoggedError(target.label);
        unanswered.push({
          operation: op.name,
          gateway: target.label,
          error: [result.errors?.[0]?.message, logged].filter(Boolean).join(': '),
        });
        continue;
      }
      answers.set(target.label, JSON.stringify(result.data));
      answered.set(`${target.label}\n${op.name}`, text);
    }
    const distinct = new Set(answers.values());
    if (distinct.size !== 1) throw new Error(`${op.name}: the gateways answer differently (${[...answers.keys()].join(', ')})`);
  }
  return unanswered;
}

/** The last error message a peer logged (Hive masks unexpected errors in its answers, not in its log). */
function lastLoggedError(gateway: string): string | undefined {
  const file = peerLogs.get(gateway);
  if (!file || !fs.existsSync(file)) return undefined;
  const messages = [...fs.readFileSync(file, 'utf8').matchAll(/message:\S*\s+"([^"]+)"/g)];
  return messages[messages.length - 1]?.[1];
}
