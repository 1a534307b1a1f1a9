/** Runs the gateway as its own process: `tsx gateway/main.ts`. */
import { ConfigError, readConfig } from '../subgraphs/kit/config.ts';
import { createLogger } from '../subgraphs/kit/logger.ts';
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
    logger,
  });
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.send?.({ ready: 'gateway', url: running.url });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
