/** Runs the gateway as its own process: `tsx gateway/main.ts`. */
import { ConfigError, readConfig } from '../subgraphs/kit/config.ts';
import { createLogger } from '../subgraphs/kit/logger.ts';
import { stopOnSignals } from '../subgraphs/kit/shutdown.ts';
import { gatewayAuthFromConfig } from './auth/fromConfig.ts';
import { startGateway } from './server.ts';

try {
  const config = readConfig();
  const logger = createLogger(config.logLevel, { service: 'gateway' });
  const running = await startGateway({
    host: config.host,
    port: config.gatewayPort,
    subgraphUrls: config.subgraphUrls,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    limits: config.limits,
    mode: config.mode,
    ...(await gatewayAuthFromConfig(config, logger)),
    // A mounted ConfigMap or a deploy step replaces this file; the gateway picks it up live.
    supergraphFile: process.env.CRG_SUPERGRAPH_FILE || undefined,
    logger,
  });
  stopOnSignals(running.stop, logger);
  // `kill -HUP` reloads the supergraph at once, without waiting for the file check.
  process.on('SIGHUP', () => void running.reloadSupergraph());
  process.send?.({ ready: 'gateway', url: running.url });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
