/**
 * `npm run bench:pathway`: the pathway aggregates on a large case registry. Seeds a coordination
 * store with N synthetic cases and their referrals and milestones (the demo generator of
 * demo-data/casePathways.ts, seeded, so every run holds the same data), starts the real
 * coordination subgraph on a free port and times its start until ready (which counts the current
 * year) and `pathwayAggregates` with every field, over HTTP as the gateway calls it (internal
 * token, analyst): the first request after ready, warm requests, and requests right after a write
 * to a referral. Then it times the parts in process (store read, counting, publishing, counting
 * a written case again), to show where the time goes, and last the requests a replica answers while it reads the year whole again in the background (started
 * again with a re-read age of 1 ms, so one re-read follows another).
 *
 *   npm run bench:pathway -- [--cases 100000] [--requests 50] [--writes 10] [--store embedded|memory] [--profile]
 *
 * --store embedded (the default store: NeDB with its files, here in a temporary folder) or
 * memory (NeDB without files). --profile writes a CPU profile of the timed requests under
 * scripts/bench/profiles (read it with scripts/bench/profileSummary.ts).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import { registryDrafts } from '../../subgraphs/coordination/cases/seed.ts';
import { readYearInSlices } from '../../subgraphs/coordination/cases/aggregates/yearData.ts';
import { YearTally } from '../../subgraphs/coordination/cases/aggregates/yearTally.ts';
import { publishedTables } from '../../subgraphs/coordination/cases/aggregates/pathwayCells.ts';
import { pathwayPeriod } from '../../subgraphs/coordination/cases/aggregates/window.ts';
import { incidentTypes } from '../../subgraphs/coordination/cases/models.ts';
import { syntheticCases } from '../../subgraphs/demo-data/casePathways.ts';
import type { Identity } from '../../platform/auth/identity.ts';
import { internalTokenAlgorithm, internalTokenHeader, signInternalToken } from '../../platform/auth/internalToken.ts';
import { generateDevelopmentKeys, importKey } from '../../platform/auth/keys.ts';
import { scopesByRole } from '../../platform/auth/roles.ts';
import { fixedClock } from '../../subgraphs/kit/clock.ts';
import { defaultPathwayRereadMinutes } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { openRepositories, type Draft } from '../../subgraphs/kit/repository.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { disclosure } from '../../subgraphs/kit/disclosure/configured.ts';
import { median } from './measure.ts';
import { benchOperations } from './operations.ts';
import { progress } from '../progress.ts';

const { values: flags } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '50' },
    writes: { type: 'string', default: '10' },
    store: { type: 'string', default: 'embedded' },
    profile: { type: 'boolean', default: false },
  },
});
const caseCount = Number(flags.cases);
const requests = Number(flags.requests);
const writes = Number(flags.writes);
if (!['embedded', 'memory'].includes(flags.store)) throw new Error(`--store must be embedded or memory (got ${flags.store})`);

const country = 'bangladesh';
const today = '2026-11-24';
const year = 2026;
const operation = benchOperations.find((op) => op.name === 'PathwayAggregates')!;
const analyst: Identity = { subject: 'bench.analyst@local', role: 'analyst', sector: null, scopes: scopesByRole.analyst };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-bench-pathway-'));
const store = createNedbStore(flags.store === 'embedded' ? { directory: dataDir } : {});
const log = progress('bench:pathway');

try {
  log(`generating ${caseCount} synthetic cases`);
  let started = performance.now();
  let registry: ReturnType<typeof registryDrafts> | undefined = registryDrafts(syntheticCases(country, caseCount));
  log(`generated ${registry.cases.length} cases, ${registry.referrals.length} referrals in ${seconds(started)}`);

  // The coordination demo data (framework, sectors, bodies) through the repositories, validated;
  // the large registry straight into its collections: validating a quarter of a million documents
  // would take minutes, and the generator's output is the demo data every start validates.
  started = performance.now();
  const repos = await openRepositories(store, coordinationSubgraph.documents);
  const { cases: _demoCases, referrals: _demoReferrals, ...demo } = coordinationSubgraph.seed(country);
  for (const [key, drafts] of Object.entries(demo)) await repos[key as keyof typeof repos].insertMany(drafts as never);
  const asStored = (drafts: Draft<StoredDocument>[]) => drafts.map((d) => ({ ...d, version: 1 }));
  await store.collection('cases').insertMany(asStored(registry.cases));
  await store.collection('referrals').insertMany(asStored(registry.referrals));
  log(`seeded the ${flags.store} store in ${seconds(started)}`);

  // Writes to time after: pending referrals of counted cases, accepted by the receiving sector.
  const counted = new Set(registry.cases.filter((c) => c.reportingConsent).map((c) => c._id));
  const pending = registry.referrals.filter((r) => r.status === 'PENDING' && counted.has(r.caseId)).slice(0, writes);
  if (pending.length < writes) throw new Error(`only ${pending.length} pending referrals to accept; ask for fewer --writes`);
  const totals = { cases: registry.cases.length, referrals: registry.referrals.length };
  const prefix = registry.cases[0]!._id.replace(/\d+$/, ''); // every generated case is of the same country and year
  // A subgraph holds only its store: let the drafts go, so the heap (and its garbage collection) is the subgraph's.
  registry = undefined;

  const keys = await generateDevelopmentKeys();
  const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const gatewayPublicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);
  // From the call to ready: the subgraph counts the current year before it resolves (and before /ready says 200).
  log('starting the coordination subgraph, which counts the year before it is ready');
  const starting = performance.now();
  const start = (pathwayRereadAfterMs: number) =>
    startSubgraph(coordinationSubgraph, {
      config: {
        country,
        store: flags.store as 'embedded' | 'memory',
        dataDir,
        mongodbUri: undefined,
        host: '127.0.0.1',
        today,
        logLevel: 'silent',
        mode: 'development',
        pathwayRereadAfterMs,
        auth: {
          issuer: 'crg-bench',
          audience: 'crg-bench',
          jwksUrl: undefined,
          jwksFile: undefined,
          gatewayKeyFile: undefined,
          gatewayPublicKeyFile: undefined,
        },
      },
      port: 0,
      store,
      clock: fixedClock(today),
      logger: createLogger('silent'),
      gatewayPublicKey,
    });
  // The configured default age: no re-read happens during the timed requests.
  let subgraph = await start(defaultPathwayRereadMinutes * 60_000);
  const toReady = performance.now() - starting;
  const readiness = await fetch(subgraph.url.replace(/\/graphql$/, '/ready'));
  if (readiness.status !== 200) throw new Error(`the subgraph started but /ready answers ${readiness.status}`);

  /** One GraphQL request straight to the subgraph, as the gateway sends it; timed from send to parsed answer. */
  const send = async (as: Identity, query: string, variables: Record<string, unknown>) => {
    const body = JSON.stringify({ query, variables });
    const headers = {
      'content-type': 'application/json',
      [internalTokenHeader]: await signInternalToken(as, 'coordination', signingKey, body),
    };
    const sent = performance.now();
    const response = await fetch(subgraph.url, { method: 'POST', headers, body });
    const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
    const ms = performance.now() - sent;
    if (result.errors || !result.data) throw new Error(`request failed: ${JSON.stringify(result).slice(0, 500)}`);
    return ms;
  };
  const aggregates = () => send(analyst, operation.query, operation.variables!);
  const byDistrictOperation = benchOperations.find((op) => op.name === 'PathwayByDistrict')!;
  const byDistrict = () => send(analyst, byDistrictOperation.query, byDistrictOperation.variables!);

  /** Requests answered while the year is read whole in the background, from a replica that re-reads it one time after another. */
  const duringRereads = async (): Promise<number[]> => {
    await subgraph.stop();
    subgraph = await start(1);
    const ms: number[] = [];
    for (let i = 0; i < requests; i++) ms.push(await aggregates());
    return ms;
  };

  const accept = (referralId: string, sector: string) =>
    send(
      { subject: `bench.officer@${sector}`, role: 'sector-officer', sector, scopes: scopesByRole['sector-officer'] },
      `mutation($input: ReferralStatusInput!) { updateReferralStatus(input: $input) { id status } }`,
      { input: { referralId, expectedVersion: 1, status: 'ACCEPTED' } },
    );

  const profiler = flags.profile ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  log(
    `timing pathwayAggregates: ${requests} requests, ${requests} more by district, then ${pending.length} writes each followed by a request`,
  );
  const first = await aggregates();
  const warm: number[] = [];
  for (let i = 0; i < requests; i++) warm.push(await aggregates());
  const firstByDistrict = await byDistrict();
  const warmByDistrict: number[] = [];
  for (let i = 0; i < requests; i++) warmByDistrict.push(await byDistrict());
  const afterWrite: number[] = [];
  const writeMs: number[] = [];
  for (const referral of pending) {
    writeMs.push(await accept(referral._id, referral.toSector));
    afterWrite.push(await aggregates());
  }
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    const folder = path.join(path.dirname(new URL(import.meta.url).pathname), 'profiles');
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `pathway-${caseCount}-${Date.now()}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    log(`CPU profile: ${path.relative(process.cwd(), file)}`);
  }

  // The parts, in process: reading the year whole and counting it; publishing the tables; after a
  // write, reading the one case written and counting it again; today's overdue follow-ups.
  const parts = { read: [] as number[], count: [] as number[], publish: [] as number[], recount: [] as number[], overdue: [] as number[] };
  const timeInto = async <T>(list: number[], work: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    list.push(performance.now() - t);
    return result;
  };
  log('timing the parts in process, 5 times each');
  let counts = { cases: 0, referrals: 0 };
  for (let i = 0; i < 5; i++) {
    const { cases, referrals } = await timeInto(parts.read, () => readYearInSlices(repos, prefix, year));
    counts = { cases: cases.length, referrals: referrals.length };
    const tally = await timeInto(parts.count, () => YearTally.of(year, disclosure, prefix, cases, referrals));
    await timeInto(parts.publish, () => publishEveryTable(tally));
    const written = [pending[i % pending.length]!.caseId];
    await timeInto(parts.recount, async () => {
      await repos.cases.changesSince(0);
      const [c, r] = await Promise.all([repos.cases.findByIds(written), repos.referrals.find({ caseId: { $in: written } })]);
      tally.recount(written, c, r);
    });
    await timeInto(parts.overdue, () => publishEveryTable(tally).overdueFollowUps());
  }

  console.log(
    `\npathwayAggregates(year: ${year}), every field, straight to the coordination subgraph over HTTP; ` +
      `${totals.cases} cases (${counts.cases} counted in ${year}), ${totals.referrals} referrals ` +
      `(${counts.referrals} of counted cases); ${flags.store} store; ${os.cpus().length} CPUs; latency in ms.\n`,
  );
  console.log('| request | samples | p50 | p99 |');
  console.log('| --- | ---: | ---: | ---: |');
  const row = (label: string, ms: number[]) =>
    console.log(`| ${label} | ${ms.length} | ${median(ms).toFixed(0)} | ${percentile(ms, 0.99).toFixed(0)} |`);
  row('start until ready (counting the year)', [toReady]);
  row('first request after ready', [first]);
  row('warm (cells kept)', warm);
  row('a quarter by district and the last 12 months (PathwayByDistrict), first', [firstByDistrict]);
  row('a quarter by district and the last 12 months (PathwayByDistrict), warm', warmByDistrict);
  row('right after a referral status change', afterWrite);
  row('the write itself (updateReferralStatus)', writeMs);
  console.log('\nWhere the time goes (in process, median of 5):\n');
  console.log('| part | ms |');
  console.log('| --- | ---: |');
  const part = (label: string, ms: number[]) => console.log(`| ${label} | ${median(ms).toFixed(1)} |`);
  part("store read: the year's counted cases and their referrals (at start, on a re-read, or after many writes)", parts.read);
  part('counting them into the kept tally', parts.count);
  part("a window not asked before: adding its months' cells together, then publishing every table", parts.publish);
  part('after a write: reading the case written, its referrals, and counting it again', parts.recount);
  part(
    "a window asked before: publishing every table from its kept cells, today's overdue follow-ups with them (every request)",
    parts.overdue,
  );
  log(`timing ${requests} requests while the year is read again in the background, one re-read after another`);
  const rereading = await duringRereads();
  console.log('\nWith a re-read age of 1 ms, so that each replica re-reads the year one time after another:\n');
  console.log('| request | samples | p50 | p99 |');
  console.log('| --- | ---: | ---: | ---: |');
  row('while the year is read whole in the background', rereading);
  await subgraph.stop();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Every table of the year from the tally, as a request publishes it: from the window's cells (added together on the first request for it), then published. */
function publishEveryTable(tally: YearTally) {
  const { months } = pathwayPeriod({ year }, fixedClock(today).now());
  const tables = publishedTables(tally.view(months).all, months, fixedClock(today).now(), disclosure);
  for (const type of [null, ...incidentTypes]) tables.timeToService(type);
  for (const table of [tables.casesByIncidentType, tables.casesByMonth, tables.casesBySector, tables.justiceFunnel, tables.legalProtection])
    table();
  tables.referralOutcomes();
  return tables;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** The nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
