import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Identity } from '../subgraphs/kit/auth/identity.ts';
import { internalTokenHeader, signInternalToken } from '../subgraphs/kit/auth/internalToken.ts';
import type { Key } from '../subgraphs/kit/auth/keys.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayMetrics } from './gatewayMetrics.ts';

/** What the caller is told when a subgraph cannot answer: which sector, and why. */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(subgraph: string, reason: string) {
    const who = subgraph === 'coordination' ? 'The lead ministry (coordination)' : `The ${subgraph} sector`;
    super(`${who} subgraph did not answer (${reason}); its fields are missing from this answer, everything else is complete`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph },
    });
  }
}

/** A short, bounded label for a failure, for metrics. */
function kindOf(error: unknown): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  const code = e.cause?.code ?? e.code;
  if (code === 'ECONNREFUSED') return 'refused';
  return code ? 'network' : 'other';
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string }; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = e.cause?.code ?? e.code;
  if (code === 'ECONNREFUSED') return 'connection refused: the service is down';
  if (code) return `network error ${code}`;
  return e.message ?? 'unknown error';
}

// Internal tokens live 30 s; one is reused for 20 s for the same caller and subgraph, so a busy
// dashboard does not cost a signature per subgraph call.
const tokenReuseMs = 20_000;

/**
 * Fetches from one subgraph with a bounded timeout, so one slow ministry cannot hold up the
 * whole graph, and turns any failure into an error that names the sector. Each call carries the
 * caller's identity in a token the gateway signs for this subgraph alone. Uses Node's own fetch
 * (undici), which keeps connections to each subgraph alive between requests.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly tokens = new LRUCache<string, string>({ max: 10_000, ttl: tokenReuseMs });

  constructor(
    readonly subgraph: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly signingKey: Key,
    metrics?: GatewayMetrics,
  ) {
    super({ url });
    const timed = async (input: string, init: RequestInit) => {
      const started = performance.now();
      try {
        const response = await fetch(input, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
        const outcome = response.ok ? 'ok' : 'http';
        metrics?.subgraphFetchDuration.observe({ subgraph, outcome }, (performance.now() - started) / 1000);
        if (!response.ok) metrics?.subgraphFetchFailures.inc({ subgraph, reason: 'http' });
        return response;
      } catch (error) {
        const reason = kindOf(error);
        metrics?.subgraphFetchDuration.observe({ subgraph, outcome: reason }, (performance.now() - started) / 1000);
        metrics?.subgraphFetchFailures.inc({ subgraph, reason });
        throw error;
      }
    };
    this.fetcher = timed as unknown as typeof this.fetcher;
  }

  private async tokenFor(identity: Identity): Promise<string> {
    const key = `${identity.role}\n${identity.sector ?? ''}\n${identity.subject}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = await signInternalToken(identity, this.subgraph, this.signingKey);
      this.tokens.set(key, token);
    }
    return token;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context?.identity) request.http?.headers.set(internalTokenHeader, await this.tokenFor(context.identity));
  }

  override didEncounterError(error: Error): never {
    throw new SubgraphUnavailableError(this.subgraph, reasonOf(error, this.timeoutMs));
  }
}
