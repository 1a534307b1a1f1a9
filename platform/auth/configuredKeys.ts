import type { HubConfig } from '../config.ts';
import { ConfigError } from '../config.ts';
import type { Logger } from '../logger.ts';
import { importKey, loadOrCreateDevelopmentKeys, readJwkFile, type DevelopmentKeys, type Key } from './keys.ts';
import { internalTokenAlgorithm } from './internalToken.ts';

/*
 * Which keys a process uses, from its configuration. Production uses only configured key files
 * and stops when one is missing; development falls back to local keys and says so loudly.
 */

type AuthSettings = Pick<HubConfig, 'mode' | 'auth' | 'dataDir'>;

export function warnDevelopmentKeys(logger: Logger, what: string): void {
  logger.warn(
    `DEVELOPMENT MODE: ${what} uses local keys made by the hub itself (under the data folder). Never use this mode in production: set CRG_MODE=production and configure real keys.`,
  );
}

export async function developmentKeys(config: AuthSettings): Promise<DevelopmentKeys> {
  return loadOrCreateDevelopmentKeys(config.dataDir);
}

/** The gateway's private key for signing internal tokens. */
export async function gatewaySigningKey(config: AuthSettings, logger: Logger): Promise<Key> {
  if (config.auth.gatewayKeyFile) return importKey(readJwkFile(config.auth.gatewayKeyFile, 'CRG_GATEWAY_KEY_FILE'), internalTokenAlgorithm);
  if (config.mode === 'production')
    throw new ConfigError(["CRG_GATEWAY_KEY_FILE must be set in production mode (the gateway's private signing key, a JWK file)"]);
  warnDevelopmentKeys(logger, 'the gateway');
  return importKey((await developmentKeys(config)).gatewayPrivate, internalTokenAlgorithm);
}

/** The gateway's public key, with which a subgraph checks every request came through the gateway. */
export async function gatewayVerifyingKey(config: AuthSettings, logger: Logger): Promise<Key> {
  if (config.auth.gatewayPublicKeyFile) {
    return importKey(readJwkFile(config.auth.gatewayPublicKeyFile, 'CRG_GATEWAY_PUBLIC_KEY_FILE'), internalTokenAlgorithm);
  }
  if (config.mode === 'production') {
    throw new ConfigError(["CRG_GATEWAY_PUBLIC_KEY_FILE must be set in production mode (the gateway's public key, a JWK file)"]);
  }
  warnDevelopmentKeys(logger, 'this subgraph');
  return importKey((await developmentKeys(config)).gatewayPublic, internalTokenAlgorithm);
}
