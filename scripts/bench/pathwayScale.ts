/**
 * `npm run bench:pathway`: the pathway aggregates as the case registry grows. For each size it
 * runs, in a process of its own (so one size's memory and garbage never weigh on the next):
 *
 * 1. generates N synthetic cases with their referrals and milestones (the demo generator of
 *    demo-data/casePathways.ts, seeded, so every run holds the same data) and writes them into a
 *    coordination store with files, as the embedded store keeps them, then closes it;
 * 2. starts the real coordination subgraph on a free port, opening that store from its files as
 *    a restarted process does, and times start until `/ready` answers 200 (after the year's count);
 * 3. times `pathwayAggregates` with every field, over HTTP as the gateway calls it (internal
 *    token, analyst): the first request after ready (the year is counted by then), warm
 *    requests, the bench's PathwayByDistrict (a quarter by district and the last 12 months), and
 *    requests right after a write to a referral;
 * 4. starts it again on the store handed over already open (its start without the files), with a
 *    re-read age of 1 ms, so that one whole read of the year in the background follows another,
 *    and times requests meanwhile, for at least two whole re-reads;
 * 5. notes the process's CPU time from start to the first answer (a busy machine stretches wall
 *    time, not this) and its largest resident memory.
 *
 *   npm run bench:pathway -- [--sizes 20000,100000 | --cases 100000] [--requests 50] [--writes 10]
 *                            [--store embedded|memory] [--out docs/performance/pathway-latest.md] [--profile]
 *                            [--reuse-store <folder>]
 *
 * A year's case codes number at most 999,999 per country (six digits), so the largest size is
 * 999,999 cases in one year: the most one year's count can hold. The embedded store keeps every
 * case in memory (about 28 MB per 1,000 cases in the bench process), so that size needs a machine
 * of 32 GB or more: it is not in the default sizes. --store memory keeps the store
 * in memory (NeDB without files), handed to the subgraph already open. --out writes the report
 * (markdown) to that file too. --profile writes a CPU profile of each size's timed requests under
 * scripts/bench/profiles (read it with scripts/bench/profileSummary.ts). --reuse-store keeps each
 * size's written store files under that folder (`<folder>/<size>/`) and, when they are already
 * there, copies them rather than writing them again (minutes at 100,000 cases); the cases are still
 * generated, the same seeded ones, to know which referrals to write to. The "write them" row is then
 * the copy's time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { progress } from '../progress.ts';

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20000,100000' },
    /** One size: the same as --sizes with one number. */
    cases: { type: 'string' },
    one: { type: 'string' },
    requests: { type: 'string', default: '50' },
    writes: { type: 'string', default: '10' },
    store: { type: 'string', default: 'embedded' },
    out: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'reuse-store': { type: 'string' },
  },
});
if (!['embedded', 'memory'].includes(flags.store)) throw new Error(`--store must be embedded or memory (got ${flags.store})`);
const requests = Number(flags.requests);
const writes = Number(flags.writes);
const largest = 999_999;

/** What one size measured; times in ms, memory in MB. */
interface SizeResult {
  cases: number;
  counted: number;
  referrals: number;
  generateMs: number;
  loadMs: number;
  readyMs: number;
  /** Start until ready with the store handed over already open: the subgraph's own start, files aside. */
  readyOnOpenMs: number;
  firstMs: number;
  cpuToFirstMs: number;
  /** CPU time of the process from start until ready (opening the store and counting the year). */
  cpuToReadyMs: number;
  warm: number[];
  firstByDistrictMs: number;
  warmByDistrict: number[];
  afterWrite: number[];
  duringReread: number[];
  rereadsSeen: number;
  /** The longest the event loop was held up in one stretch while the year was read whole again (ms). */
  longestBlockMs: number;
  rssMb: number;
}

if (flags.one) {
  const result = await measureOne(Number(flags.one));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const sizes = (flags.cases ?? flags.sizes).split(',').map((s) => Number(s.trim()));
  const wrong = sizes.filter((n) => !Number.isInteger(n) || n < 1000 || n > largest);
  if (wrong.length > 0) throw new Error(`--sizes must be whole numbers from 1000 to ${largest}, comma-separated (got ${wrong.join(', ')})`);
  const log = progress('bench:pathway');
  const results: SizeResult[] = [];
  for (const [i, n] of sizes.entries()) {
    log(`size ${i + 1} of ${sizes.length}: ${n} cases, in a process of its own`);
    results.push(await inChild(n));
  }
  const report = reportOf(results);
  process.stdout.write(report);
  if (flags.out) {
    fs.mkdirSync(path.dirname(flags.out), { recursive: true });
    fs.writeFileSync(flags.out, report);
    log(`written to ${flags.out}`);
  }
}

/** Runs this script for one size in a child process, passing its progress through; resolves with its result. */
function inChild(n: number): Promise<SizeResult> {
  const args = [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--one',
    String(n),
    '--requests',
    flags.requests,
    '--writes',
    flags.writes,
  ];
  args.push('--store', flags.store, ...(flags.profile ? ['--profile'] : []));
  if (flags['reuse-store']) args.push('--reuse-store', flags['reuse-store']);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the run for ${n} cases exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as SizeResult);
    });
  });
}

async function measureOne(caseCount: number): Promise<SizeResult> {
  // Imported here, so that the parent process loads none of it.
  const { coordinationSubgraph } = await import('../../subgraphs/coordination/index.ts');
  const { registryDrafts } = await import('../../subgraphs/coordination/cases/seed.ts');
  const { syntheticCases } = await import('../../subgraphs/demo-data/casePathways.ts');
  const { internalTokenAlgorithm, internalTokenHeader, signInternalToken } = await import('../../platform/auth/internalToken.ts');
  const { generateDevelopmentKeys, importKey } = await import('../../platform/auth/keys.ts');
  const { scopesByRole } = await import('../../platform/auth/roles.ts');
  const { fixedClock } = await import('../../subgraphs/kit/clock.ts');
  const { defaultPathwayRereadMinutes } = await import('../../platform/config.ts');
  const { createLogger } = await import('../../platform/logger.ts');
  const { openRepositories } = await import('../../subgraphs/kit/repository.ts');
  const { createNedbStore } = await import('../../subgraphs/kit/store/nedbStore.ts');
  const { startSubgraph } = await import('../../subgraphs/kit/subgraph.ts');
  const { benchOperations } = await import('./operations.ts');
  type Identity = import('../../platform/auth/identity.ts').Identity;
  type StoredDocument = import('../../subgraphs/kit/store/port.ts').StoredDocument;
  type Store = import('../../subgraphs/kit/store/port.ts').Store;
  type Draft<T extends StoredDocument> = import('../../subgraphs/kit/repository.ts').Draft<T>;

  const log = progress(`bench:pathway ${caseCount}`);
  const country = 'bangladesh';
  const today = '2026-11-24';
  const operation = benchOperations.find((op) => op.name === 'PathwayAggregates')!;
  const analyst: Identity = { subject: 'bench.analyst@local', role: 'analyst', sector: null, scopes: scopesByRole.analyst };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-bench-pathway-'));
  const embedded = flags.store === 'embedded';
  let rss = 0;
  const sampleRss = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 100);
  try {
    log(`generating ${caseCount} synthetic cases`);
    let started = performance.now();
    let registry: ReturnType<typeof registryDrafts> | undefined = registryDrafts(syntheticCases(country, caseCount));
    const generateMs = performance.now() - started;
    log(`generated ${registry.cases.length} cases, ${registry.referrals.length} referrals in ${seconds(generateMs)}`);

    // The coordination demo data (framework, sectors, bodies) through the repositories, validated;
    // the large registry straight into its collections: validating a million documents would take
    // minutes, and the generator's output is the demo data every start validates. Into the folder
    // the subgraph opens, as `npm start` lays it out.
    started = performance.now();
    const storeFolder = path.join(dataDir, country, 'coordination');
    const kept = embedded && flags['reuse-store'] ? path.resolve(flags['reuse-store'], String(caseCount)) : undefined;
    const reused = kept !== undefined && fs.existsSync(path.join(kept, 'cases.db'));
    if (reused) fs.cpSync(kept, storeFolder, { recursive: true });
    // Let go once written (embedded): the largest RSS is then the subgraph's, not this writer's too.
    let store: Store | undefined = reused ? undefined : createNedbStore(embedded ? { directory: storeFolder } : {});
    if (store) {
      const repos = await openRepositories(store, coordinationSubgraph.documents);
      const { cases: _demoCases, referrals: _demoReferrals, ...demo } = coordinationSubgraph.seed(country);
      for (const [key, drafts] of Object.entries(demo)) await repos[key as keyof typeof repos].insertMany(drafts as never);
      const asStored = (drafts: Draft<StoredDocument>[]) => drafts.map((d) => ({ ...d, version: 1 }));
      for (const [name, drafts] of [
        ['cases', registry.cases],
        ['referrals', registry.referrals],
      ] as const) {
        // In batches: NeDB appends a batch as one string, and a million documents make one too long for V8.
        for (let i = 0; i < drafts.length; i += 50_000) await store.collection(name).insertMany(asStored(drafts.slice(i, i + 50_000)));
      }
    }
    const counted = new Set(registry.cases.filter((c) => c.reportingConsent).map((c) => c._id));
    const pending = registry.referrals.filter((r) => r.status === 'PENDING' && counted.has(r.caseId)).slice(0, writes);
    if (pending.length < writes) throw new Error(`only ${pending.length} pending referrals to accept; ask for fewer --writes`);
    const totals = { cases: registry.cases.length, counted: counted.size, referrals: registry.referrals.length };
    // A subgraph holds only its store: let the drafts go, so the heap (and its garbage collection) is the subgraph's.
    registry = undefined;
    if (embedded) {
      await store?.close();
      store = undefined;
    }
    if (kept !== undefined && !reused) {
      fs.mkdirSync(path.dirname(kept), { recursive: true });
      fs.cpSync(storeFolder, kept, { recursive: true, filter: (from) => !from.endsWith('in-use.lock') });
    }
    const loadMs = performance.now() - started;
    log(`${embedded ? 'wrote the embedded store' : 'loaded the memory store'} in ${seconds(loadMs)}`);

    const keys = await generateDevelopmentKeys();
    const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
    const gatewayPublicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);
    const start = (pathwayRereadAfterMs: number, open?: Store) =>
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
        // Unless handed one open, the subgraph opens the embedded store from its files, as at a restart.
        ...(open ? { store: open } : embedded ? {} : { store }),
        clock: fixedClock(today),
        logger,
        gatewayPublicKey,
      });
    let rereadsSeen = 0;
    const logger = createLogger('info', {}, { write: (line: string) => void (line.includes('read whole again') && rereadsSeen++) });

    log('starting the coordination subgraph, opening its store');
    const cpuAtStart = process.cpuUsage();
    const starting = performance.now();
    // The configured default age: no re-read happens during the timed requests.
    let subgraph = await start(defaultPathwayRereadMinutes * 60_000);
    const readyMs = performance.now() - starting;
    const cpuReady = process.cpuUsage(cpuAtStart);
    const cpuToReadyMs = (cpuReady.user + cpuReady.system) / 1000;
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
    log(`timing pathwayAggregates: the first, ${requests} warm, then ${pending.length} writes each followed by a request`);
    const firstMs = await aggregates();
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuToFirstMs = (cpu.user + cpu.system) / 1000;
    const warm: number[] = [];
    for (let i = 0; i < requests; i++) warm.push(await aggregates());
    const byDistrictOperation = benchOperations.find((op) => op.name === 'PathwayByDistrict')!;
    const byDistrict = () => send(analyst, byDistrictOperation.query, byDistrictOperation.variables!);
    const firstByDistrictMs = await byDistrict();
    const warmByDistrict: number[] = [];
    for (let i = 0; i < requests; i++) warmByDistrict.push(await byDistrict());
    const afterWrite: number[] = [];
    for (const referral of pending) {
      await accept(referral._id, referral.toSector);
      afterWrite.push(await aggregates());
    }
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'profiles');
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, `pathway-${caseCount}-${Date.now()}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      log(`CPU profile: ${path.relative(process.cwd(), file)}`);
    }

    log('starting it again on the store already open, with a re-read age of 1 ms');
    await subgraph.stop();
    const opened = embedded ? createNedbStore({ directory: path.join(dataDir, country, 'coordination') }) : store!;
    // NeDB loads a collection's file when it is first used: load them all before the clock starts.
    await openRepositories(opened, coordinationSubgraph.documents);
    const startingOnOpen = performance.now();
    subgraph = await start(1, opened);
    const readyOnOpenMs = performance.now() - startingOnOpen;
    log(`timing requests while the year is read whole again in the background, one re-read after another`);
    await aggregates(); // waits for the count at start; every later request finds the kept year too old
    rereadsSeen = 0;
    const blocks = monitorEventLoopDelay({ resolution: 10 });
    blocks.enable();
    const duringReread: number[] = [];
    // At least `requests` of them, and for at least two whole re-reads (at most three minutes).
    const until = performance.now() + 180_000;
    while ((duringReread.length < requests || rereadsSeen < 2) && performance.now() < until) duringReread.push(await aggregates());
    blocks.disable();
    const longestBlockMs = blocks.max / 1e6;
    await subgraph.stop();
    if (embedded) await opened.close();
    clearInterval(sampleRss);
    return {
      ...totals,
      generateMs,
      loadMs,
      readyMs,
      readyOnOpenMs,
      firstMs,
      cpuToFirstMs,
      cpuToReadyMs,
      warm,
      firstByDistrictMs,
      warmByDistrict,
      afterWrite,
      duringReread,
      rereadsSeen,
      longestBlockMs,
      rssMb: Math.max(rss, process.memoryUsage().rss) / 1e6,
    };
  } finally {
    clearInterval(sampleRss);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The growth curve as a markdown report. */
function reportOf(results: SizeResult[]): string {
  const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)}`);
  const cols = results.map((r) => r.cases.toLocaleString('en'));
  const line = (label: string, values: string[]) => `| ${label} | ${values.join(' | ')} |\n`;
  const [load] = os.loadavg();
  let out =
    `pathwayAggregates(year: 2026), every field, straight to the coordination subgraph over HTTP; ${flags.store} store` +
    `${flags.store === 'embedded' ? ', opened from its files at start' : ''}; ${os.cpus().length} CPUs, load average ${load!.toFixed(1)} ` +
    `at the end; ${requests} warm requests, ${writes} writes; times in ms unless marked.\n\n`;
  out += line('cases', cols);
  out += line(
    '---',
    results.map(() => '---:'),
  );
  out += line(
    'counted in 2026 (reporting consent)',
    results.map((r) => r.counted.toLocaleString('en')),
  );
  out += line(
    'referrals',
    results.map((r) => r.referrals.toLocaleString('en')),
  );
  out += line(
    'generate the cases',
    results.map((r) => ms(r.generateMs)),
  );
  out += line(
    flags.store === 'embedded' ? 'write them to the store files' : 'load them into the store',
    results.map((r) => ms(r.loadMs)),
  );
  out += line(
    flags.store === 'embedded' ? 'start until ready, opening the store files' : 'start until ready',
    results.map((r) => ms(r.readyMs)),
  );
  out += line(
    'start until ready, the store handed over open',
    results.map((r) => ms(r.readyOnOpenMs)),
  );
  out += line(
    'first request after ready',
    results.map((r) => ms(r.firstMs)),
  );
  out += line(
    'CPU from start until ready',
    results.map((r) => ms(r.cpuToReadyMs)),
  );
  out += line(
    'CPU from start to the first answer',
    results.map((r) => ms(r.cpuToFirstMs)),
  );
  out += line(
    'CPU per case, start to first answer (µs)',
    results.map((r) => ((r.cpuToFirstMs * 1000) / r.cases).toFixed(0)),
  );
  out += line(
    'warm p50',
    results.map((r) => ms(percentile(r.warm, 0.5))),
  );
  out += line(
    'warm p99',
    results.map((r) => ms(percentile(r.warm, 0.99))),
  );
  out += line(
    'right after a write, p50',
    results.map((r) => ms(percentile(r.afterWrite, 0.5))),
  );
  out += line(
    'right after a write, p99',
    results.map((r) => ms(percentile(r.afterWrite, 0.99))),
  );
  out += line(
    'during whole re-reads, p50',
    results.map((r) => ms(percentile(r.duringReread, 0.5))),
  );
  out += line(
    'during whole re-reads, p99',
    results.map((r) => ms(percentile(r.duringReread, 0.99))),
  );
  out += line(
    'whole re-reads finished meanwhile',
    results.map((r) => String(r.rereadsSeen)),
  );
  out += line(
    'longest event-loop block during re-reads',
    results.map((r) => ms(r.longestBlockMs)),
  );
  out += line(
    'largest RSS (MB)',
    results.map((r) => String(Math.round(r.rssMb))),
  );
  return out;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
