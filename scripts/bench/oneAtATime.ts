/**
 * What our gateway adds to a request sent one at a time, without its response cache, build against
 * build: the part of `npm run bench` that judges the gateway's own overhead, alone and interleaved.
 * Starts the subgraphs once (embedded store, demo data, compiled as production runs them) and one
 * uncached gateway per variant over them, then in each round, for each measurement, runs every
 * variant in turn (the order turns by one each round) and the whole plan sent straight:
 *
 * - SectorStatus one request at a time: p50, p90 and the gateway's CPU ms per request (/proc);
 * - the status query for 1 to 5 sectors: the least-squares slope of p50 over the sectors;
 * - CaseWithResponses one request at a time (a health officer's case read): p50 and CPU.
 *
 * Every request carries a caller token of its own, as the bench sends them. The table gives the
 * medians over the rounds, and each ratio to the whole plan is the median of the per-round ratios.
 *
 *   tsx scripts/bench/oneAtATime.ts [--requests 300] [--rounds 3] [--variant 'label|other/dist/server|--v8-flag ...'] ...
 *                                   [--reuse-build] [--profile]
 *
 * Without --variant: this build alone. A variant's build (another compiled copy of the server,
 * e.g. main's, copied aside under dist/) runs its gateway; the subgraphs always run this build's.
 * A variant's V8 flags, when given, replace the gateway's own (scripts/deploy/k8sManifests.ts).
 * --reuse-build runs dist/server/ as last compiled. --cpu-blocks N (default 40; 0: none) then measures the
 * gateway CPU per request in blocks of 25, variants in the order A B B A, to the nanosecond; --rounds 0
 * leaves out the latency rounds. --profile starts each gateway with --cpu-prof
 * (profiles under scripts/bench/profiles/, summarise with profileSummary.ts). Linux only (/proc).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { envPrefix, sectorIds, subgraphCatalog } from '../../platform/catalog.ts';
import { internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey, loadOrCreateDevelopmentKeys } from '../../platform/auth/keys.ts';
import { gatewayNodeFlags } from '../deploy/k8sManifests.ts';
import { progress } from '../progress.ts';
import { TokenPool } from './callerTokens.ts';
import { directCalls } from './directPlan.ts';
import { measureUnloaded, median, sender, type LatencySample, type Target } from './measure.ts';
import { benchOperations, callerOf, freshCallerPerRequest, sectorStatusFor, type BenchOperation } from './operations.ts';
import { freePort, launch, measuredHubEnvironment, preciseCpuMs, stopAll, useCompiledBuild, type Service } from './processes.ts';
import { slope, wholePlan } from './results.ts';

const { values: flags } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    variant: { type: 'string', multiple: true },
    'reuse-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'cpu-blocks': { type: 'string', default: '40' },
  },
});
const requests = Number(flags.requests);
const rounds = Number(flags.rounds);
const cpuBlocks = Number(flags['cpu-blocks']);
for (const [name, value] of Object.entries({ requests, rounds, 'cpu-blocks': cpuBlocks })) {
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number (got ${value})`);
}
const scalingRequests = Math.max(20, Math.round(requests / 2));
const cpuBlockSize = 25;

interface Variant {
  label: string;
  /** Another build's dist/server/ folder to run the gateway from (default: this one's). */
  build?: string;
  /** V8 flags in place of the gateway's own (scripts/deploy/k8sManifests.ts). */
  nodeFlags: string[];
}
const variants: Variant[] = (flags.variant ?? ['current']).map((text) => {
  const [label, build, flagText = ''] = text.split('|');
  if (!label) throw new Error(`--variant needs a label first: 'label|other/dist/server|--v8-flag ...' (got ${JSON.stringify(text)})`);
  const nodeFlags = flagText.split(' ').filter(Boolean);
  return { label, ...(build ? { build: path.resolve(build) } : {}), nodeFlags: nodeFlags.length ? nodeFlags : gatewayNodeFlags };
});
if (new Set(variants.map((v) => v.label)).size !== variants.length) throw new Error('Each --variant needs a label of its own');

const say = progress('bench:one-at-a-time');
useCompiledBuild(flags['reuse-build'], say);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-bench-one-'));
const env = await measuredHubEnvironment(dataDir, 'embedded');
const services: Service[] = [];
const profileDir = path.join(import.meta.dirname, 'profiles');

try {
  const supergraphSdl = readSupergraph();
  const keys = await loadOrCreateDevelopmentKeys(dataDir);
  say(`starting ${subgraphCatalog.length} subgraphs on the embedded store`);
  services.push(...(await Promise.all(subgraphCatalog.map(({ name }) => launch(name, 'subgraphs/run.ts', [name], env)))));
  const gatewayOf = new Map<string, Service>();
  for (const variant of variants) {
    say(`starting gateway "${variant.label}"${variant.build ? ` from ${variant.build}` : ''}`);
    const service = await launch(
      variant.label,
      variant.build ? path.join(variant.build, 'gateway', 'main.js') : 'gateway/main.ts',
      [],
      { ...env, GATEWAY_PORT: String(await freePort()), GATEWAY_RESPONSE_CACHE_TTL_MS: '0' },
      [...variant.nodeFlags, ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    );
    services.push(service);
    gatewayOf.set(variant.label, service);
  }

  const tokens = TokenPool.ofDevelopmentIssuer(keys.issuerPrivate);
  const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const direct = directCalls({
    supergraphSdl,
    signingKey,
    subgraphUrl: (name) => env[`${envPrefix(name)}_URL`]!,
    subgraphPid: (name) => services.find((s) => s.name === name)?.child.pid,
  });
  const gatewayTarget = (op: BenchOperation, label: string, expected: number): Target => ({
    label,
    url: gatewayOf.get(label)!.url,
    body: JSON.stringify({ query: op.query, variables: op.variables }),
    headers: async () => ({}),
    perRequest: freshCallerPerRequest(tokens, label, op, expected),
  });

  const status = benchOperations.find((op) => op.name === 'SectorStatus')!;
  const caseRead = benchOperations.find((op) => op.name === 'CaseWithResponses')!;
  {
    const run = tokens.take(variants[0]!.label, callerOf(caseRead), 1);
    caseRead.variables = await caseRead.prepare!(async (query) => {
      const response = await fetch(gatewayOf.get(variants[0]!.label)!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${run.next()}` },
        body: JSON.stringify({ query }),
      });
      const result = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (!result.data || result.errors) throw new Error(`the case read found no case: ${JSON.stringify(result.errors)}`);
      return result.data;
    });
    run.done();
  }
  const scalingOperations = sectorIds.map((_, i) => sectorStatusFor(sectorIds.slice(0, i + 1)));

  /** One target's requests, one at a time, after 10 to warm it (its plan made and cached first). */
  const timeGateway = async (op: BenchOperation, label: string, count: number): Promise<LatencySample> => {
    const run = await sender(gatewayTarget(op, label, count + 10));
    await measureUnloaded(run.send, 10);
    const sample = await measureUnloaded(run.send, count, gatewayOf.get(label)!.child.pid);
    run.done();
    return sample;
  };
  const timePlan = async (op: BenchOperation, sectors: readonly string[], count: number): Promise<LatencySample> => {
    const send = await direct.plan(op, sectors);
    await measureUnloaded(send, 10);
    return measureUnloaded(send, count);
  };

  const labels = [...variants.map((v) => v.label), wholePlan];
  type Row = { round: number; measure: string; label: string; sample: LatencySample };
  const rows: Row[] = [];
  for (let round = 1; round <= rounds; round++) {
    const first = (round - 1) % labels.length;
    const order = [...labels.slice(first), ...labels.slice(0, first)];
    say(`round ${round} of ${rounds}: SectorStatus, 1 to ${sectorIds.length} sectors, CaseWithResponses; ${order.join(', ')}`);
    for (const label of order) {
      const sample = label === wholePlan ? await timePlan(status, sectorIds, requests) : await timeGateway(status, label, requests);
      rows.push({ round, measure: 'SectorStatus', label, sample });
    }
    for (const [i, op] of scalingOperations.entries()) {
      for (const label of order) {
        const sample =
          label === wholePlan
            ? await timePlan(op, sectorIds.slice(0, i + 1), scalingRequests)
            : await timeGateway(op, label, scalingRequests);
        rows.push({ round, measure: `sectors ${i + 1}`, label, sample });
      }
    }
    for (const label of order) {
      if (label === wholePlan) continue;
      rows.push({ round, measure: 'CaseWithResponses', label, sample: await timeGateway(caseRead, label, requests) });
    }
  }

  if (rounds > 0) {
    const of = (measure: string, label: string, round?: number) =>
      rows.filter((r) => r.measure === measure && r.label === label && (round === undefined || r.round === round)).map((r) => r.sample);
    const perSector = (label: string, round: number) =>
      slope(sectorIds.map((_, i) => ({ x: i + 1, y: of(`sectors ${i + 1}`, label, round)[0]!.p50 })));
    const roundList = Array.from({ length: rounds }, (_, i) => i + 1);
    const fmt = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '—');
    console.log(
      `\n${requests} requests one at a time per target and round (${scalingRequests} per sector count), ${rounds} rounds; ` +
        `load average at the end ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}\n`,
    );
    console.log(
      '| target | SectorStatus p50 ms | × whole plan | SectorStatus gateway CPU ms | per added sector ms | CaseWithResponses p50 ms | CaseWithResponses gateway CPU ms |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const label of labels) {
      const statusSamples = of('SectorStatus', label);
      const ratio = median(
        roundList.map((round) => of('SectorStatus', label, round)[0]!.p50 / of('SectorStatus', wholePlan, round)[0]!.p50),
      );
      const reads = of('CaseWithResponses', label);
      console.log(
        `| ${label} | ${fmt(median(statusSamples.map((s) => s.p50)))} | ${label === wholePlan ? '1' : fmt(ratio)} | ` +
          `${fmt(median(statusSamples.map((s) => s.cpuMsPerRequest)))} | ${fmt(median(roundList.map((round) => perSector(label, round))))} | ` +
          `${fmt(median(reads.map((s) => s.p50)))} | ${fmt(median(reads.map((s) => s.cpuMsPerRequest)))} |`,
      );
    }
    console.log('\nper round: SectorStatus p50 / gateway CPU ms, per added sector ms, CaseWithResponses p50 / gateway CPU ms');
    for (const round of roundList) {
      for (const label of labels) {
        const s = of('SectorStatus', label, round)[0]!;
        const c = of('CaseWithResponses', label, round)[0];
        console.log(
          `round ${round} ${label}: ${fmt(s.p50)} / ${fmt(s.cpuMsPerRequest)}, ${fmt(perSector(label, round))}` +
            (c ? `, ${fmt(c.p50)} / ${fmt(c.cpuMsPerRequest)}` : ''),
        );
      }
    }
  }

  // The gateway's CPU per request, build against build, in short blocks in the order A B B A
  // (each variant first as often as last), to the nanosecond (each thread's schedstat): on a busy
  // machine the paired difference per block is steadier than either level.
  if (cpuBlocks > 0 && variants.length > 0) {
    console.log(
      `\ngateway CPU µs per request, one at a time, ${cpuBlocks} blocks of ${cpuBlockSize} per variant (median, and the median of each block's difference to ${variants[0]!.label})`,
    );
    for (const op of [status, caseRead]) {
      const senders = new Map<string, Awaited<ReturnType<typeof sender>>>();
      for (const { label } of variants) {
        const run = await sender(gatewayTarget(op, label, cpuBlocks * cpuBlockSize + 20));
        for (let i = 0; i < 20; i++) await run.send();
        senders.set(label, run);
      }
      const spent = new Map<string, number[]>(variants.map((v) => [v.label, []]));
      for (let block = 0; block < cpuBlocks; block++) {
        const order = block % 2 === 0 ? variants : [...variants].reverse();
        for (const { label } of order) {
          const pid = gatewayOf.get(label)!.child.pid;
          const before = preciseCpuMs(pid);
          for (let i = 0; i < cpuBlockSize; i++) await senders.get(label)!.send();
          spent.get(label)!.push(((preciseCpuMs(pid) - before) * 1000) / cpuBlockSize);
        }
      }
      for (const run of senders.values()) run.done();
      const base = spent.get(variants[0]!.label)!;
      for (const { label } of variants) {
        const mine = spent.get(label)!;
        const difference = median(mine.map((us, i) => us - base[i]!));
        console.log(
          `${op.name} ${label}: ${median(mine).toFixed(0)} µs` +
            (label === variants[0]!.label ? '' : `, ${difference >= 0 ? '+' : ''}${difference.toFixed(0)} µs per request`),
        );
      }
    }
  }
} finally {
  await stopAll(services);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
