import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Key } from '../subgraphs/kit/auth/keys.ts';
import type { GatewayLimits } from '../subgraphs/kit/config.ts';
import { close, createHttpServer, json, listen } from '../subgraphs/kit/http.ts';
import { createLogger, type Logger } from '../subgraphs/kit/logger.ts';
import type { CallerVerifier } from './auth/callerIdentity.ts';
import { readAuthorizationPolicy, supergraphForPlanning } from '../subgraphs/kit/auth/policy.ts';
import type { GatewayContext } from './context.ts';
import { graphiqlPage } from './graphiql.ts';
import { dashboardRoutes } from './dashboard.ts';
import { createOperationGuard, type OperationGuard } from './operationGuard.ts';
import { SubgraphDataSource } from './subgraphDataSource.ts';
import { readSupergraph } from './supergraph.ts';

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
  /** Production turns off introspection and the IDE. */
  mode: 'development' | 'production';
  /** Development only: headers the IDE page starts with (a local token), made per page load. */
  ideHeaders?: () => Promise<Record<string, string>>;
  supergraphSdl?: string;
  logger?: Logger;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const wantsHtml = (req: http.IncomingMessage) => (req.headers.accept ?? '').includes('text/html');

/** Starts the gateway: checks each caller and operation, plans it over the subgraphs, serves the IDE page. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('info', { service: 'gateway' });
  const supergraphSdl = options.supergraphSdl ?? readSupergraph();
  const policy = readAuthorizationPolicy(supergraphSdl);
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphForPlanning(supergraphSdl),
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}"`);
      return new SubgraphDataSource(name, target, options.subgraphTimeoutMs, options.signingKey);
    },
  });
  const production = options.mode === 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    csrfPrevention: true,
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  let guard: OperationGuard | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    const state = { schema: apiSchema, policy };
    if (guard) guard.reset(state);
    else guard = createOperationGuard({ verifier: options.verifier, limits: options.limits, state });
  });
  await apollo.start();
  if (!guard) throw new Error('The gateway started without a schema');
  const operationGuard = guard;

  const ide = async () =>
    production
      ? json(404, { errors: [{ message: 'The IDE is off in production mode' }] })
      : { status: 200, type: 'text/html; charset=utf-8', body: graphiqlPage('/graphql', await options.ideHeaders?.()) };
  const server = createHttpServer({
    apollo,
    guard: operationGuard.guard,
    context: async (req) => ({
      requestId: String(req.headers['x-request-id'] ?? randomUUID()),
      identity: operationGuard.identityOf(req)!,
    }),
    routes: {
      '/': ide,
      '/graphql': async (req) => (wantsHtml(req) ? ide() : json(405, { errors: [{ message: 'Send GraphQL as an HTTP POST with a JSON body' }] })),
      '/health': async () => json(200, { status: 'ok', service: 'gateway' }),
      '/ready': async () => json(200, { status: 'ready', service: 'gateway' }),
      ...dashboardRoutes(options),
    },
  });
  const port = await listen(server, options.host, options.port);
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`;
  logger.info({ url, mode: options.mode }, 'gateway ready');
  return {
    url,
    port,
    async stop() {
      await close(server);
      await apollo.stop();
    },
  };
}
