import { Counter, Histogram } from 'prom-client';
import { latencyBuckets, type ServiceMetrics } from '../platform/metrics.ts';

/** What only the gateway measures: its calls to each subgraph, and supergraph reloads. */
export interface GatewayMetrics {
  /** Each fetch from a subgraph, by subgraph and outcome (ok, or the failure's kind). */
  readonly subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  /** Fetches that failed (timeout, refused, network), by subgraph: a sector that is not answering. */
  readonly subgraphFetchFailures: Counter<'subgraph' | 'reason'>;
  /** Supergraph reloads, by outcome (applied, unchanged, rejected). */
  readonly supergraphReloads: Counter<'outcome'>;
}

export function createGatewayMetrics(metrics: ServiceMetrics): GatewayMetrics {
  const registers = [metrics.registry];
  return {
    subgraphFetchDuration: new Histogram({
      name: 'crg_subgraph_fetch_duration_seconds',
      help: 'Time for the gateway to fetch from one subgraph, by subgraph and outcome.',
      labelNames: ['subgraph', 'outcome'],
      buckets: latencyBuckets,
      registers,
    }),
    subgraphFetchFailures: new Counter({
      name: 'crg_subgraph_fetch_failures_total',
      help: 'Subgraph fetches that failed, by subgraph and reason (timeout, refused, network, http, not_graphql).',
      labelNames: ['subgraph', 'reason'],
      registers,
    }),
    supergraphReloads: new Counter({
      name: 'crg_supergraph_reloads_total',
      help: 'Supergraph reloads, by outcome: applied, unchanged (same text) or rejected (the old one stays).',
      labelNames: ['outcome'],
      registers,
    }),
  };
}
