import autocannon from 'autocannon';
import { cpuMs, processTree, treeCpuMs, treeRssMb } from './processes.ts';

export interface Target {
  /** Column name: a gateway, or the subgraph called directly. */
  label: string;
  url: string;
  /** Headers the same for every request of a run (made fresh per run: internal tokens live 30 s). */
  headers: () => Promise<Record<string, string>>;
  /**
   * Headers of one request, called for each request as it is sent: its own caller token, and for
   * a case-level read its own request id. Given per run, since each run takes its own tokens.
   */
  perRequest?: () => { headers: () => Record<string, string>; done: () => void };
  body: string;
  /**
   * The answer the target gave in the check before timing (run.ts, checkAnswers): a response
   * other than it counts as failed, unless it is still a clean answer (data, no `errors`), so a
   * 200 carrying GraphQL errors is a failure, not a fast request.
   */
  expectedAnswer?: string;
  /** The process that answers: its CPU time (with its children's) is measured over each run, and its memory during it. */
  pid?: number;
  /** The subgraph processes a gateway calls: their CPU time is measured too. */
  subgraphPids?: number[];
  /** The GraphQL calls the subgraphs have answered so far (subgraphCalls.ts): read before and after each run. */
  subgraphCalls?: () => Promise<number>;
}

export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  requests: number;
  /** CPU time the answering processes spent per request: their own cost, whatever else loads the machine. */
  cpuMsPerRequest: number;
  /** CPU time the subgraphs behind a gateway spent per request (NaN for a subgraph called directly). */
  subgraphCpuMsPerRequest: number;
  /** CPU time per request of each subgraph, by process id. */
  subgraphCpuMsByPid: Map<number, number>;
  /** GraphQL calls the subgraphs answered per request (NaN when not counted). */
  subgraphCallsPerRequest: number;
  /**
   * CPU time of this process, the load generator, per request: autocannon, each request's headers,
   * and any token minted during the run. It runs on the same cores as the gateway and subgraphs.
   */
  generatorCpuMsPerRequest: number;
  /** The largest resident memory of the answering processes together, sampled during the run, MB. */
  peakRssMb: number;
}

const memorySampleMs = 250;

/** One fixed-length load run against a target, over `connections` keep-alive connections. */
export async function measure(target: Target, seconds: number, connections: number): Promise<Sample> {
  const tree = processTree(target.pid);
  const subgraphPids = target.subgraphPids ?? [];
  // Read before the CPU counters start and after they stop, so the reading is no part of the run.
  const callsBefore = target.subgraphCalls ? await target.subgraphCalls() : NaN;
  const subgraphBefore = new Map(subgraphPids.map((pid) => [pid, cpuMs(pid)]));
  const cpuBefore = treeCpuMs(tree);
  let peakRssMb = treeRssMb(tree);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, treeRssMb(tree))), memorySampleMs);
  const perRequest = target.perRequest?.();
  const fixed = { 'content-type': 'application/json', ...(await target.headers()) };
  try {
    const generatorBefore = process.cpuUsage();
    const result = await autocannon({
      url: target.url,
      method: 'POST',
      connections,
      duration: seconds,
      headers: fixed,
      body: target.body,
      ...(target.expectedAnswer === undefined ? {} : { verifyBody: answersAsChecked(target.expectedAnswer) }),
      ...(perRequest
        ? {
            requests: [
              {
                method: 'POST',
                body: target.body,
                setupRequest: (request: autocannon.Request) => ({ ...request, headers: { ...fixed, ...perRequest.headers() } }),
              },
            ],
          }
        : {}),
    });
    const generator = process.cpuUsage(generatorBefore);
    // On a machine too busy to finish one request in the run, nothing here is a measurement.
    const total = result.requests.total || NaN;
    const subgraphCpuMsByPid = new Map(subgraphPids.map((pid) => [pid, (cpuMs(pid) - subgraphBefore.get(pid)!) / total]));
    const cpuMsPerRequest = tree.length ? (treeCpuMs(tree) - cpuBefore) / total : NaN;
    const peak = Math.max(peakRssMb, treeRssMb(tree));
    const callsAfter = target.subgraphCalls ? await settled(target.subgraphCalls) : NaN;
    return {
      rps: result.requests.total ? result.requests.average : NaN,
      p50: result.requests.total ? result.latency.p50 : NaN,
      p99: result.requests.total ? result.latency.p99 : NaN,
      failed: result.errors + result.timeouts + result.non2xx + result.mismatches,
      requests: result.requests.total,
      cpuMsPerRequest,
      subgraphCpuMsPerRequest: subgraphPids.length ? [...subgraphCpuMsByPid.values()].reduce((a, b) => a + b, 0) : NaN,
      subgraphCpuMsByPid,
      // Over the requests sent: those still in flight when the run ended make their calls too.
      subgraphCallsPerRequest: (callsAfter - callsBefore) / (result.requests.sent || NaN),
      generatorCpuMsPerRequest: (generator.user + generator.system) / 1000 / total,
      peakRssMb: peak,
    };
  } finally {
    clearInterval(sampler);
    perRequest?.done();
  }
}

/** A count once it has stopped growing for 100 ms (at most 3 s): the calls of requests still in flight at a run's end included. */
async function settled(count: () => Promise<number>): Promise<number> {
  let last = await count();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await count();
    if (now === last) break;
    last = now;
  }
  return last;
}

/**
 * Whether a response body is the checked answer: the same text, the common case and cheap; or, for
 * a text that differs (autocannon joins a body's chunks as strings, which may split a character),
 * an answer with data and no `errors`.
 */
export function answersAsChecked(expected: string): (body: string | Buffer | undefined) => boolean {
  return (body) => {
    const text = typeof body === 'string' ? body : (body?.toString('utf8') ?? '');
    if (text === expected) return true;
    try {
      const answer = JSON.parse(text) as { data?: unknown; errors?: unknown };
      return answer.data != null && answer.errors === undefined;
    } catch {
      return false;
    }
  };
}

/** The median of the finite values (NaN when there is none). */
export const median = (values: number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface LatencySample {
  p50: number;
  p90: number;
  /** CPU time of the answering process per request (NaN for the whole plan sent straight). */
  cpuMsPerRequest: number;
}

/** A function that sends the target's request once and waits for the whole answer; `done` when the run ends. */
export async function sender(target: Target): Promise<{ send: () => Promise<void>; done: () => void }> {
  const headers = { 'content-type': 'application/json', ...(await target.headers()) };
  const perRequest = target.perRequest?.();
  return {
    send: async () => {
      const response = await fetch(target.url, { method: 'POST', headers: { ...headers, ...perRequest?.headers() }, body: target.body });
      await response.arrayBuffer();
    },
    done: () => perRequest?.done(),
  };
}

/**
 * Latency with nothing else in flight: `requests` sends one after another, timed to a fraction
 * of a millisecond. What a gateway adds to its subgraph calls shows here, not hidden in the
 * queue for two cores that 20 connections build.
 */
export async function measureUnloaded(send: () => Promise<void>, requests: number, pid?: number): Promise<LatencySample> {
  const times: number[] = [];
  const tree = processTree(pid);
  const cpuBefore = treeCpuMs(tree);
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await send();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(requests * 0.5)]!,
    p90: times[Math.floor(requests * 0.9)]!,
    cpuMsPerRequest: tree.length ? (treeCpuMs(tree) - cpuBefore) / requests : NaN,
  };
}
