export interface Row {
  operation: string;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU time of the answering process per request, ms (the gateway's own, for a gateway). */
  cpuMsPerRequest: number;
  /** CPU time of all subgraphs per request through a gateway, ms. */
  subgraphCpuMsPerRequest: number;
  /** Our throughput over the peer's, median of the per-round ratios (ours only). */
  ratio?: number;
}

export interface RunFacts {
  seconds: number;
  rounds: number;
  connections: number;
  cpus: number;
  /** Largest resident memory after a run, by gateway. */
  rssMb: Record<string, number>;
}

/** Prints the results as a Markdown table, ready to paste into the README. */
export function printTable(rows: Row[], facts: RunFacts): void {
  console.log(
    `\n${facts.rounds} interleaved rounds × ${facts.seconds} s per target, ${facts.connections} connections, ${facts.cpus} CPUs; ` +
      `medians over rounds; latency in ms.\n`,
  );
  console.log('| operation | target | req/s | p50 | p99 | failed | CPU ms/req | subgraphs CPU ms/req | ours ÷ peer |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`;
    const ms = (value: number) => (Number.isNaN(value) ? '' : value.toFixed(2));
    console.log(
      `| ${row.operation} | ${row.target} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.failed} | ` +
        `${ms(row.cpuMsPerRequest)} | ${ms(row.subgraphCpuMsPerRequest)} | ${ratio} |`,
    );
  }
  console.log('');
  for (const operation of new Set(rows.map((row) => row.operation))) {
    const group = rows.filter((row) => row.operation === operation);
    const direct = group.filter((r) => !r.target.startsWith('ours') && r.target !== 'peer');
    const slowest = Math.max(...direct.map((r) => r.p50));
    for (const ours of group.filter((r) => r.target.startsWith('ours'))) {
      console.log(
        `${operation} (${ours.target}): gateway p50 ${ours.p50} ms = ${(ours.p50 / slowest).toFixed(2)}× its slowest subgraph call (${slowest} ms)`,
      );
    }
  }
  const memory = Object.entries(facts.rssMb).map(([label, mb]) => `${label} ${mb.toFixed(0)} MB`);
  console.log(`Gateway RSS (largest after a run): ${memory.join(', ')}`);
}

/** The unloaded row of an operation's plan replayed straight against the subgraphs. */
export const wholePlan = 'whole plan straight';

export interface UnloadedRow {
  operation: string;
  target: string;
  p50: number;
  p90: number;
  cpuMsPerRequest: number;
}

/** The one-request-at-a-time latencies, and what each gateway adds over its slowest subgraph call. */
export function printUnloaded(rows: UnloadedRow[]): void {
  console.log('\nOne request at a time (300 each), latency in ms:\n');
  console.log('| operation | target | p50 | p90 | CPU ms/req |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const row of rows) {
    const cpu = Number.isNaN(row.cpuMsPerRequest) ? '' : row.cpuMsPerRequest.toFixed(2);
    console.log(`| ${row.operation} | ${row.target} | ${row.p50.toFixed(2)} | ${row.p90.toFixed(2)} | ${cpu} |`);
  }
  console.log('');
  for (const operation of new Set(rows.map((row) => row.operation))) {
    const group = rows.filter((row) => row.operation === operation);
    const isGateway = (r: UnloadedRow) => r.target.startsWith('ours') || r.target === 'peer';
    const direct = group.filter((r) => !isGateway(r) && r.target !== wholePlan);
    const slowest = Math.max(...direct.map((r) => r.p50));
    const plan = group.find((r) => r.target === wholePlan);
    for (const gateway of group.filter(isGateway)) {
      console.log(
        `${operation} (${gateway.target}), one at a time: p50 ${gateway.p50.toFixed(2)} ms = ` +
          `${(gateway.p50 / slowest).toFixed(2)}× its slowest subgraph call (${slowest.toFixed(2)} ms)` +
          (plan ? `, ${(gateway.p50 / plan.p50).toFixed(2)}× the whole plan sent straight (${plan.p50.toFixed(2)} ms)` : ''),
      );
    }
  }
}
