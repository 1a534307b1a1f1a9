import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { close, createHttpServer, json, listen } from '../subgraphs/kit/http.ts';
import { createLogger, type Logger } from '../subgraphs/kit/logger.ts';
import type { GatewayContext } from './context.ts';
import { graphiqlPage } from './graphiql.ts';
import { SubgraphDataSource } from './subgraphDataSource.ts';
import { readSupergraph } from './supergraph.ts';

export interface GatewayOptions {
  host: string;
  port: number;
  /** Where each subgraph answers, by subgraph name; overrides the URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  supergraphSdl?: string;
  logger?: Logger;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const wantsHtml = (req: http.IncomingMessage) => (req.headers.accept ?? '').includes('text/html');

/** Starts the gateway: plans each query over the subgraphs and serves the IDE page. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('info', { service: 'gateway' });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readSupergraph(),
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph "${name}"`);
      return new SubgraphDataSource(name, target, options.subgraphTimeoutMs);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const ide = async () => ({ status: 200, type: 'text/html; charset=utf-8', body: graphiqlPage('/graphql') });
  const server = createHttpServer({
    apollo,
    context: async (req) => ({
      requestId: String(req.headers['x-request-id'] ?? randomUUID()),
      interimIdentity: typeof req.headers['x-crg-identity'] === 'string' ? req.headers['x-crg-identity'] : undefined,
    }),
    routes: {
      '/': ide,
      '/graphql': async (req) => (wantsHtml(req) ? ide() : json(400, { errors: [{ message: 'Send GraphQL as POST' }] })),
      '/health': async () => json(200, { status: 'ok', service: 'gateway' }),
      '/ready': async () => json(200, { status: 'ready', service: 'gateway' }),
    },
  });
  const port = await listen(server, options.host, options.port);
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`;
  logger.info({ url }, 'gateway ready');
  return {
    url,
    port,
    async stop() {
      await close(server);
      await apollo.stop();
    },
  };
}
