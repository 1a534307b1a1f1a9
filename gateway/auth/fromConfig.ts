import { developmentKeys, gatewaySigningKey } from '../../platform/auth/configuredKeys.ts';
import type { Key } from '../../platform/auth/keys.ts';
import { mintLocalToken, type TokenRequest } from '../../platform/auth/localIssuer.ts';
import type { HubConfig } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import { callerKeySet, createCallerVerifier, type CallerVerifier } from './callerIdentity.ts';

export type MintDevelopmentToken = (request: Omit<TokenRequest, 'issuer' | 'audience'>) => Promise<string>;

export interface GatewayAuth {
  verifier: CallerVerifier;
  signingKey: Key;
  /** Development only, while the gateway trusts the local issuer: tokens for the IDE and the dashboard. */
  mintDevelopmentToken?: MintDevelopmentToken;
}

/**
 * The gateway's keys from configuration. In development with no key set configured, callers'
 * tokens are checked against the local issuer (`npm run token`) and the IDE starts with a
 * short-lived analyst token in its header editor.
 */
export async function gatewayAuthFromConfig(config: HubConfig, logger: Logger): Promise<GatewayAuth> {
  const signingKey = await gatewaySigningKey(config, logger);
  const configuredKeySet = config.auth.jwksUrl || config.auth.jwksFile;
  if (configuredKeySet || config.mode === 'production') {
    return { verifier: createCallerVerifier(config.auth, callerKeySet(config.auth)), signingKey };
  }
  const local = await developmentKeys(config);
  logger.warn("DEVELOPMENT MODE: callers' tokens are checked against the local issuer; mint one with `npm run token -- --role analyst`.");
  return {
    verifier: createCallerVerifier(config.auth, callerKeySet(config.auth, local.issuerJwks)),
    signingKey,
    mintDevelopmentToken: (request) => mintLocalToken(config, request),
  };
}
