// First: it keeps what @apollo/gateway requires but never runs here from loading with it.
import './unusedApolloDependencies.ts';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type http from 'node:http';
import type { Key } from '../platform/auth/keys.ts';
import type { GatewayLimits } from '../platform/config.ts';
import { close, createHttpServer, json, listen } from '../platform/http.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import type { CallerVerifier } from './auth/callerIdentity.ts';
import type { MintDevelopmentToken } from './auth/fromConfig.ts';
import { fromLoopback } from '../platform/loopback.ts';
import { createServiceMetrics, scrapeRoute } from '../platform/metrics.ts';
import { observeOperations } from '../platform/observeOperations.ts';
import { suggestionOptions } from '../platform/suggestions.ts';
import { traceOperations } from '../platform/traceOperations.ts';
import { requestTracer, type Tracing } from '../platform/tracing.ts';
import { fieldAuthorization } from './authorization/fieldAuthorization.ts';
import { gatewayContext, type GatewayContext } from './context.ts';
import { dashboardRoutes, tokenCommand } from './dashboard.ts';
import { operationChecks, parseFailureAsValidationFailure } from './operationChecks.ts';
import { isCacheableQuery } from './cacheableOperation.ts';
import { chosenOperation } from './chosenOperation.ts';
import { postForPrivateReads } from './postForPrivateReads.ts';
import { oneOperationPerRequest } from './requestShape.ts';
import { statusByMediaType } from './statusByMediaType.ts';
import { SubgraphDataSource, type Shareable } from './subgraphDataSource.ts';
import { trustedDocuments, type TrustedDocumentsOptions } from './trustedDocuments.ts';
import { createGatewayMetrics } from './gatewayMetrics.ts';
import { responseCache } from './responseCache.ts';
import { SubgraphRevisions } from './cache/subgraphRevisions.ts';
import { createSupergraphSource, type ReloadOutcome } from './supergraphSource.ts';
import { ApolloGatewaySharingBuilds } from './sharedSupergraphBuild.ts';

export interface GatewayOptions {
  host: string;
  port: number;
  /** Where each subgraph answers, by subgraph name; overrides the URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** Verifies callers' bearer tokens. */
  verifier: CallerVerifier;
  /** Signs the internal tokens that carry the caller's identity to subgraphs. */
  signingKey: Key;
  limits: GatewayLimits;
  /** Production turns off introspection, the IDE and suggestions in error messages. */
  mode: 'development' | 'production';
  /**
   * Development only, while the local issuer is trusted: for a caller on loopback, the IDE starts
   * with an analyst's token and the dashboard can get one.
   */
  mintDevelopmentToken?: MintDevelopmentToken;
  /** A fixed supergraph; otherwise `supergraphFile` is served and watched for changes. */
  supergraphSdl?: string;
  /** The supergraph file to serve and watch (default: schema/supergraph.graphql). */
  supergraphFile?: string;
  /** How often the supergraph file is checked for a change, in ms; 0 turns watching off. */
  supergraphPollMs?: number;
  /** How long aggregate answers are served from the response cache, in ms; 0 or unset: no cache. */
  responseCacheTtlMs?: number;
  /** The token Prometheus sends to read /metrics (see scrapeRoute); without it, production serves them to no one. */
  metricsToken?: string;
  /** The registered documents and the roles that may run those only; default: the dashboard's manifest, required of no role. */
  trustedDocuments?: TrustedDocumentsOptions;
  /** How long requests in flight may run on after stop() before their connections are cut. */
  shutdownGraceMs?: number;
  logger?: Logger;
  /** Traces requests and subgraph calls when set (platform/tracing.ts; started as the global provider). */
  tracing?: Tracing;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Reads the supergraph file again and serves it if it changed and is valid. */
  reloadSupergraph(): ReloadOutcome;
  /** Stops taking requests (readiness fails at once), finishes those in flight, then stops. */
  stop(): Promise<void>;
}

const wantsHtml = (req: http.IncomingMessage) => (req.headers.accept ?? '').includes('text/html');

/**
 * Starts the gateway: checks each caller and operation, plans it over the subgraphs, serves the
 * IDE page. The steps every GraphQL request goes through, in order, are listed in gateway/README.md.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('info', { service: 'gateway' });
  const metrics = createServiceMetrics('gateway');
  const gatewayMetrics = createGatewayMetrics(metrics);
  const supergraph = createSupergraphSource({
    sdl: options.supergraphSdl,
    file: options.supergraphFile,
    pollMs: options.supergraphPollMs,
    logger,
    metrics: gatewayMetrics,
  });
  // Identical aggregate-only calls in flight share one subgraph answer (see SharedFetches).
  const shareable: Shareable = (fetch) => {
    if (!('incomingRequestContext' in fetch)) return false;
    const { schema, document, operation, context } = fetch.incomingRequestContext;
    // An answer the response cache may keep must be read after its revisions were (responseCache.ts).
    if (cache?.mayKeep(context)) return false;
    return !!document && !!operation && isCacheableQuery(schema, supergraph.policy(), document, operation.operation);
  };
  // One data source (and connection pool) per subgraph and URL, kept across supergraph reloads.
  const dataSources = new Map<string, SubgraphDataSource>();
  // Where each subgraph of the supergraph served now answers, for the response cache's checks.
  const subgraphTargets = new Map<string, string>();
  const cache = options.responseCacheTtlMs
    ? responseCache({
        ttlMs: options.responseCacheTtlMs,
        policy: supergraph.policy,
        metrics,
        revisions: new SubgraphRevisions(() => subgraphTargets, options.signingKey, Math.min(options.subgraphTimeoutMs, 1000)),
      })
    : undefined;
  // @apollo/gateway otherwise reports its host to Apollo every hour and, to describe it, probes
  // the cloud metadata addresses of Alibaba, AWS, Azure and Google at start. The hub reaches
  // its own services only.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGatewaySharingBuilds({
    supergraphSdl: supergraph.hook,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}"`);
      subgraphTargets.set(name, target);
      const key = `${name} ${target}`;
      if (!dataSources.has(key)) {
        dataSources.set(
          key,
          new SubgraphDataSource(name, target, options.subgraphTimeoutMs, options.signingKey, gatewayMetrics, shareable, options.tracing),
        );
      }
      return dataSources.get(key)!;
    },
    experimental_didResolveQueryPlan: cache?.planned,
  });
  const production = options.mode === 'production';
  const suggestions = suggestionOptions(production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    // A request a browser would send cross-site without asking first is refused: it could carry
    // neither a JSON content type nor the caller's token (docs/security.md, GET).
    csrfPrevention: { requestHeaders: ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    persistedQueries: false,
    // The service drains itself on SIGTERM (kit/shutdown.ts). Apollo's own handler would stop the
    // server under requests in flight and raise the signal again, turning one stop into two.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    ...suggestions,
    formatError: (formatted) => parseFailureAsValidationFailure(suggestions.formatError?.(formatted) ?? formatted),
    ...operationChecks(options.limits, { hideSuggestions: production }),
    // In this order: the response cache decides what it may keep before authorization completes the result.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Nothing about operations or the schema goes to Apollo, even where APOLLO_KEY is set.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      observeOperations(metrics, logger),
      chosenOperation(),
      postForPrivateReads(supergraph.policy),
      ...(cache ? [cache.plugin] : []),
      fieldAuthorization(supergraph.policy),
      ...(options.tracing ? [traceOperations<GatewayContext>()] : []),
    ],
  });
  await apollo.start();
  const context = gatewayContext({ verifier: options.verifier, limits: options.limits });

  const ideHeaders = async (req: http.IncomingMessage): Promise<Record<string, string>> => {
    if (!options.mintDevelopmentToken) return {};
    if (!fromLoopback(req)) return { Authorization: `Bearer <a token from \`${tokenCommand('analyst')}\` on the hub's machine>` };
    return { Authorization: `Bearer ${await options.mintDevelopmentToken({ role: 'analyst', expiresIn: '2h' })}` };
  };
  const ide = async (req: http.IncomingMessage) => {
    if (production) return json(404, { errors: [{ message: 'The IDE is off in production mode' }] });
    // Loaded on the first visit, never in production: the page is a 9 MB module that would hold
    // about 35 MB of every gateway's memory.
    const { graphiqlPage } = await import('./graphiql.ts');
    return { status: 200, type: 'text/html; charset=utf-8', body: graphiqlPage('/graphql', await ideHeaders(req)) };
  };
  let draining = false;
  const server = createHttpServer({
    apollo: statusByMediaType(
      trustedDocuments(oneOperationPerRequest(cache ? cache.serve(apollo) : apollo), options.trustedDocuments, logger),
    ),
    context,
    observe: (route, status) => metrics.httpRequests.inc({ route, status }),
    // A caller's own trace context is not continued (docs/adr/0020).
    traceRequest: options.tracing && requestTracer(options.tracing, { trustIncomingContext: false }),
    routes: {
      '/': ide,
      // A browser opening /graphql gets the IDE; a GET with parameters is GraphQL.
      '/graphql': async (req) => (wantsHtml(req) && !req.url?.includes('?') ? ide(req) : null),
      '/health': async () => json(200, { status: 'ok', service: 'gateway' }),
      // Ready once the supergraph is loaded (start-up waits for it) and until shutdown begins.
      '/ready': async () =>
        draining ? json(503, { status: 'shutting down', service: 'gateway' }) : json(200, { status: 'ready', service: 'gateway' }),
      '/metrics': scrapeRoute(metrics, { mode: options.mode, token: options.metricsToken }),
      ...dashboardRoutes(options),
    },
  });
  const port = await listen(server, options.host, options.port);
  const url = `http://${['0.0.0.0', '::'].includes(options.host) ? 'localhost' : options.host}:${port}/graphql`;
  logger.info({ url, mode: options.mode }, 'gateway ready');
  return {
    url,
    port,
    reloadSupergraph: () => supergraph.reload(),
    async stop() {
      draining = true;
      await close(server, options.shutdownGraceMs);
      await apollo.stop();
      await Promise.all([...dataSources.values()].map((source) => source.close()));
      await cache?.close();
    },
  };
}
