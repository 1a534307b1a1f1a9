/** Runs the gateway as its own process: `tsx gateway/main.ts`. */
import { ConfigError, readConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { needsAPersonExitCode, stopOnSignals } from '../platform/shutdown.ts';
import { configuredTracing } from '../platform/tracing.ts';
import { gatewayAuthFromConfig } from './auth/fromConfig.ts';
import { startGateway } from './server.ts';
import { configuredTrustedDocuments } from './trustedDocuments.ts';

/** Aggregate answers are reused for 2 s by default: a dashboard wall refreshing at once costs one fan-out. */
function responseCacheTtlMs(value: string | undefined): number {
  if (value === undefined || value === '') return 2000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    throw new ConfigError([
      `GATEWAY_RESPONSE_CACHE_TTL_MS must be a whole number of milliseconds from 0 to 600000 (got ${JSON.stringify(value)})`,
    ]);
  }
  return ms;
}

try {
  const config = readConfig();
  const logger = createLogger(config.logLevel, { service: 'gateway' });
  // The global provider: the Apollo gateway's own plan, execute and fetch spans go through it.
  const tracing = await configuredTracing('gateway', logger, { global: true });
  const running = await startGateway({
    host: config.host,
    port: config.gatewayPort,
    subgraphUrls: config.subgraphUrls,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    limits: config.limits,
    mode: config.mode,
    metricsToken: config.metricsToken,
    ...(await gatewayAuthFromConfig(config, logger)),
    // A mounted ConfigMap or a deploy step replaces this file; the gateway picks it up live.
    supergraphFile: process.env.CRG_SUPERGRAPH_FILE || undefined,
    responseCacheTtlMs: responseCacheTtlMs(process.env.GATEWAY_RESPONSE_CACHE_TTL_MS),
    trustedDocuments: configuredTrustedDocuments(config),
    logger,
    tracing,
  });
  stopOnSignals(async () => {
    await running.stop();
    await tracing?.shutdown();
  }, logger);
  // `kill -HUP` reloads the supergraph at once, without waiting for the file check.
  process.on('SIGHUP', () => void running.reloadSupergraph());
  process.send?.({ ready: 'gateway', url: running.url });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(error instanceof ConfigError ? needsAPersonExitCode : 1);
}
