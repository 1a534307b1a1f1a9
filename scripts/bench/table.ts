export interface Row {
  operation: string;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** Our throughput over the peer's, median of the per-round ratios (ours only). */
  ratio?: number;
}

export interface RunFacts {
  seconds: number;
  rounds: number;
  connections: number;
  cpus: number;
  oursRssMb: number;
  peerRssMb: number;
}

/** Prints the results as a Markdown table, ready to paste into the README. */
export function printTable(rows: Row[], facts: RunFacts): void {
  console.log(
    `\n${facts.rounds} interleaved rounds × ${facts.seconds} s per target, ${facts.connections} connections, ${facts.cpus} CPUs; ` +
      `medians over rounds; latency in ms.\n`,
  );
  console.log('| operation | target | req/s | p50 | p99 | failed | ours ÷ peer |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`;
    console.log(`| ${row.operation} | ${row.target} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.failed} | ${ratio} |`);
  }
  console.log('');
  for (const operation of new Set(rows.map((row) => row.operation))) {
    const group = rows.filter((row) => row.operation === operation);
    const ours = group.find((r) => r.target === 'ours')!;
    const direct = group.filter((r) => r.target !== 'ours' && r.target !== 'peer');
    const slowest = Math.max(...direct.map((r) => r.p50));
    console.log(`${operation}: gateway p50 ${ours.p50} ms = ${(ours.p50 / slowest).toFixed(2)}× its slowest subgraph call (${slowest} ms)`);
  }
  console.log(`Gateway RSS (max after a run): ours ${facts.oursRssMb.toFixed(0)} MB, peer ${facts.peerRssMb.toFixed(0)} MB`);
}
