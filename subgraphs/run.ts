/**
 * Runs one subgraph as its own process: `tsx subgraphs/run.ts health`. The start script runs
 * one of these per subgraph; a ministry deploying its own subgraph runs just its own.
 */
import { ConfigError, readConfig } from '../platform/config.ts';
import { DamagedCollectionError } from './kit/store/collectionFile.ts';
import { DataFolderLockedError } from './kit/store/dataFolderLock.ts';
import { createLogger } from '../platform/logger.ts';
import { needsAPersonExitCode, stopOnSignals } from '../platform/shutdown.ts';
import { configuredTracing } from '../platform/tracing.ts';
import { LostCollectionError, startSubgraph } from './kit/subgraph.ts';
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
  const tracing = await configuredTracing(name, logger, { global: true });
  const running = await startSubgraph(definition, { config, port: config.subgraphPorts[name]!, logger, tracing });
  const stopToRestart = stopOnSignals(async () => {
    await running.stop();
    await tracing?.shutdown();
  }, logger);
  // Its memory may now differ from its files: only a fresh start, reading them again, can serve.
  running.store.onFailure(() => stopToRestart('the store failed a write'));
  process.send?.({ ready: name, url: running.url });
} catch (error) {
  // Refusals the operator acts on are one line saying what to do; anything else keeps its stack.
  // A folder in use may be free on the next try; the others stay as they are until someone acts.
  const refusals = [ConfigError, DamagedCollectionError, DataFolderLockedError, LostCollectionError];
  const refused = refusals.some((refusal) => error instanceof refusal);
  console.error(refused ? (error as Error).message : error);
  process.exit(refused && !(error instanceof DataFolderLockedError) ? needsAPersonExitCode : 1);
}
