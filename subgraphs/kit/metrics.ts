import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Route } from './http.ts';

/*
 * Prometheus metrics for one service. Each service has its own registry rather than prom-client's
 * global one, so the gateway and the subgraphs can share a process (as they do in the tests)
 * without counting each other's traffic.
 */

// Seconds: from a cached dashboard answer (a few ms) to a subgraph timing out (5 s by default).
export const latencyBuckets = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Operation names come from callers: only this many distinct ones get their own series, so a
// caller inventing names cannot grow the registry without bound. The rest count as "other".
const maxOperationNames = 200;
const plainName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface ServiceMetrics {
  readonly registry: Registry;
  /** Every HTTP request, by route and status: the request rate, refusals included. */
  readonly httpRequests: Counter<'route' | 'status'>;
  /** GraphQL operations executed, by operation name and outcome, with their latency. */
  readonly operationDuration: Histogram<'operation' | 'outcome'>;
  /** Errors in GraphQL answers, by code and, for a sector that did not answer, its subgraph. */
  readonly graphqlErrors: Counter<'code' | 'subgraph'>;
  /** The label for an operation name: bounded in number and in shape. */
  operationLabel(name: string | null | undefined): string;
  /** GET /metrics in Prometheus text format. */
  readonly route: Route;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const seen = new Set<string>();
  return {
    registry,
    httpRequests: new Counter({
      name: 'crg_http_requests_total',
      help: 'HTTP requests answered, by route and status code.',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    operationDuration: new Histogram({
      name: 'crg_graphql_operation_duration_seconds',
      help: 'Time to answer a GraphQL operation, by operation name and outcome (ok, or error when the answer carries errors).',
      labelNames: ['operation', 'outcome'],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'crg_graphql_errors_total',
      help: 'Errors in GraphQL answers, by error code and, for SUBGRAPH_UNAVAILABLE, the sector subgraph that did not answer.',
      labelNames: ['code', 'subgraph'],
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (!plainName.test(name)) return 'other';
      if (seen.has(name)) return name;
      if (seen.size >= maxOperationNames) return 'other';
      seen.add(name);
      return name;
    },
    route: async () => ({ status: 200, type: registry.contentType, body: await registry.metrics() }),
  };
}
