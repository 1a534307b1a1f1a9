import { createGatewayRuntime, type GatewayPlugin, type PropagateHeadersOpts } from '@graphql-hive/gateway-runtime';
import http from 'node:http';
import type { Identity } from '../platform/auth/identity.ts';
import { CallTokens } from '../platform/auth/callTokens.ts';
import type { Key } from '../platform/auth/keys.ts';

/**
 * Hive Gateway, another Federation 2 gateway, serving a supergraph exactly as it is given (the
 * committed one, unchanged) in front of the hub's subgraphs: for the test that runs the
 * documentation's examples through it (`createHiveGateway`, its runtime in this process) and for
 * the benchmark's peers (scripts/bench/hive/gateway.config.ts, its own command-line gateway). Our
 * subgraphs answer only calls carrying a gateway-signed token addressed to them and bound to the
 * request body (ADR 0003), so each subgraph call is signed here with the gateway key for the
 * identity `identityOf` reads from the request's context, as our gateway does, with the
 * case-access token a sector needs, each reused for 20 s as ours reuses them.
 *
 * The supergraph names the subgraphs' default URLs; each call is sent to the URL `subgraphUrls`
 * gives its subgraph instead, so the supergraph's text need not change.
 */
export interface SubgraphSigningOptions {
  supergraph: string;
  /** Where each subgraph really answers, by name (the catalog's). */
  subgraphUrls: Readonly<Record<string, string>>;
  /** The gateway's private key (the development key or a test hub's). */
  signingKey: Key;
  /** Who a request stands for, from its GraphQL context (its `request`, and whatever plugins added, e.g. `jwt`). */
  identityOf(context: Record<string, unknown>): Identity;
}

/** `url` → `name` of every `@join__graph(name:, url:)` in the supergraph. */
function namedUrls(supergraph: string): Map<string, string> {
  return new Map([...supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(([, name, url]) => [url!, name!]));
}

/** The plugin that sends each subgraph call to its subgraph's real URL, signed for the caller. */
export function subgraphSigning(options: SubgraphSigningOptions): GatewayPlugin {
  const subgraphByUrl = namedUrls(options.supergraph);
  // The same reuse as our gateway's (CallTokens): a fresh signature per call would cost this
  // peer, and the subgraphs verifying each new token behind it, work ours does not do.
  const tokens = new CallTokens(options.signingKey);
  return {
    async onFetch({ url, setURL, options: call, setOptions, context }) {
      const subgraph = subgraphByUrl.get(url);
      const target = subgraph === undefined ? undefined : options.subgraphUrls[subgraph];
      if (!subgraph || !target) throw new Error(`Hive Gateway called ${url}, which is no subgraph of the hub`);
      if (typeof call.body !== 'string') throw new Error(`Hive Gateway's call to ${subgraph} has no text body to sign`);
      const identity = options.identityOf(context as Record<string, unknown>);
      const signed = await tokens.headers(identity, subgraph, call.body);
      setURL(target);
      setOptions({ ...call, headers: { ...Object.fromEntries(new Headers(call.headers as HeadersInit)), ...signed } });
    },
  };
}

export interface HiveGatewayOptions extends Omit<SubgraphSigningOptions, 'identityOf'> {
  /** Who a request stands for, as our gateway would have learnt it from the caller's token. */
  identityOf(request: Request): Identity;
  /** Headers of the request to pass on to every subgraph call it makes. */
  propagateHeaders?: PropagateHeadersOpts<Record<string, unknown>>['fromClientToSubgraphs'];
}

/**
 * Hive Gateway's runtime in this process, with no caller authentication or authorization of its
 * own: `identityOf` says who each request stands for.
 */
export function createHiveGateway(options: HiveGatewayOptions) {
  return createGatewayRuntime({
    supergraph: options.supergraph,
    logging: 'error',
    propagateHeaders: options.propagateHeaders ? { fromClientToSubgraphs: options.propagateHeaders } : undefined,
    plugins: () => [subgraphSigning({ ...options, identityOf: (context) => options.identityOf(context.request as Request) })],
  });
}

/** Serves a Hive Gateway runtime over HTTP on 127.0.0.1 (port 0: any free one) until `close`. */
export async function serveHiveGateway(runtime: ReturnType<typeof createHiveGateway>, port = 0) {
  // The runtime answers its own failures (as a 500), so nothing waits on the promise it returns.
  const server = http.createServer((req, res) => void runtime(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}
