import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanKind, type Span } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import { Pool } from 'undici';
import { callTokensFor, type CallTokens } from '../platform/auth/callTokens.ts';
import { caseAccessTokenHeader, internalTokenHeader } from '../platform/auth/internalToken.ts';
import type { Key } from '../platform/auth/keys.ts';
import { subgraphCatalog } from '../platform/catalog.ts';
import { requestIdHeader } from '../platform/requestId.ts';
import { inSpan, type Tracing } from '../platform/tracing.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayMetrics } from './gatewayMetrics.ts';
import { SharedFetches } from './sharedFetches.ts';
import { postThrough } from './subgraphPost.ts';

/** What the caller is told when a subgraph cannot answer: which sector, and why. */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(subgraph: string, reason: string) {
    const role = subgraphCatalog.find((entry) => entry.name === subgraph)?.role;
    const who =
      role === 'coordination'
        ? 'The lead ministry (coordination)'
        : role === 'service'
          ? `The hub's ${subgraph} service`
          : `The ${subgraph} sector`;
    super(`${who} subgraph did not answer (${reason}); its fields are missing from this answer, everything else is complete`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph },
    });
  }
}

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** A 2xx answer whose body is not a GraphQL response: a proxy's error page, a half-sent body. */
class NotGraphQLError extends Error {
  constructor(readonly what: string) {
    super(`it answered something that is not a GraphQL response (${what})`);
  }
}

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;

/** Whether a call made for this incoming request may share its answer with identical ones in flight. */
export type Shareable = (options: ProcessOptions) => boolean;

/** The body of a 400 answer when it is a GraphQL response carrying errors (and no data); null otherwise. */
function graphqlErrorsIn(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { errors?: unknown; data?: unknown };
    return Array.isArray(parsed.errors) && parsed.errors.length > 0 && parsed.data == null ? text : null;
  } catch {
    return null;
  }
}

const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** A short, bounded label for a failure, for metrics. */
function kindOf(error: unknown): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  const code = e.cause?.code ?? e.code;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || (code && timeoutCodes.has(code))) return 'timeout';
  if (error instanceof HttpStatusError) return 'http';
  if (error instanceof NotGraphQLError) return 'not_graphql';
  if (code === 'ECONNREFUSED') return 'refused';
  return code ? 'network' : 'other';
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const e = error as { code?: string; cause?: { code?: string }; message?: string };
  const code = e.cause?.code ?? e.code;
  switch (kindOf(error)) {
    case 'timeout':
      return `no answer within ${timeoutMs} ms`;
    case 'refused':
      return 'connection refused: the service is down';
    case 'http':
      return `it answered HTTP ${(error as HttpStatusError).status}`;
    case 'not_graphql':
      return (error as NotGraphQLError).message;
    case 'network':
      return `network error ${code}`;
    default:
      return e.message ?? 'unknown error';
  }
}

/**
 * Fetches from one subgraph with a bounded timeout, so one slow ministry cannot hold up the
 * whole graph, and turns any failure into an error that names the sector. Each call carries the
 * caller's identity in a token the gateway signs for this subgraph alone, the request id and,
 * when tracing is on, the trace context.
 *
 * It speaks to the subgraph through its own undici connection pool rather than fetch(): the
 * profile of the bench showed fetch's WHATWG streams, Request objects and per-call abort signals
 * as the largest share of the gateway's own work per subgraph call. The pool keeps connections
 * alive between requests and bounds how many it opens to one subgraph.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;
  private readonly path: string;
  private readonly shared = new SharedFetches<string>();
  private readonly asksCaseRegistry: boolean;
  private readonly target: URL;
  private readonly tokens: CallTokens;

  constructor(
    readonly subgraph: string,
    url: string,
    private readonly timeoutMs: number,
    signingKey: Key,
    private readonly metrics?: GatewayMetrics,
    private readonly shareable: Shareable = () => false,
    private readonly tracing?: Tracing,
  ) {
    this.asksCaseRegistry = subgraphCatalog.find((entry) => entry.name === subgraph)?.role === 'sector';
    const target = new URL(url);
    this.path = `${target.pathname}${target.search}`;
    this.target = target;
    this.tokens = callTokensFor(signingKey);
    this.pool = new Pool(target.origin, {
      connections: 64,
      keepAliveTimeout: 30_000,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connectTimeout: Math.min(timeoutMs, 10_000),
    });
  }

  async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = options.context as GatewayContext | undefined;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    // Shared only among callers who may see the same answer: the same role and sector. Each gets
    // its own parse of the text, because the query planner merges into the objects it receives.
    const text =
      context?.identity && this.shareable(options)
        ? await this.shared.run(`${context.identity.role}\n${context.identity.sector ?? ''}\n${body}`, () => this.send(body, context))
        : await this.send(body, context);
    return this.parse(text);
  }

  /** The answer as a GraphQL response; anything else is this subgraph failing, named as such. */
  private parse(text: string): GatewayGraphQLResponse {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed === 'object' && parsed !== null && ('data' in parsed || 'errors' in parsed)) return parsed as GatewayGraphQLResponse;
    const error = new NotGraphQLError(`${text.length} bytes starting ${JSON.stringify(text.slice(0, 20))}`);
    this.metrics?.subgraphFetchFailures.inc({ subgraph: this.subgraph, reason: kindOf(error) });
    throw new SubgraphUnavailableError(this.subgraph, reasonOf(error, this.timeoutMs));
  }

  private async send(body: string, context: GatewayContext | undefined): Promise<string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (context?.requestId) headers[requestIdHeader] = context.requestId;
    if (context?.identity) {
      headers[internalTokenHeader] = await this.tokens.internalToken(context.identity, this.subgraph, body);
      // Only sector subgraphs ask the registry, and only for callers acting for a sector.
      if (this.asksCaseRegistry && context.identity.sector) {
        headers[caseAccessTokenHeader] = await this.tokens.caseAccessToken(context.identity);
      }
    }
    if (!this.tracing) return this.exchange(headers, body, undefined);
    const port = Number(this.target.port || (this.target.protocol === 'https:' ? 443 : 80));
    const attributes = {
      'crg.subgraph': this.subgraph,
      'http.request.method': 'POST',
      'server.address': this.target.hostname,
      'server.port': port,
    };
    return inSpan(this.tracing, `POST ${this.subgraph}`, { kind: SpanKind.CLIENT, attributes }, (span) => {
      // The subgraph continues this trace under the call's own span.
      this.tracing!.inject(headers);
      return this.exchange(headers, body, span);
    });
  }

  /** One HTTP round trip to the subgraph: its answer's text, or an error naming the sector. */
  private async exchange(headers: Record<string, string>, body: string, span: Span | undefined): Promise<string> {
    const started = performance.now();
    try {
      const answer = await postThrough(this.pool, this.path, headers, body);
      span?.setAttribute('http.response.status_code', answer.status);
      if (answer.status === 400) {
        // The subgraph answered and refused the request: a variable its scalars reject (an
        // impossible date), say. That is the caller's error, named by the subgraph, not an outage.
        const refusal = graphqlErrorsIn(answer.text);
        if (!refusal) throw new HttpStatusError(answer.status);
        this.metrics?.subgraphFetchDuration.observe(
          { subgraph: this.subgraph, outcome: 'caller_error' },
          (performance.now() - started) / 1000,
        );
        return refusal;
      }
      if (answer.status < 200 || answer.status >= 300) throw new HttpStatusError(answer.status);
      if (!/json/i.test(answer.contentType)) {
        throw new NotGraphQLError(`HTTP ${answer.status}, ${answer.contentType || 'no content type'}`);
      }
      const { text } = answer;
      this.metrics?.subgraphFetchDuration.observe({ subgraph: this.subgraph, outcome: 'ok' }, (performance.now() - started) / 1000);
      return text;
    } catch (error) {
      const reason = kindOf(error);
      this.metrics?.subgraphFetchDuration.observe({ subgraph: this.subgraph, outcome: reason }, (performance.now() - started) / 1000);
      this.metrics?.subgraphFetchFailures.inc({ subgraph: this.subgraph, reason });
      throw new SubgraphUnavailableError(this.subgraph, reasonOf(error, this.timeoutMs));
    }
  }

  /**
   * Drops the pooled connections once the gateway has stopped serving: any call still running
   * then answers nobody (its caller's connection was cut after the grace period).
   */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
