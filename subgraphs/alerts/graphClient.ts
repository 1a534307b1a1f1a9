import fs from 'node:fs';
import { mintLocalToken } from '../../platform/auth/localIssuer.ts';
import { ConfigError } from '../../platform/config.ts';
import { askGateway, type GatewayAnswer } from '../../platform/gatewayCaller.ts';
import type { StartOptions } from '../kit/subgraph.ts';
import type { GraphAccess } from '../kit/graphAccess.ts';

/**
 * How the alerts service reaches the graph as configured: the gateway at CRG_GATEWAY_URL, with
 * the token in CRG_ALERTS_TOKEN_FILE (read again for each check, so it can be renewed in place),
 * which production requires; development mints one from the hub's local issuer for the
 * alerts-service role.
 */
export function configuredGraphAccess(config: StartOptions['config']): GraphAccess {
  const tokenFile = config.alerts?.tokenFile;
  if (!tokenFile && config.mode === 'production') {
    throw new ConfigError([
      'CRG_ALERTS_TOKEN_FILE must be set in production mode (a token for the alerts-service role from your identity provider)',
    ]);
  }
  const url = config.gatewayUrl ?? 'http://127.0.0.1:4000/graphql';
  return {
    url: () => url,
    token: async () =>
      tokenFile
        ? fs.readFileSync(tokenFile, 'utf8').trim()
        : mintLocalToken(config, { role: 'alerts-service', subject: 'alerts-service@hub', expiresIn: '10m' }),
  };
}

/** Asks the graph one query; a gateway that cannot be reached or answers no GraphQL throws. */
export async function askGraph<T>(graph: GraphAccess, query: string, variables: Record<string, unknown>): Promise<GatewayAnswer<T>> {
  return askGateway<T>(graph.url(), await graph.token(), query, variables);
}
