import { subgraphSchemaFiles } from '../../platform/schemaFiles.ts';
import { loaderById } from '../kit/loaders.ts';
import { defineSubgraph } from '../kit/subgraph.ts';
import { AlertEngine, engineFor, registerEngine } from './engine.ts';
import { configuredGraphAccess } from './graphClient.ts';
import { encryptSubscriptionSecrets } from './encryptSecrets.ts';
import { alertDocuments } from './models.ts';
import { alertResolvers } from './resolvers.ts';

/** Settings where the configuration has none (a test's subgraph configuration). */
const defaultSettings = { checkIntervalMs: 300_000, retryFirstMs: 30_000, giveUpAfterMs: 86_400_000, sweepMs: 1000, tokenFile: undefined };

/**
 * The hub's alerts: it watches the graph for what slipped and tells the systems the lead ministry
 * subscribed (see docs/adr/0016-alerts-from-the-graph.md).
 */
export const alertsSubgraph = defineSubgraph({
  name: 'alerts',
  schemaFiles: subgraphSchemaFiles('alerts', 'service'),
  documents: alertDocuments,
  resolvers: alertResolvers,
  createLoaders: (repos) => ({ engine: engineFor(repos), eventById: loaderById(repos.events) }),
  seed: () => ({}),
  upgrades: [encryptSubscriptionSecrets],
  background: async ({ repos, clock, logger, config, graph }) => {
    const engine = new AlertEngine(
      {
        repos,
        settings: config.alerts ?? defaultSettings,
        mode: config.mode,
        country: config.country,
        logger,
        today: () => clock.now(),
        now: () => new Date(),
      },
      graph ?? configuredGraphAccess(config),
    );
    registerEngine(repos, engine);
    engine.start();
    return engine;
  },
});

export default alertsSubgraph;
