import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.ts';

/** What the caller is told when a subgraph cannot answer: which sector, and why. */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(subgraph: string, reason: string) {
    const who = subgraph === 'coordination' ? 'The lead ministry (coordination)' : `The ${subgraph} sector`;
    super(`${who} subgraph did not answer (${reason}); its fields are missing from this answer, everything else is complete`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph },
    });
  }
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string }; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = e.cause?.code ?? e.code;
  if (code === 'ECONNREFUSED') return 'connection refused: the service is down';
  if (code) return `network error ${code}`;
  return e.message ?? 'unknown error';
}

/**
 * Fetches from one subgraph with a bounded timeout, so one slow ministry cannot hold up the
 * whole graph, and turns any failure into an error that names the sector. Uses Node's own
 * fetch (undici), which keeps connections to each subgraph alive between requests.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraph: string,
    url: string,
    private readonly timeoutMs: number,
  ) {
    super({ url });
    this.fetcher = ((input: string, init: RequestInit) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(this.timeoutMs) })) as unknown as typeof this.fetcher;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context?.interimIdentity) request.http?.headers.set('x-crg-identity', context.interimIdentity);
  }

  override didEncounterError(error: Error): never {
    throw new SubgraphUnavailableError(this.subgraph, reasonOf(error, this.timeoutMs));
  }
}
