import autocannon from 'autocannon';

export interface Target {
  /** Column name: ours, peer, or the subgraph called directly. */
  label: string;
  url: string;
  /** Headers for each request; made fresh per run (internal tokens live 30 s). */
  headers: () => Promise<Record<string, string>>;
  body: string;
  /** The process whose memory is sampled after each run. */
  pid?: number;
}

export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

/** One fixed-length load run against a target, over `connections` keep-alive connections. */
export async function measure(target: Target, seconds: number, connections: number): Promise<Sample> {
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
  };
}

export const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
