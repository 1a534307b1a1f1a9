/**
 * What one run of `npm run bench` found, and the performance targets judged on it: plain data and
 * pure functions, so the report and the chart are written, and tested, from numbers alone.
 */

/** The gateways compared, by the label every table uses. */
export const gateways = {
  ours: 'ours',
  oursCached: 'ours, cached',
  hive: 'Hive',
  hiveCached: 'Hive, cached',
  hiveRouter: 'Hive, Rust planner',
} as const;

/** Without a response cache: our headline is ours against these. */
export const uncachedGateways = [gateways.ours, gateways.hive, gateways.hiveRouter] as const;
/** With one: ours against Hive's, and nothing else. */
export const cachedGateways = [gateways.oursCached, gateways.hiveCached] as const;

/** One gateway under load on one operation: medians over the rounds. */
export interface LoadedRow {
  operation: string;
  gateway: string;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU time of the gateway's processes per request, ms. */
  cpuMsPerRequest: number;
  /** CPU time of all subgraphs per request, ms. */
  subgraphCpuMsPerRequest: number;
  /** GraphQL calls the subgraphs answered per request: fewer than the plan makes when calls in flight were merged. */
  subgraphCallsPerRequest: number;
  /** CPU time of the load generator (the bench process, on the same cores) per request, ms. */
  generatorCpuMsPerRequest: number;
  /** Largest resident memory of the gateway's processes together during any round, MB. */
  peakRssMb: number;
}

/** An operation a peer could not answer (it is left out of that operation's runs), and why. */
export interface Unanswered {
  operation: string;
  gateway: string;
  error: string;
}

/** One gateway's requests/s over another's, the median of the per-round ratios (each round runs both). */
export interface Ratio {
  operation: string;
  gateway: string;
  versus: string;
  ratio: number;
}

/** One request at a time. */
export interface UnloadedRow {
  operation: string;
  /** A gateway, a subgraph called directly, or the whole plan sent straight (`wholePlan`). */
  target: string;
  p50: number;
  p90: number;
  cpuMsPerRequest: number;
}

export const wholePlan = 'whole plan straight';

/** The status query for `sectors` sectors, one request at a time. */
export interface ScalingPoint {
  target: string;
  sectors: number;
  p50: number;
  cpuMsPerRequest: number;
}

/** The audit files' growth per read during one gateway's CaseWithResponses run in one round. */
export interface AuditGrowth {
  gateway: string;
  round: number;
  bytes: number;
}

/** What a case read costs the subgraphs (CaseWithResponses through our uncached gateway). */
export interface CaseReadCost {
  /** CPU ms per read of each subgraph the query plan calls. */
  cpuMsBySubgraph: Record<string, number>;
  /** Bytes appended to the audit files (entries, heads, witness) per read, in each CaseWithResponses run, by gateway and round. */
  auditBytesPerRead: AuditGrowth[];
  /** Of which the entries alone (auditLog), over the whole run. */
  auditEntryBytesPerRead: number;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  /** Load averages (1, 5, 15 min) at the start and the end. */
  loadBefore: number[];
  loadAfter: number[];
}

export interface Settings {
  seconds: number;
  rounds: number;
  connections: number;
  unloadedRequests: number;
  store: string;
  tokensMinted: number;
  /** Requests that carried a token their gateway had seen: must be 0. */
  tokensReused: number;
  /** Tokens minted while a run was sending (it outran the margin minted before it): their cost fell inside that run. */
  tokensMintedDuringRuns: number;
  /** CPU ms the bench spent minting one token (ES256), outside the runs unless minted during one. */
  mintCpuMsPerToken: number;
  populations: Record<string, number>;
}

export interface BenchRun {
  date: string;
  machine: Machine;
  settings: Settings;
  loaded: LoadedRow[];
  /** Operations a peer answered with an error, so left out for it. */
  unanswered: Unanswered[];
  ratios: Ratio[];
  unloaded: UnloadedRow[];
  scaling: ScalingPoint[];
  caseRead: CaseReadCost | undefined;
}

export type Verdict = 'met' | 'not met' | 'not measured';

export interface TargetResult {
  target: string;
  measured: string;
  verdict: Verdict;
}

/**
 * The highest requests/s ratio this machine allows `gateway` over `versus` on one operation. Under
 * load the cores are busy with three things per request: the gateway, its subgraphs, and the load
 * generator (the bench process, which sends the requests and their headers from the same cores).
 * With C cores busy, a gateway does about C / (gateway + subgraphs + generator CPU per request)
 * requests/s, so even a gateway and subgraphs costing nothing leave `gateway` at most
 * (versus's gateway + subgraphs + generator) / (the generator's CPU driving `gateway`) times `versus`.
 * It holds while both runs keep the cores busy. A second bound needs no such condition: the
 * generator sends from one Node thread, so it cannot send more than about 1000 / g requests/s,
 * whatever the gateway costs; over the peer's measured requests/s, that is `generatorLimit`.
 */
export interface Ceiling {
  operation: string;
  gateway: string;
  versus: string;
  /** g: the generator's CPU ms per request driving `gateway`. */
  generatorCpuMs: number;
  /** p: CPU ms per request of `versus`'s gateway and subgraphs, and of the generator driving it. */
  versusCpuMs: number;
  /** p / g. */
  ceiling: number;
  /** (1000 / g) / versus's requests/s: what one generator thread allows, when g is spent on that thread. */
  generatorLimit: number;
}

export function ratioCeilings(run: BenchRun): Ceiling[] {
  const row = (operation: string, gateway: string) => run.loaded.find((r) => r.operation === operation && r.gateway === gateway);
  return run.ratios.map(({ operation, gateway, versus }) => {
    const mine = row(operation, gateway);
    const theirs = row(operation, versus);
    const generatorCpuMs = mine?.generatorCpuMsPerRequest ?? NaN;
    const versusCpuMs = theirs ? theirs.cpuMsPerRequest + theirs.subgraphCpuMsPerRequest + theirs.generatorCpuMsPerRequest : NaN;
    const generatorLimit = 1000 / generatorCpuMs / (theirs?.rps ?? NaN);
    return { operation, gateway, versus, generatorCpuMs, versusCpuMs, ceiling: versusCpuMs / generatorCpuMs, generatorLimit };
  });
}

/** Least-squares slope of y over x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

/** The cost of one more sector for `target`: slope of its p50 (ms) over the number of sectors. */
export function costPerSector(scaling: ScalingPoint[], target: string): number {
  return slope(scaling.filter((p) => p.target === target).map((p) => ({ x: p.sectors, y: p.p50 })));
}

const fmt = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
const judged = (measurable: boolean, ok: boolean): Verdict => (!measurable ? 'not measured' : ok ? 'met' : 'not met');

/** Operations judged on throughput and p99 against the peers without a cache. */
export const headlineOperations = ['SectorStatus', 'CaseWithResponses'];

/** The performance targets, each judged on this run. */
export function evaluateTargets(run: BenchRun): TargetResult[] {
  const results: TargetResult[] = [];
  const row = (operation: string, gateway: string) => run.loaded.find((r) => r.operation === operation && r.gateway === gateway);
  // A target is met only by a gateway whose every request succeeded (a 200 carrying errors included).
  const failures = (gateway: string, operation?: string) =>
    run.loaded
      .filter((r) => r.gateway === gateway && (operation === undefined || r.operation === operation))
      .reduce((n, r) => n + r.failed, 0);
  const failedNote = (n: number) => (n > 0 ? `; ${n} request(s) failed` : '');
  const ratio = (operation: string, gateway: string, versus: string) =>
    run.ratios.find((r) => r.operation === operation && r.gateway === gateway && r.versus === versus)?.ratio ?? NaN;
  const ceilings = ratioCeilings(run);
  const allowed = (operation: string, gateway: string, versus: string) => {
    const c = ceilings.find((r) => r.operation === operation && r.gateway === gateway && r.versus === versus)?.ceiling ?? NaN;
    return Number.isFinite(c) ? ` (this machine allows at most ${times(c)})` : '';
  };

  for (const operation of headlineOperations) {
    const r = ratio(operation, gateways.ours, gateways.hiveRouter);
    const failed = failures(gateways.ours, operation);
    results.push({
      target: `${operation}, no cache: ≥ 1.5× the requests/s of Hive with its Rust planner`,
      measured: times(r) + allowed(operation, gateways.ours, gateways.hiveRouter) + failedNote(failed),
      verdict: judged(Number.isFinite(r), r >= 1.5 && failed === 0),
    });
    const ours = row(operation, gateways.ours);
    const peers = [gateways.hive, gateways.hiveRouter].map((g) => row(operation, g)).filter((r) => r !== undefined);
    const lowestPeerP99 = Math.min(...peers.map((p) => p.p99));
    results.push({
      target: `${operation}, no cache: p99 below every peer's without a cache`,
      measured: ours ? `${ours.p99} ms vs ${peers.map((p) => `${p.gateway} ${p.p99} ms`).join(', ')}${failedNote(failed)}` : '—',
      verdict: judged(
        !!ours && peers.length === 2 && [ours, ...peers].every((r) => Number.isFinite(r.p99)),
        !!ours && ours.p99 < lowestPeerP99 && failed === 0,
      ),
    });
  }

  const plan = run.unloaded.find((r) => r.operation === 'SectorStatus' && r.target === wholePlan);
  const oursAlone = run.unloaded.find((r) => r.operation === 'SectorStatus' && r.target === gateways.ours);
  const overPlan = plan && oursAlone ? oursAlone.p50 / plan.p50 : NaN;
  results.push({
    target: 'SectorStatus one request at a time, no cache: ≤ 1.2× the whole plan sent straight to the subgraphs',
    measured: plan && oursAlone ? `${times(overPlan)} (p50 ${fmt(oursAlone.p50)} vs ${fmt(plan.p50)} ms)` : '—',
    verdict: judged(Number.isFinite(overPlan), overPlan <= 1.2),
  });

  const perSector = costPerSector(run.scaling, gateways.ours);
  results.push({
    target: 'Each added sector, one request at a time, no cache: ≤ 1 ms',
    measured: `${fmt(perSector)} ms per sector (the plan sent straight: ${fmt(costPerSector(run.scaling, wholePlan))} ms)`,
    verdict: judged(Number.isFinite(perSector), perSector <= 1),
  });

  const caseReadFailed = failures(gateways.ours, 'CaseWithResponses');
  const cpu = run.caseRead ? Object.entries(run.caseRead.cpuMsBySubgraph).filter(([, ms]) => Number.isFinite(ms)) : [];
  const highest = cpu.length ? cpu.reduce((a, b) => (b[1] > a[1] ? b : a)) : undefined;
  results.push({
    target: 'A case read: ≤ 3 ms of CPU per subgraph called, embedded store, audit append included',
    measured: highest ? `${fmt(highest[1])} ms at most (${highest[0]}), over ${cpu.length} subgraphs${failedNote(caseReadFailed)}` : '—',
    // Every subgraph called must stay within it: the highest decides, not the average.
    verdict: judged(!!highest, !!highest && highest[1] <= 3 && caseReadFailed === 0),
  });

  // Our gateway's own reads, its first round against its last: each gateway's reads append to the
  // same files, so comparing one gateway's with another's would measure the gateways, not growth.
  const ourGrowth = (run.caseRead?.auditBytesPerRead ?? []).filter((g) => g.gateway === gateways.ours && Number.isFinite(g.bytes));
  const firstRound = ourGrowth.find((g) => g.round === 1);
  const lastRound = ourGrowth.reduce<AuditGrowth | undefined>((a, b) => (!a || b.round > a.round ? b : a), undefined);
  results.push({
    target: 'Audit log growth per case read: measured, and bounded (our gateway’s last round appends ≤ 1.2× its first round per read)',
    measured:
      firstRound && lastRound
        ? `${fmt(firstRound.bytes, 0)} → ${fmt(lastRound.bytes, 0)} bytes per read, round 1 → ${lastRound.round} (entries alone ${fmt(run.caseRead!.auditEntryBytesPerRead, 0)})${failedNote(caseReadFailed)}`
        : '—',
    verdict: judged(
      !!firstRound && !!lastRound && lastRound.round >= 2,
      !!firstRound && !!lastRound && lastRound.bytes <= 1.2 * firstRound.bytes && caseReadFailed === 0,
    ),
  });

  const memory = run.loaded.filter((r) => r.gateway === gateways.ours || r.gateway === gateways.oursCached).map((r) => r.peakRssMb);
  const peak = memory.length ? Math.max(...memory.filter(Number.isFinite)) : NaN;
  results.push({
    target: 'Our gateway’s memory under load: < 160 MB',
    measured: `${fmt(peak, 0)} MB at most (RSS, with and without the cache)`,
    verdict: judged(Number.isFinite(peak), peak < 160 && failures(gateways.ours) + failures(gateways.oursCached) === 0),
  });

  // A case-level read is never answered from either cache: it is no cached figure.
  const cached = run.ratios.filter(
    (r) => r.gateway === gateways.oursCached && r.versus === gateways.hiveCached && r.operation !== 'CaseWithResponses',
  );
  const least = cached.length ? cached.reduce((a, b) => (b.ratio < a.ratio ? b : a)) : undefined;
  results.push({
    target: 'With the cache: ≥ 5× the requests/s of Hive with its response cache, every cacheable operation',
    measured: least
      ? `${times(least.ratio)} at least (${least.operation}); ${cached.map((r) => `${r.operation} ${times(r.ratio)}${allowed(r.operation, r.gateway, r.versus)}`).join(', ')}`
      : '—',
    // One measured shortfall is enough to fail it; otherwise an operation without a figure leaves it open.
    verdict:
      cached.some((r) => r.ratio < 5) || cached.some((r) => failures(gateways.oursCached, r.operation) > 0)
        ? 'not met'
        : judged(cached.length > 0 && cached.every((r) => Number.isFinite(r.ratio)), true),
  });
  return results;
}
