/**
 * Runs one subgraph as its own process: `tsx subgraphs/run.ts health`. The start script runs
 * one of these per subgraph; a ministry deploying its own subgraph runs just its own.
 */
import { ConfigError, readConfig } from './kit/config.ts';
import { createLogger } from './kit/logger.ts';
import { stopOnSignals } from './kit/shutdown.ts';
import { startSubgraph } from './kit/subgraph.ts';
import { loadSubgraphDefinition } from './definitions.ts';

const name = process.argv[2];
if (!name) {
  console.error('Usage: tsx subgraphs/run.ts <subgraph name>');
  process.exit(2);
}

try {
  const config = readConfig();
  const definition = await loadSubgraphDefinition(name);
  const logger = createLogger(config.logLevel, { subgraph: name });
  const running = await startSubgraph(definition, { config, port: config.subgraphPorts[name]!, logger });
  stopOnSignals(running.stop, logger);
  process.send?.({ ready: name, url: running.url });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
