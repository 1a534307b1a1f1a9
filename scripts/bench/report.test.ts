import { describe, expect, it } from 'vitest';
import { benchChart, niceMax } from './chart.ts';
import { benchReport } from './report.ts';
import { graphqlCallsIn } from './subgraphCalls.ts';
import { costPerSector, evaluateTargets, gateways, ratioCeilings, slope, wholePlan, type BenchRun, type LoadedRow } from './results.ts';

/* The bench's judgement and its writing, on fixed numbers: what a run found decides each verdict. */

const row = (operation: string, gateway: string, rps: number, p99: number, peakRssMb = 150): LoadedRow => ({
  operation,
  gateway,
  rps,
  p50: Math.round(p99 / 3),
  p99,
  failed: 0,
  cpuMsPerRequest: 0.5,
  subgraphCpuMsPerRequest: 1.2,
  subgraphCallsPerRequest: 2,
  generatorCpuMsPerRequest: 0.3,
  peakRssMb,
});

function sampleRun(): BenchRun {
  return {
    date: '2026-12-05 20:00 UTC',
    machine: { cpus: 2, cpuModel: 'Test CPU', node: 'v20.20.2', loadBefore: [0.5, 0.4, 0.3], loadAfter: [2.1, 1.2, 0.8] },
    settings: {
      seconds: 5,
      rounds: 3,
      connections: 20,
      unloadedRequests: 300,
      store: 'embedded',
      tokensMinted: 123_456,
      tokensReused: 0,
      tokensMintedDuringRuns: 300,
      mintCpuMsPerToken: 0.045,
      populations: { analyst: 200 },
    },
    unanswered: [{ operation: 'MeetingPack', gateway: gateways.hiveRouter, error: 'Unexpected error.: Failed to plan query' }],
    loaded: [
      row('SectorStatus', gateways.ours, 2000, 30, 140),
      row('SectorStatus', gateways.oursCached, 9000, 5, 155),
      row('SectorStatus', gateways.hive, 400, 90, 300),
      row('SectorStatus', gateways.hiveCached, 1500, 20, 320),
      row('SectorStatus', gateways.hiveRouter, 1000, 40, 280),
      row('CaseWithResponses', gateways.ours, 800, 60, 150),
      row('CaseWithResponses', gateways.oursCached, 800, 60, 150),
      row('CaseWithResponses', gateways.hive, 300, 140, 300),
      row('CaseWithResponses', gateways.hiveCached, 300, 140, 300),
      row('CaseWithResponses', gateways.hiveRouter, 600, 50, 280),
    ],
    ratios: [
      { operation: 'SectorStatus', gateway: gateways.ours, versus: gateways.hive, ratio: 5 },
      { operation: 'SectorStatus', gateway: gateways.ours, versus: gateways.hiveRouter, ratio: 2 },
      { operation: 'SectorStatus', gateway: gateways.oursCached, versus: gateways.hiveCached, ratio: 6 },
      { operation: 'CaseWithResponses', gateway: gateways.ours, versus: gateways.hive, ratio: 2.67 },
      { operation: 'CaseWithResponses', gateway: gateways.ours, versus: gateways.hiveRouter, ratio: 1.33 },
      { operation: 'CaseWithResponses', gateway: gateways.oursCached, versus: gateways.hiveCached, ratio: 2.67 },
    ],
    unloaded: [
      { operation: 'SectorStatus', target: gateways.ours, p50: 5, p90: 7, cpuMsPerRequest: 2 },
      { operation: 'SectorStatus', target: wholePlan, p50: 4, p90: 6, cpuMsPerRequest: NaN },
    ],
    scaling: [1, 2, 3, 4, 5].flatMap((n) => [
      { target: gateways.ours, sectors: n, p50: 2 + 0.8 * n, cpuMsPerRequest: 1 },
      { target: wholePlan, sectors: n, p50: 1.5 + 0.5 * n, cpuMsPerRequest: NaN },
    ]),
    caseRead: {
      cpuMsBySubgraph: { coordination: 2.5, health: 2.9, police: 2 },
      // Ours flat from round 1 to 3; the peers' reads, in between and last, append more.
      auditBytesPerRead: [
        { gateway: gateways.ours, round: 1, bytes: 1500 },
        { gateway: gateways.hive, round: 1, bytes: 1400 },
        { gateway: gateways.ours, round: 2, bytes: 1520 },
        { gateway: gateways.hive, round: 2, bytes: 2100 },
        { gateway: gateways.ours, round: 3, bytes: 1490 },
        { gateway: gateways.hive, round: 3, bytes: 2400 },
      ],
      auditEntryBytesPerRead: 900,
    },
  };
}

describe('the bench’s targets', () => {
  it('fits a least-squares slope, and the cost of one more sector from it', () => {
    expect(slope([1, 2, 3].map((x) => ({ x, y: 2 * x + 1 })))).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 3 }])).toBeNaN();
    expect(costPerSector(sampleRun().scaling, gateways.ours)).toBeCloseTo(0.8);
  });

  it('judges each target on the run’s own numbers', () => {
    const verdicts = Object.fromEntries(evaluateTargets(sampleRun()).map((t) => [t.target, t]));
    const find = (start: string) => Object.values(verdicts).find((t) => t.target.startsWith(start))!;
    // The Rust planner's 0.5 + 1.2 ms and the generator's 0.3 ms driving it, over the generator's 0.3 ms driving ours.
    expect(find('SectorStatus, no cache: ≥ 1.5×')).toMatchObject({ verdict: 'met', measured: '2.00× (this machine allows at most 6.67×)' });
    expect(find('CaseWithResponses, no cache: ≥ 1.5×')).toMatchObject({
      verdict: 'not met',
      measured: '1.33× (this machine allows at most 6.67×)',
    });
    expect(find('SectorStatus, no cache: p99').verdict).toBe('met');
    // 60 ms against the Rust planner's 50: not below every peer's.
    expect(find('CaseWithResponses, no cache: p99').verdict).toBe('not met');
    expect(find('SectorStatus one request at a time').verdict).toBe('not met'); // 5 / 4 = 1.25×
    expect(find('Each added sector').verdict).toBe('met');
    expect(find('A case read')).toMatchObject({ verdict: 'met', measured: expect.stringContaining('2.90 ms at most (health)') });
    // Our gateway's round 1 against its round 3, not the first gateway's against the last one's.
    expect(find('Audit log growth')).toMatchObject({ verdict: 'met', measured: expect.stringContaining('1500 → 1490') });
    expect(find('Our gateway’s memory').verdict).toBe('met');
    expect(find('With the cache').verdict).toBe('met');
  });

  it('says "not measured" where the run has no figure, and counts a growing audit log and memory over the bound', () => {
    const run = sampleRun();
    run.unloaded = [];
    run.caseRead = {
      ...run.caseRead!,
      auditBytesPerRead: [
        { gateway: gateways.ours, round: 1, bytes: 1500 },
        { gateway: gateways.ours, round: 2, bytes: 2500 },
      ],
    };
    run.loaded.push(row('MeetingPack', gateways.ours, 500, 80, 171));
    const targets = evaluateTargets(run);
    expect(targets.find((t) => t.target.startsWith('SectorStatus one request at a time'))?.verdict).toBe('not measured');
    run.ratios.push({ operation: 'MeetingPack', gateway: gateways.oursCached, versus: gateways.hiveCached, ratio: NaN });
    expect(evaluateTargets(run).find((t) => t.target.startsWith('With the cache'))?.verdict).toBe('not measured');
    run.ratios.push({ operation: 'PathwayAggregates', gateway: gateways.oursCached, versus: gateways.hiveCached, ratio: 4 });
    expect(evaluateTargets(run).find((t) => t.target.startsWith('With the cache'))?.verdict).toBe('not met');
    expect(targets.find((t) => t.target.startsWith('Audit log growth'))?.verdict).toBe('not met');
    expect(targets.find((t) => t.target.startsWith('Our gateway’s memory'))).toMatchObject({
      verdict: 'not met',
      measured: expect.stringContaining('171 MB'),
    });
  });
});

describe('the subgraph calls counted from the subgraphs’ metrics', () => {
  it('adds up every status of the /graphql route, and nothing else', () => {
    const page = [
      '# HELP crg_http_requests_total HTTP requests answered, by route and status code.',
      '# TYPE crg_http_requests_total counter',
      'crg_http_requests_total{route="/graphql",status="200",service="health"} 1200',
      'crg_http_requests_total{route="/graphql",status="400",service="health"} 3',
      'crg_http_requests_total{route="/revision",status="200",service="health"} 50',
      'crg_http_requests_total{route="other",status="404",service="health"} 1',
      'crg_graphql_operation_duration_seconds_count{operation="x",outcome="ok",service="health"} 1200',
    ].join('\n');
    expect(graphqlCallsIn(page)).toBe(1203);
    expect(graphqlCallsIn('')).toBe(0);
  });
});

describe('the bench’s report and chart', () => {
  it('writes the targets, every table, the machine and the settings', () => {
    const report = benchReport(sampleRun(), 'bench-latest.svg');
    expect(report).toContain('## Targets: 7 of 10 met');
    expect(report).toContain('| SectorStatus | 5.00× | 2.00× | 6.00× |');
    expect(report).toContain('| CaseWithResponses | 2.67× | 1.33× | not cached |');
    expect(report).toContain('| SectorStatus | Hive, Rust planner | 1,000 | 13 | 40 | 0.50 | 1.20 | 2.00 | 0.30 | 280 | 0 |');
    expect(report).toContain('2 CPUs (Test CPU), Node v20.20.2');
    expect(report).toContain('123,456 minted, 300 of them during a run');
    expect(report).toContain('0.045 ms of CPU each');
    expect(report).toContain('no gateway was sent a token twice');
    // One generator thread at 0.3 ms per request sends at most 3,333 requests/s: 3.33× the Rust planner's 1,000.
    expect(report).toContain('| SectorStatus | ours ÷ Hive, Rust planner | 2.00× | 0.30 | 2.00 | 6.67× | 3.33× |');
    expect(report).not.toContain('| CaseWithResponses | ours, cached ÷ Hive, cached |');
    expect(report).toContain('| MeetingPack | Hive, Rust planner | Unexpected error.: Failed to plan query |');
    expect(report).toContain('![Requests per second per operation and gateway](bench-latest.svg)');
    expect(report).toContain('| ours | 2.80 | 3.60 | 4.40 | 5.20 | 6.00 | 0.80 |');
  });

  it('draws grouped bars with axes, a legend and a text alternative naming every figure', () => {
    const svg = benchChart(sampleRun());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/<title id="chart-title">Requests per second, our gateway and Hive Gateway/);
    expect(svg).toContain('SectorStatus: ours 2000, Hive 400, Hive, Rust planner 1000');
    expect(svg).toContain('SectorStatus: ours, cached 9000, Hive, cached 1500');
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(2 * 3 + 1 * 2); // two operations uncached, one cacheable
    expect(svg).toContain('requests per second');
    const unanswered = sampleRun();
    unanswered.loaded = unanswered.loaded.filter((r) => r.gateway !== gateways.hiveRouter || r.operation !== 'SectorStatus');
    expect(benchChart(unanswered)).toContain('SectorStatus: ours 2000, Hive 400, Hive, Rust planner n/a');
    expect(svg).toContain('>Hive, Rust planner</text>');
    // Told apart by pattern, not colour alone: Hive striped, its Rust planner dotted, ours solid.
    expect(svg).toMatch(/fill="url\(#fill-stripes\)" stroke="#d9822b"><title>SectorStatus, Hive: 400/);
    expect(svg).toMatch(/fill="url\(#fill-dots\)" stroke="#7a4fa0"><title>SectorStatus, Hive, Rust planner: 1000/);
    expect(svg).toContain('<pattern id="fill-stripes"');
    expect(niceMax(1234)).toBe(2000);
    expect(niceMax(9000)).toBe(10000);
  });

  it('states the ceiling the load generator leaves each ratio, from the run’s CPU per request', () => {
    const run = sampleRun();
    const set = (gateway: string, values: Partial<LoadedRow>) =>
      Object.assign(
        run.loaded.find((r) => r.operation === 'SectorStatus' && r.gateway === gateway)!,
        values,
      );
    // The cached peer costs 0.4 ms itself, 0.05 ms in its subgraphs and 0.35 ms of the generator's;
    // driving ours costs the generator 0.25 ms: no cached gateway here can reach 0.8 / 0.25 = 3.2× it.
    set(gateways.hiveCached, { cpuMsPerRequest: 0.4, subgraphCpuMsPerRequest: 0.05, generatorCpuMsPerRequest: 0.35 });
    set(gateways.oursCached, { generatorCpuMsPerRequest: 0.25 });
    expect(ratioCeilings(run).find((c) => c.gateway === gateways.oursCached && c.operation === 'SectorStatus')).toMatchObject({
      generatorCpuMs: 0.25,
      versusCpuMs: expect.closeTo(0.8, 9),
      ceiling: expect.closeTo(3.2, 9),
    });
    expect(evaluateTargets(run).find((t) => t.target.startsWith('With the cache'))?.measured).toContain(
      'SectorStatus 6.00× (this machine allows at most 3.20×)',
    );
    expect(benchReport(run, 'chart.svg')).toContain('| SectorStatus | ours, cached ÷ Hive, cached | 6.00× | 0.25 | 0.80 | 3.20× | 2.67× |');
    // Without the generator's cost measured there is no ceiling to state.
    set(gateways.oursCached, { generatorCpuMsPerRequest: NaN });
    expect(evaluateTargets(run).find((t) => t.target.startsWith('With the cache'))?.measured).toMatch(/; SectorStatus 6\.00×$/);
  });

  it('judges the case read on its costliest subgraph, not the average', () => {
    const run = sampleRun();
    // An average of 2.67 ms, but health over 3 ms.
    run.caseRead = { ...run.caseRead!, cpuMsBySubgraph: { coordination: 2.5, health: 3.5, police: 2 } };
    expect(evaluateTargets(run).find((t) => t.target.startsWith('A case read'))).toMatchObject({
      verdict: 'not met',
      measured: expect.stringContaining('3.50 ms at most (health)'),
    });
  });

  it('leaves the audit growth unmeasured with one round, whatever the other gateways appended', () => {
    const run = sampleRun();
    run.caseRead = {
      ...run.caseRead!,
      auditBytesPerRead: [
        { gateway: gateways.ours, round: 1, bytes: 1500 },
        { gateway: gateways.hive, round: 1, bytes: 1400 },
      ],
    };
    expect(evaluateTargets(run).find((t) => t.target.startsWith('Audit log growth'))?.verdict).toBe('not measured');
  });

  it('counts a target not met when any request of the gateway measured failed', () => {
    const run = sampleRun();
    const find = (start: string) => evaluateTargets(run).find((t) => t.target.startsWith(start))!;
    // A peer's failures are not ours to answer for.
    run.loaded.find((r) => r.operation === 'SectorStatus' && r.gateway === gateways.hiveRouter)!.failed = 5;
    expect(find('SectorStatus, no cache: ≥ 1.5×').verdict).toBe('met');
    run.loaded.find((r) => r.operation === 'SectorStatus' && r.gateway === gateways.ours)!.failed = 3;
    expect(find('SectorStatus, no cache: ≥ 1.5×')).toMatchObject({
      verdict: 'not met',
      measured: '2.00× (this machine allows at most 6.67×); 3 request(s) failed',
    });
    expect(find('SectorStatus, no cache: p99').verdict).toBe('not met');
    expect(find('Our gateway’s memory').verdict).toBe('not met');
    run.loaded.find((r) => r.operation === 'CaseWithResponses' && r.gateway === gateways.ours)!.failed = 1;
    expect(find('A case read').verdict).toBe('not met');
    expect(find('Audit log growth').verdict).toBe('not met');
    expect(find('With the cache').verdict).toBe('met');
    run.loaded.find((r) => r.operation === 'SectorStatus' && r.gateway === gateways.oursCached)!.failed = 2;
    expect(find('With the cache').verdict).toBe('not met');
  });
});
