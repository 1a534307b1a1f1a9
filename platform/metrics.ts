import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { createHash, timingSafeEqual } from 'node:crypto';
import { json, type Route } from './http.ts';
import { fromLoopback } from './loopback.ts';
import { boundedOperationNames } from './operationNames.ts';

/*
 * Prometheus metrics for one service. Each service has its own registry rather than prom-client's
 * global one, so the gateway and the subgraphs can share a process (as they do in the tests)
 * without counting each other's traffic.
 */

// Seconds: from a cached dashboard answer (a few ms) to a subgraph timing out (5 s by default).
export const latencyBuckets = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ServiceMetrics {
  readonly registry: Registry;
  /** Every HTTP request, by route and status: the request rate, refusals included. */
  readonly httpRequests: Counter<'route' | 'status'>;
  /** GraphQL operations executed, by operation name and outcome, with their latency. */
  readonly operationDuration: Histogram<'operation' | 'outcome'>;
  /** Errors in GraphQL answers, by code and, for a sector that did not answer, its subgraph. */
  readonly graphqlErrors: Counter<'code' | 'subgraph'>;
  /** The label for an operation name: bounded in number and in shape (operationNames.ts). */
  operationLabel(name: string | null | undefined): string;
  /** The Prometheus text page, for anyone: serve it through scrapeRoute. */
  readonly route: Route;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
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
    operationLabel: boundedOperationNames(),
    route: async () => ({ status: 200, type: registry.contentType, body: await registry.metrics() }),
  };
}

/**
 * Who may read a service's metrics. They name operations and sectors, not people, yet tell an
 * outsider what the hub runs and how busy each sector is: so only the scraper holding the token
 * (`CRG_METRICS_TOKEN_FILE`, sent as a bearer token, as Prometheus does with `authorization`), and
 * in development, for convenience, anyone on the service's own machine.
 */
export interface ScrapeAccess {
  mode: 'development' | 'production';
  token: string | undefined;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
const bearerOf = (header: string | undefined) => /^Bearer +(\S+)$/i.exec(header ?? '')?.[1];

/** GET /metrics as ScrapeAccess allows; any other caller is told why not and what would do. */
export function scrapeRoute(metrics: ServiceMetrics, access: ScrapeAccess): Route {
  const expected = access.token === undefined ? undefined : digest(access.token);
  const refuse = (status: number, message: string) => json(status, { errors: [{ message }] });
  return async (req) => {
    const bearer = bearerOf(req.headers.authorization);
    if (expected && bearer !== undefined) {
      if (timingSafeEqual(digest(bearer), expected)) return metrics.route(req);
      return refuse(401, 'The bearer token is not the scrape token in CRG_METRICS_TOKEN_FILE');
    }
    if (access.mode === 'development' && fromLoopback(req)) return metrics.route(req);
    if (expected)
      return refuse(401, 'Metrics are served to the scraper with the token in CRG_METRICS_TOKEN_FILE: send it as a bearer token');
    return refuse(
      403,
      access.mode === 'production'
        ? 'Metrics are served in production only to a scraper holding a token, and CRG_METRICS_TOKEN_FILE is not set'
        : 'Without CRG_METRICS_TOKEN_FILE, metrics are served only to callers on this machine',
    );
  };
}
