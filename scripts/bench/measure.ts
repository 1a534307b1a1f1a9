import autocannon from 'autocannon';
import { cpuMs } from './processes.ts';

export interface Target {
  /** Column name: ours, peer, or the subgraph called directly. */
  label: string;
  url: string;
  /** Headers for each request; made fresh per run (internal tokens live 30 s). */
  headers: () => Promise<Record<string, string>>;
  body: string;
  /** The process that answers: its CPU time is measured over each run (and, for gateways, its memory after it). */
  pid?: number;
  /** The subgraph processes a gateway calls: their CPU time is measured too. */
  subgraphPids?: number[];
}

export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU time the answering process spent per request: its own cost, whatever else loads the machine. */
  cpuMsPerRequest: number;
  /** CPU time the subgraphs behind a gateway spent per request (NaN for a subgraph called directly). */
  subgraphCpuMsPerRequest: number;
}

/** One fixed-length load run against a target, over `connections` keep-alive connections. */
export async function measure(target: Target, seconds: number, connections: number): Promise<Sample> {
  const subgraphCpu = () => (target.subgraphPids ? target.subgraphPids.reduce((sum, pid) => sum + cpuMs(pid), 0) : NaN);
  const cpuBefore = cpuMs(target.pid);
  const subgraphCpuBefore = subgraphCpu();
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(await target.headers()) },
    body: target.body,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: (cpuMs(target.pid) - cpuBefore) / result.requests.total,
    subgraphCpuMsPerRequest: (subgraphCpu() - subgraphCpuBefore) / result.requests.total,
  };
}

export const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
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

/** A function that sends the target's request once and waits for the whole answer. */
export async function sender(target: Target): Promise<() => Promise<void>> {
  const headers = { 'content-type': 'application/json', ...(await target.headers()) };
  return async () => {
    const response = await fetch(target.url, { method: 'POST', headers, body: target.body });
    await response.arrayBuffer();
  };
}

/**
 * Latency with nothing else in flight: `requests` sends one after another, timed to a fraction
 * of a millisecond. What a gateway adds to its subgraph calls shows here, not hidden in the
 * queue for two cores that 20 connections build.
 */
export async function measureUnloaded(send: () => Promise<void>, requests: number, pid?: number): Promise<LatencySample> {
  const times: number[] = [];
  const cpuBefore = cpuMs(pid);
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await send();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(requests * 0.5)]!,
    p90: times[Math.floor(requests * 0.9)]!,
    cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / requests,
  };
}
