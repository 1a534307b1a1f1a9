import { costPerSector, evaluateTargets, gateways, ratioCeilings, wholePlan, type BenchRun } from './results.ts';

/**
 * One run of `npm run bench` as Markdown: the targets met or not, then every table they were
 * judged on, the machine and the settings. docs/performance/bench-latest.md is this, written by
 * the bench itself.
 */

const ms = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '');
const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '');

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export function benchReport(run: BenchRun, chartFile: string): string {
  const { machine, settings } = run;
  const targets = evaluateTargets(run);
  const met = targets.filter((t) => t.verdict === 'met').length;
  const operations = [...new Set(run.loaded.map((r) => r.operation))];
  const sections: string[] = [];

  sections.push(
    `# Benchmark: latest run\n\n` +
      `Written by \`npm run bench\` on ${run.date}: one run, every figure below from it. ` +
      `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadBefore.map((l) => l.toFixed(2)).join(' / ')} ` +
      `at the start and ${machine.loadAfter.map((l) => l.toFixed(2)).join(' / ')} at the end (1 / 5 / 15 min). ` +
      `How it is measured, and what it does not show: [../performance.md](../performance.md#benchmark).`,
  );

  sections.push(
    `## Settings\n\n` +
      `${settings.rounds} interleaved round${settings.rounds === 1 ? '' : 's'} (each round runs every operation against every gateway in turn) × ${settings.seconds} s ` +
      `per gateway, ${settings.connections} connections; medians over the rounds. One request at a time: ${settings.unloadedRequests} ` +
      `requests per target. Subgraphs on the ${settings.store} store, demo data. Each request carried a caller token of its own ` +
      `(${whole(settings.tokensMinted)} minted, ${whole(settings.tokensMintedDuringRuns)} of them during a run that outran what was minted before it; ` +
      `${ms(settings.mintCpuMsPerToken, 3)} ms of CPU each; subjects drawn from ${Object.entries(settings.populations)
        .map(([role, n]) => `${n} ${role}s`)
        .join(
          ' and ',
        )}); ${settings.tokensReused === 0 ? 'no gateway was sent a token twice' : `**${whole(settings.tokensReused)} requests reused a token**`}.`,
  );

  sections.push(
    `## Targets: ${met} of ${targets.length} met\n\n` +
      table(
        ['target', 'measured', 'verdict'],
        ['l', 'l', 'l'],
        targets.map((t) => [t.target, t.measured, t.verdict === 'met' ? 'met' : `**${t.verdict}**`]),
      ),
  );

  const ratioOf = (operation: string, gateway: string, versus: string) =>
    run.ratios.find((r) => r.operation === operation && r.gateway === gateway && r.versus === versus)?.ratio;
  const x = (value: number | undefined) => (value === undefined ? '' : Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
  sections.push(
    `## Requests per second, ours against each peer\n\n` +
      `Without a cache, ours against Hive with its defaults and with its Rust planner; with a cache, ours against Hive with its response ` +
      `cache, and nothing else (a case-level read is cached by neither). Medians of the per-round ratios.\n\n` +
      table(
        ['operation', 'ours ÷ Hive', 'ours ÷ Hive, Rust planner', 'ours, cached ÷ Hive, cached'],
        ['l', 'r', 'r', 'r'],
        operations.map((op) => [
          op,
          x(ratioOf(op, gateways.ours, gateways.hive)),
          x(ratioOf(op, gateways.ours, gateways.hiveRouter)),
          op === 'CaseWithResponses' ? 'not cached' : x(ratioOf(op, gateways.oursCached, gateways.hiveCached)),
        ]),
      ) +
      `\n\n![Requests per second per operation and gateway](${chartFile})`,
  );

  // A case-level read is cached by neither, so it has no cached ratio to bound.
  const ceilings = ratioCeilings(run).filter(
    (c) => Number.isFinite(c.ceiling) && !(c.gateway === gateways.oursCached && c.operation === 'CaseWithResponses'),
  );
  if (ceilings.length) {
    sections.push(
      `## What this machine allows\n\n` +
        `The load generator runs on the same cores as the gateways and subgraphs. With the cores busy, a gateway answers about ` +
        `cores ÷ (its own + its subgraphs' + the generator's CPU per request) requests/s; so even if our gateway and subgraphs cost ` +
        `nothing, ours could do at most p ÷ g times a peer, where g is the generator's CPU per request driving ours and p the ` +
        `peer's whole CPU per request (its gateway, its subgraphs and the generator driving it). A target above that ceiling cannot ` +
        `be met on this machine, whatever our gateway does. The generator also sends from one Node thread: at g ms per request it ` +
        `cannot send more than 1000 ÷ g requests/s, which over the peer's requests/s is the last column (a bound if g is all spent on ` +
        `that thread, as autocannon's work is).\n\n` +
        table(
          [
            'operation',
            'ratio',
            'measured',
            'g: generator ms/req',
            'p: peer in all ms/req',
            'ceiling p ÷ g',
            'one thread: 1000 ÷ g ÷ peer req/s',
          ],
          ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
          ceilings.map((c) => [
            c.operation,
            `${c.gateway} ÷ ${c.versus}`,
            x(ratioOf(c.operation, c.gateway, c.versus)),
            ms(c.generatorCpuMs),
            ms(c.versusCpuMs),
            x(c.ceiling),
            x(c.generatorLimit),
          ]),
        ),
    );
  }

  if (run.unanswered.length) {
    sections.push(
      `## Operations a peer could not answer\n\n` +
        `Left out of that operation's runs for that peer (and its ratios), with the error it answered and the last one it logged.\n\n` +
        table(
          ['operation', 'gateway', 'error'],
          ['l', 'l', 'l'],
          run.unanswered.map((u) => [u.operation, u.gateway, u.error.replace(/\|/g, '\\|')]),
        ),
    );
  }

  sections.push(
    `## Under load\n\n` +
      `Latency in ms. CPU is per request, from /proc: the gateway's processes (all of them), and all subgraphs together; ` +
      `the generator's is the bench process's own (process.cpuUsage), which sends the requests from the same cores. Subgraph calls: the GraphQL ` +
      `calls the subgraphs answered per request sent, from their metrics; fewer than the plan makes where identical calls in flight were merged. ` +
      `Peak memory: the largest resident set of the gateway's processes together, sampled every 250 ms during the runs.\n\n` +
      table(
        [
          'operation',
          'gateway',
          'req/s',
          'p50',
          'p99',
          'gateway CPU ms/req',
          'subgraphs CPU ms/req',
          'subgraph calls/req',
          'generator CPU ms/req',
          'peak RSS MB',
          'failed',
        ],
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
        run.loaded.map((r) => [
          r.operation,
          r.gateway,
          whole(r.rps),
          whole(r.p50),
          whole(r.p99),
          ms(r.cpuMsPerRequest),
          ms(r.subgraphCpuMsPerRequest),
          ms(r.subgraphCallsPerRequest),
          ms(r.generatorCpuMsPerRequest),
          whole(r.peakRssMb),
          String(r.failed),
        ]),
      ),
  );

  sections.push(
    `## One request at a time\n\n` +
      `"${wholePlan}": the gateway's plan replayed against the subgraphs, its root call then every sector's call at once, with gateway tokens ` +
      `signed before the timing; a subgraph's name: that one call alone.\n\n` +
      table(
        ['operation', 'target', 'p50 ms', 'p90 ms', 'CPU ms/req'],
        ['l', 'l', 'r', 'r', 'r'],
        run.unloaded.map((r) => [r.operation, r.target, ms(r.p50), ms(r.p90), ms(r.cpuMsPerRequest)]),
      ),
  );

  if (run.scaling.length) {
    const targets = [...new Set(run.scaling.map((p) => p.target))];
    const counts = [...new Set(run.scaling.map((p) => p.sectors))].sort((a, b) => a - b);
    sections.push(
      `## Cost per added sector\n\n` +
        `The status query for 1 to ${counts[counts.length - 1]} sectors (one aliased \`sector(id:)\` each), one request at a time; p50 in ms, ` +
        `and the least-squares slope over the counts.\n\n` +
        table(
          ['target', ...counts.map((n) => `${n}`), 'ms per sector'],
          ['l', ...counts.map(() => 'r' as const), 'r'],
          targets.map((t) => [
            t,
            ...counts.map((n) => ms(run.scaling.find((p) => p.target === t && p.sectors === n)?.p50 ?? NaN)),
            ms(costPerSector(run.scaling, t)),
          ]),
        ),
    );
  }

  if (run.caseRead) {
    const { cpuMsBySubgraph, auditBytesPerRead, auditEntryBytesPerRead } = run.caseRead;
    sections.push(
      `## What a case read costs the subgraphs\n\n` +
        `CaseWithResponses through our gateway without its cache: CPU per read of each subgraph its plan calls, and the bytes every ` +
        `CaseWithResponses run appended to the audit files (entries, signed heads, witness) per read, by round and gateway (the audit target is judged on our gateway's rounds).\n\n` +
        table(
          ['subgraph', 'CPU ms per read'],
          ['l', 'r'],
          Object.entries(cpuMsBySubgraph).map(([name, cpu]) => [name, ms(cpu)]),
        ) +
        `\n\nAudit bytes per read, by round and gateway: ${auditBytesPerRead.map((g) => `round ${g.round} ${g.gateway} ${whole(g.bytes)}`).join(', ')}; the entries alone: ${whole(auditEntryBytesPerRead)}.`,
    );
  }

  if (run.loaded.some((r) => r.failed > 0)) sections.push(`**Some requests failed**: see the "failed" column.`);
  return `${sections.join('\n\n')}\n`;
}
