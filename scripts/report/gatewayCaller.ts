import { LocalIssuerNotTrusted, mintLocalToken, type TokenRequest } from '../../platform/auth/localIssuer.ts';
import { ConfigError, readConfig, type HubConfig } from '../../platform/config.ts';
import { askGateway } from '../../platform/gatewayCaller.ts';
import type { SendQuery } from './packQuery.ts';

/* How the report commands reach the gateway: where, with which token, and how they ask. */

/** `--url`, else CRG_GATEWAY_URL, else the local gateway on GATEWAY_PORT. */
export function gatewayUrl(given: string | undefined): string {
  return given ?? process.env.CRG_GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`;
}

/**
 * `--token`, else CRG_TOKEN: a token for `role` from the identity provider, as in production.
 * Only in development, where the gateway trusts the hub's local issuer, is a token for the same
 * role made there (as `npm run token` makes), so the commands work out of the box on a local hub.
 * Anywhere else (production mode, another issuer configured, a configuration production would
 * refuse) `refuse` says a token is needed.
 */
export async function callerToken(
  given: string | undefined,
  request: Pick<TokenRequest, 'role' | 'subject'>,
  refuse: (message: string) => never,
): Promise<string> {
  const token = given ?? process.env.CRG_TOKEN;
  if (token) return token;
  let config: HubConfig;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      refuse(
        `--token (or CRG_TOKEN) is required: no local token is made where the configuration does not read (${error.problems.join('; ')})`,
      );
    }
    throw error;
  }
  try {
    return await mintLocalToken(config, { ...request, expiresIn: '10m' });
  } catch (error) {
    if (error instanceof LocalIssuerNotTrusted) refuse(`--token (or CRG_TOKEN) is required: ${error.message}`);
    throw error;
  }
}

/** Sends each query to the gateway with the token; an answer that is not GraphQL is an error naming the gateway. */
export function sendingTo(url: string, token: string): SendQuery {
  return (query, variables) => askGateway(url, token, query, variables);
}
