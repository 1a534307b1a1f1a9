import {
  context,
  createContextKey,
  defaultTextMapGetter,
  defaultTextMapSetter,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type http from 'node:http';
import type { Logger } from './logger.ts';
import { operationNamingExporter } from './operationNamingExporter.ts';
import { boundedOperationNames } from './operationNames.ts';
import { readTracingConfig, type TracingConfig } from './tracingConfig.ts';

/*
 * Distributed tracing, shared by the gateway and every subgraph. Off unless configured
 * (tracingConfig.ts): then nothing of the SDK is loaded and callers take the untraced path, so
 * the cost is one `undefined` check where a span would start.
 *
 * What a span may carry: names of services, routes, types, fields and store collections;
 * operation names only as the metrics' rule allows (operationNames.ts); counts, durations, status codes, error classes, the request id and a hash of the
 * operation with its literals removed. Never a variable, an argument, query text, an id of a
 * record, an error message or anything from an answer (docs/adr/0020).
 */

export interface Tracing {
  /** The service the spans come from: `gateway` or a subgraph's name. */
  readonly service: string;
  readonly tracer: Tracer;
  /** Adds the active span's context (`traceparent`) to the headers of a call about to be made. */
  inject(headers: Record<string, string>): void;
  /** The trace context an incoming request names, or none. */
  extract(headers: http.IncomingHttpHeaders): Context;
  /** Exports every span ended so far. */
  flush(): Promise<void>;
  /** Exports what is left and stops. */
  shutdown(): Promise<void>;
}

/** Every span of a request carries its request id, so a trace and the logs meet on it. */
export const requestIdAttribute = 'crg.request_id';
const requestIdKey = createContextKey(requestIdAttribute);

let contextManagerSet = false;

/**
 * Starts exporting this service's spans as `config` says. `global` also makes it the process's
 * tracer provider, for libraries that trace through the OpenTelemetry API themselves (the Apollo
 * gateway's plan, execute and fetch spans): the gateway sets it; in tests, where every service
 * runs in one process, only the gateway does.
 */
export async function startTracing(service: string, config: TracingConfig, options: { global?: boolean } = {}): Promise<Tracing> {
  const [
    sdk,
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { W3CTraceContextPropagator },
    { AsyncLocalStorageContextManager },
    conventions,
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/core'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  // One per process: spans follow a request through its awaits by async local storage.
  if (!contextManagerSet) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManagerSet = true;
  }
  const ratio = new sdk.TraceIdRatioBasedSampler(config.samplerRatio);
  const samplers = {
    always_on: () => new sdk.AlwaysOnSampler(),
    always_off: () => new sdk.AlwaysOffSampler(),
    traceidratio: () => ratio,
    parentbased_always_on: () => new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() }),
    parentbased_always_off: () => new sdk.ParentBasedSampler({ root: new sdk.AlwaysOffSampler() }),
    parentbased_traceidratio: () => new sdk.ParentBasedSampler({ root: ratio }),
  };
  const exporter = operationNamingExporter(
    new OTLPTraceExporter({ url: config.endpoint, headers: config.headers, timeoutMillis: config.exportTimeoutMs }),
    boundedOperationNames(),
  );
  const provider = new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({
      [conventions.ATTR_SERVICE_NAMESPACE]: 'coordinated-response-graph',
      ...config.resourceAttributes,
      [conventions.ATTR_SERVICE_NAME]: config.serviceName ?? config.resourceAttributes[conventions.ATTR_SERVICE_NAME] ?? `crg-${service}`,
    }),
    sampler: samplers[config.sampler](),
    spanProcessors: [
      {
        onStart(span, parentContext) {
          const requestId = parentContext.getValue(requestIdKey);
          if (typeof requestId === 'string') span.setAttribute(requestIdAttribute, requestId);
        },
        onEnd: () => undefined,
        forceFlush: async () => undefined,
        shutdown: async () => undefined,
      },
      new sdk.BatchSpanProcessor(exporter, config.batch),
    ],
  });
  if (options.global) trace.setGlobalTracerProvider(provider);
  // Trace context only: W3C baggage would carry whatever a caller put in it into every service.
  const propagator = new W3CTraceContextPropagator();
  return {
    service,
    tracer: provider.getTracer('coordinated-response-graph'),
    inject: (headers) => propagator.inject(context.active(), headers, defaultTextMapSetter),
    extract: (headers) => propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter),
    flush: () => provider.forceFlush(),
    async shutdown() {
      try {
        await provider.shutdown();
      } finally {
        if (options.global) trace.disable();
      }
    },
  };
}

/**
 * Tracing as the environment configures it for this service (see readTracingConfig), or undefined
 * when it is off. Throws ConfigError when a variable is wrong.
 */
export async function configuredTracing(service: string, logger: Logger, options: { global?: boolean } = {}): Promise<Tracing | undefined> {
  const config = readTracingConfig();
  if (!config) return undefined;
  const tracing = await startTracing(service, config, options);
  // The endpoint is not logged: its address or headers may hold the collector's credentials.
  logger.info({ sampler: config.sampler, ratio: config.samplerRatio }, 'exporting traces over OTLP');
  return {
    ...tracing,
    // A collector that is down must not turn a clean stop into a failed one.
    shutdown: () =>
      tracing.shutdown().catch((error: unknown) => logger.warn({ error: errorType(error) }, 'the last spans were not exported at stop')),
  };
}

/** A bounded name for what went wrong: the error's class, never its message (which may quote data). */
export function errorType(error: unknown): string {
  const name = (error as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name) ? name : '_OTHER';
}

/**
 * Runs `work` in a span of its own, the active one while it runs, ended when it settles; a
 * failure marks the span with its error class. Without tracing, runs `work` alone.
 */
export function inSpan<T>(
  tracing: Tracing | undefined,
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes },
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracing) return work(undefined);
  return tracing.tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', errorType(error));
      throw error;
    } finally {
      span.end();
    }
  });
}

/** An incoming HTTP request as the server span sees it. */
export interface TracedRequest {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  /** A known path or "other": never the URL as sent, whose query string may hold variables. */
  route: string;
  requestId: string;
}

/** Serves one request inside its server span (see requestTracer). */
export type RequestTracer = (request: TracedRequest, serve: () => Promise<void>) => Promise<void>;

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Puts each request served into a server span. `trustIncomingContext` continues the trace the
 * request names: the subgraphs do, for the gateway's calls; the gateway does not, for callers
 * from outside (docs/adr/0020).
 */
export function requestTracer(tracing: Tracing, options: { trustIncomingContext: boolean }): RequestTracer {
  return ({ req, res, route, requestId }, serve) => {
    const parent = (options.trustIncomingContext ? tracing.extract(req.headers) : ROOT_CONTEXT).setValue(requestIdKey, requestId);
    const method = knownMethods.has(req.method ?? '') ? req.method! : '_OTHER';
    const span = tracing.tracer.startSpan(
      `${method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route, 'url.scheme': 'http' } },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (!res.writableFinished) span.setAttribute('error.type', 'connection_closed');
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    return context.with(trace.setSpan(parent, span), serve);
  };
}

/**
 * The active span's trace and span ids, for a log line; nothing outside a span (or with tracing
 * off). A new object each time: pino merges the line's own fields into it.
 */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}
