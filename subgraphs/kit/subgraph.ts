import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type http from 'node:http';
import type { GraphQLScalarType } from 'graphql';
import { openAuditLog, type AuditLogKeys, type AuditRepositories } from './audit/auditLog.ts';
import { auditHeadDocument } from './audit/auditEntry.ts';
import { configuredAuditLogKeys } from './audit/configuredAudit.ts';
import { fixedClock, systemClock, type Clock } from './clock.ts';
import type { CountryId, HubConfig } from '../../platform/config.ts';
import type { DocumentSpec } from './documents.ts';
import { StoreUnavailableError } from './errors.ts';
import { close, createHttpServer, json, listen, type PostRoute } from '../../platform/http.ts';
import { caseRegistryFor, type CaseRegistry } from './caseRegistry.ts';
import { gatewayVerifyingKey } from '../../platform/auth/configuredKeys.ts';
import type { Identity } from '../../platform/auth/identity.ts';
import { caseAccessTokenFor, caseAccessTokenHeader, internalTokenHeader } from '../../platform/auth/internalToken.ts';
import type { Key } from '../../platform/auth/keys.ts';
import type { Keyring } from './fieldEncryption/keyring.ts';
import type { GraphAccess } from './graphAccess.ts';
import { subgraphStore, warnOfRecordsInClear } from './fieldEncryption/subgraphStore.ts';
import { createLogger, type Logger } from '../../platform/logger.ts';
import { createServiceMetrics, scrapeRoute } from '../../platform/metrics.ts';
import { observeOperations } from '../../platform/observeOperations.ts';
import { requestIdHeader } from '../../platform/requestId.ts';
import { suggestionOptions } from '../../platform/suggestions.ts';
import { traceOperations } from '../../platform/traceOperations.ts';
import { requestTracer, type Tracing } from '../../platform/tracing.ts';
import { traceRootFields } from './tracedResolvers.ts';
import { executableSchema } from './executableSchema.ts';
import { demoSeedCollections, writeDemoSeed } from './demoSeed.ts';
import { tracedStore } from './store/tracedStore.ts';
import { revisedStore } from './store/revisedStore.ts';
import { revisionRoute } from './revisionRoute.ts';
import { leasesOn } from './revisionLeases.ts';
import { RevisionCounter, revisionsCollection, storeRevision } from './revisions.ts';
import { revisionPath } from '../../platform/subgraphRevision.ts';
import { cachedRevisionVerifier, cachedTokenVerifier } from './verifiedTokens.ts';
import { openRepositories, type Draft, type Repository } from './repository.ts';
import { createStore } from './store/createStore.ts';
import { DuplicateKeyError, type Store, type StoredDocument } from './store/port.ts';

type Specs = Record<string, DocumentSpec<any>>;
export type Repositories<S extends Specs> = { [K in keyof S]: Repository<NonNullable<S[K]['__type']>> };

/** What every resolver receives. `loaders` are made fresh for each request. */
export interface SubgraphContext<S extends Specs = Specs, L = unknown> {
  repos: Repositories<S>;
  loaders: L;
  clock: Clock;
  requestId: string;
  /** Writes the request id on every line. */
  logger: Logger;
  /** The caller, as the gateway verified it. Check it with requireScopes / requireOwnSector. */
  identity: Identity;
  /** Whether the caller may see a case now, as the case registry decides (sector subgraphs ask it). */
  caseRegistry: CaseRegistry;
  /** The country the hub serves, e.g. to name the areas a sector's records lie in. */
  country: CountryId;
}

/** Demo data per collection key, written in order through the repositories (so it is validated too). */
export type SeedData<S extends Specs> = { [K in keyof S]?: Draft<NonNullable<S[K]['__type']> & StoredDocument>[] };

/**
 * Resolvers by type and field. Kept loose on purpose: resolver signatures are checked against
 * each subgraph's own context type where they are written.
 */
export type Resolvers = Record<string, GraphQLScalarType | Record<string, unknown>>;

/** Everything the kit needs to run one subgraph. Each subgraph folder exports one. */
export interface SubgraphDefinition<S extends Specs = Specs, L = unknown> {
  name: string;
  schemaFiles: string[];
  resolvers: Resolvers;
  documents: S;
  createLoaders(repos: Repositories<S>, clock: Clock): L;
  seed(country: CountryId): SeedData<S>;
  /**
   * Work done at start, before the subgraph reports ready (`/ready` answers 503 until every task
   * has finished): reading what it keeps in memory, so the first request after ready is served
   * as fast as the later ones. A task that fails is logged and start goes on: what it would have
   * prepared is then made by the first request that needs it.
   */
  warmUp?: WarmUpTask<S, L>[];
  /**
   * Upgrades of what an earlier version of the subgraph stored, run in order at start before the
   * store is seeded or checked for lost collections and before anything is served. Each finds for
   * itself what is left to upgrade, so a start stopped half-way is finished by the next, and none
   * deletes what was stored. One that fails stops start. Once start has found no collection lost,
   * each that ran is recorded under its name in the store (`storeUpgrades`) and not run again, so
   * later starts do not pay for reading what it upgraded: rename one only to run it again.
   */
  upgrades?: UpgradeTask<S>[];
  /**
   * Collections the demo data fills that a store may rightly hold empty while others hold data
   * (records kept from a later version on, such as reports a store written before kept none of):
   * the lost-collection check passes them over.
   */
  mayBeEmpty?: readonly string[];
  /** Routes taking a JSON body by POST beside GraphQL, for other subgraphs of the hub. */
  postRoutes?(services: RouteServices<S, L>): Record<string, PostRoute>;
  /**
   * Work the subgraph runs beside serving requests (the alerts' checks and deliveries): started
   * once the store is open and checked, before the subgraph serves, and stopped before its store
   * closes.
   */
  background?(services: BackgroundServices<S>): Promise<BackgroundWork>;
}

/** What background work may use. */
export interface BackgroundServices<S extends Specs = Specs> {
  repos: Repositories<S>;
  clock: Clock;
  logger: Logger;
  config: StartOptions['config'];
  /** How to ask the graph through the gateway, when the caller of startSubgraph gave one. */
  graph: GraphAccess | undefined;
}

export interface BackgroundWork {
  /** Resolves once no work is in flight; nothing is started after. */
  stop(): Promise<void>;
}

/** What a POST route may use. */
export interface RouteServices<S extends Specs = Specs, L = unknown> {
  repos: Repositories<S>;
  createLoaders(): L;
  clock: Clock;
  logger: Logger;
  /** The gateway's public key: a route checks the gateway's token with it. */
  gatewayKey: Key;
}

/** What a warm-up task may use: the subgraph's repositories, loaders made for it, clock and configuration. */
export interface WarmUpServices<S extends Specs = Specs, L = unknown> {
  repos: Repositories<S>;
  loaders: L;
  clock: Clock;
  logger: Logger;
  config: StartOptions['config'];
}

export interface WarmUpTask<S extends Specs = Specs, L = unknown> {
  /** Says in the logs what was warmed. */
  name: string;
  run(services: WarmUpServices<S, L>): Promise<void>;
}

/** What an upgrade may use: the subgraph's repositories, its store, its country, clock and logger. */
export interface UpgradeServices<S extends Specs = Specs> {
  repos: Repositories<S>;
  /**
   * The store as it is, under any field encryption: for an upgrade that finds records kept in clear
   * from before a field was encrypted, which the repositories refuse to read.
   */
  store: Store;
  country: CountryId;
  clock: Clock;
  logger: Logger;
}

export interface UpgradeTask<S extends Specs = Specs> {
  /** Says in the logs what was upgraded. */
  name: string;
  run(services: UpgradeServices<S>): Promise<void>;
}

/** Lets a subgraph folder declare its definition with its own types checked. */
export function defineSubgraph<S extends Specs, L>(definition: SubgraphDefinition<S, L>): SubgraphDefinition<S, L> {
  return definition;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  store: Store;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Pick<HubConfig, 'country' | 'store' | 'dataDir' | 'mongodbUri' | 'host' | 'today' | 'logLevel' | 'mode' | 'auth'> &
    Partial<
      Pick<
        HubConfig,
        | 'pathwayRereadAfterMs'
        | 'subgraphUrls'
        | 'metricsToken'
        | 'audit'
        | 'encryptionKeyFiles'
        | 'mongodbDatabasePrefix'
        | 'gatewayUrl'
        | 'alerts'
      >
    >;
  port: number;
  /** A store made by the caller (tests share one to count its queries); the configured one otherwise. */
  store?: Store;
  /**
   * Start stops when a collection the demo data fills is empty while others hold data (see
   * LostCollectionError). Off only for a store a test filled with part of the data on purpose.
   */
  refuseLostCollections?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** The gateway's public key (tests pass one); read from configuration otherwise. */
  gatewayPublicKey?: Key;
  /** Where the case registry (coordination) answers; `config.subgraphUrls.coordination` otherwise. */
  caseRegistryUrl?: string;
  /** The audit log's signing key and witness (tests pass in-memory ones); from configuration otherwise. */
  audit?: AuditLogKeys;
  /** The keyring for the identifying details the subgraph keeps (tests pass one); read from configuration otherwise. */
  encryptionKeys?: Keyring;
  /** How background work asks the graph (tests pass their gateway and issuer); the subgraph's own configured way otherwise. */
  graph?: GraphAccess;
  /** Traces requests, root fields and store calls when set (platform/tracing.ts). */
  tracing?: Tracing;
}

/** An upgrade the store has finished. */
interface FinishedUpgrade extends StoredDocument {
  finishedAt: Date;
}

/** Where a store records the upgrades it has finished; outside the definition's collections, so no seed or check counts it. */
export const upgradeLedger = 'storeUpgrades';

/**
 * Runs, in order, the upgrades this store has not finished. Returns a function that records them
 * as finished, to be called once start has checked the store: an upgrade that ran on a collection
 * found lost afterwards must run again once the collection is restored.
 */
async function runUpgrades<S extends Specs>(
  upgrades: readonly UpgradeTask<S>[],
  store: Store,
  services: UpgradeServices<S>,
): Promise<() => Promise<void>> {
  if (upgrades.length === 0) return async () => undefined;
  const ledger = store.collection<FinishedUpgrade>(upgradeLedger);
  const finished = new Set((await ledger.find({})).map((record) => record._id));
  const ran: string[] = [];
  for (const upgrade of upgrades) {
    if (finished.has(upgrade.name)) continue;
    await upgrade.run({ ...services, logger: services.logger.child({ upgrade: upgrade.name }) });
    ran.push(upgrade.name);
  }
  return async () => {
    for (const name of ran) {
      try {
        await ledger.insertMany([{ _id: name, version: 1, finishedAt: services.clock.now() }]);
      } catch (error) {
        // Another replica starting on the same store recorded it first.
        if (!(error instanceof DuplicateKeyError)) throw error;
      }
    }
  };
}

/** Loads the demo data when every collection is empty, i.e. on first run. */
async function seedIfEmpty<S extends Specs>(
  definition: SubgraphDefinition<S, unknown>,
  repos: Repositories<S>,
  country: CountryId,
  logger: Logger,
): Promise<void> {
  const counts = await Promise.all((Object.values(repos) as Repository<StoredDocument>[]).map((repo) => repo.count()));
  if (counts.some((n) => n > 0)) return;
  const written = await writeDemoSeed(definition, repos, country);
  // A subgraph with no demo data (alerts) has loaded nothing: saying so at every start would mislead.
  if (written === 0) return;
  logger.info({ subgraph: definition.name, country, documents: written }, 'loaded demo data');
}

/**
 * Start stops with this when a collection the demo data fills holds nothing while others hold
 * data: its file was emptied or lost, and serving on would show, say, a sector with no
 * responsibilities as if it had none.
 */
export class LostCollectionError extends Error {
  constructor(subgraph: string, collections: { key: string; location: string }[]) {
    super(
      `Refusing to start the ${subgraph} subgraph: ${collections.map((c) => `${c.key} (${c.location})`).join(', ')} ` +
        `hold${collections.length === 1 ? 's' : ''} no record while its other collections hold data, and records are never ` +
        `deleted from ${collections.length === 1 ? 'it' : 'them'}: the data was lost or emptied outside the hub. Restore the ` +
        `folder from a backup with \`npm run restore\`; nothing was changed.`,
    );
    this.name = 'LostCollectionError';
  }
}

/** See LostCollectionError. Run after seeding, so a store that was empty throughout is seeded, not refused. */
async function refuseLostCollections<S extends Specs>(
  definition: SubgraphDefinition<S, unknown>,
  repos: Repositories<S>,
  store: Store,
  country: CountryId,
): Promise<void> {
  const filled = demoSeedCollections(definition, country).filter((key) => !definition.mayBeEmpty?.includes(key));
  const counts = await Promise.all(filled.map(async (key) => [key, await repos[key as keyof S].count()] as const));
  const empty = counts.filter(([, n]) => n === 0).map(([key]) => key);
  // Seeding has run, so an empty seeded collection means some other collection held data.
  if (empty.length === 0) return;
  throw new LostCollectionError(
    definition.name,
    empty.map((key) => ({ key, location: store.location(repos[key as keyof S].spec.collection) })),
  );
}

/** Runs the definition's warm-up tasks side by side; each failure is logged, none stops start. */
async function warmUp<S extends Specs, L>(definition: SubgraphDefinition<S, L>, services: WarmUpServices<S, L>): Promise<void> {
  await Promise.all(
    (definition.warmUp ?? []).map(async (task) => {
      const started = performance.now();
      try {
        await task.run(services);
        services.logger.info({ task: task.name, ms: Math.round(performance.now() - started) }, 'warmed up');
      } catch (error) {
        services.logger.error(
          { task: task.name, error: (error as Error).message },
          'warm-up failed; the first request that needs it will do it',
        );
      }
    }),
  );
}

/**
 * Builds the federated schema, opens the store, upgrades what it holds, seeds it if empty, starts serving and runs the
 * warm-up tasks; resolves once ready.
 */
export async function startSubgraph<S extends Specs, L>(
  definition: SubgraphDefinition<S, L>,
  options: StartOptions,
): Promise<RunningSubgraph> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel, { subgraph: definition.name });
  const clock = options.clock ?? (config.today ? fixedClock(config.today) : systemClock);
  // Before the store opens: production stops here when the audit key or witness is not configured.
  const keptAudit = 'auditLog' in definition.documents && 'auditHead' in definition.documents;
  const auditKeys = keptAudit ? (options.audit ?? (await configuredAuditLogKeys(config, definition.name, logger))) : undefined;
  const store = options.store ?? (await createStore(config, definition.name));
  try {
    return await serve(definition, options, { store, clock, logger, auditKeys });
  } catch (error) {
    // Start stopped half-way: let go of the store (and the lock on its folder) before saying why.
    if (!options.store) await store.close().catch(() => undefined);
    throw error;
  }
}

/** Everything after the store is open: repositories, upgrades, seed, checks, the server, warm-up. */
async function serve<S extends Specs, L>(
  definition: SubgraphDefinition<S, L>,
  options: StartOptions,
  opened: { store: Store; clock: Clock; logger: Logger; auditKeys: AuditLogKeys | undefined },
): Promise<RunningSubgraph> {
  const { config } = options;
  const { store, clock, logger, auditKeys } = opened;
  store.onFailure((error) => {
    // The caller's message leaves the file out; the operator's names it.
    const collection = error instanceof StoreUnavailableError ? error.collection : undefined;
    logger.error(
      { error: error.message, file: collection && store.location(collection) },
      'the store failed a write; it refuses everything until restart',
    );
  });
  // Every write moves the store's revision on, which the gateway's response cache checks; the
  // audit log's appends record reads, and move nothing (see revisedStore).
  const auditCollections = ['auditLog', 'auditHead'].flatMap((key) => definition.documents[key]?.collection ?? []);
  // A store only this process writes to grants the gateways leases on its revision, and each
  // write waits for the gateways holding one to hear of it (kit/revisionLeases.ts).
  const revisionCounter = new RevisionCounter(storeRevision, store.collection(revisionsCollection));
  const currentRevision = () => revisionCounter.currentInEpoch();
  const leases = leasesOn(store, currentRevision);
  const revised = revisedStore(store, { unrevised: auditCollections, revised: leases && (() => leases.written()) });
  const encrypting = subgraphStore(revised, definition.documents, {
    subgraph: definition.name,
    config,
    logger,
    keyring: options.encryptionKeys,
  });
  const served = options.tracing ? tracedStore(encrypting, options.tracing, definition.documents) : encrypting;
  const repos = (await openRepositories(served, definition.documents)) as Repositories<S>;
  if (auditKeys) {
    openAuditLog(repos as unknown as AuditRepositories, definition.name, auditKeys, {
      compactHead: store.compact && (() => store.compact!(auditHeadDocument.collection)),
      logger,
    });
  }
  const recordUpgradesFinished = await runUpgrades(definition.upgrades ?? [], store, {
    repos,
    store,
    country: config.country,
    clock,
    logger,
  });
  await seedIfEmpty(definition, repos, config.country, logger);
  if (options.refuseLostCollections !== false) await refuseLostCollections(definition, repos, store, config.country);
  await recordUpgradesFinished();
  // Upgrades write to the store itself, and the store may have been restored since the last start:
  // the counter moves on in a new epoch, so no answer the gateway kept before this start is served.
  await revisionCounter.renew();
  await warnOfRecordsInClear(store, definition.documents, definition.name, logger);

  const gatewayKey = options.gatewayPublicKey ?? (await gatewayVerifyingKey(config, logger));
  // Tracing wraps the root fields of the schema it is given, so a traced subgraph gets its own.
  const schema = executableSchema(definition.schemaFiles, definition.resolvers, { fresh: Boolean(options.tracing) });
  if (options.tracing) traceRootFields(schema, options.tracing);
  // Every request needs the gateway's token, introspection included. Inline tracing is off: it
  // would send resolver timings back with every answer, for nobody to read.
  const metrics = createServiceMetrics(definition.name);
  const apollo = new ApolloServer<SubgraphContext<S, L>>({
    schema,
    introspection: config.mode !== 'production',
    includeStacktraceInErrorResponses: false,
    // The service drains itself on SIGTERM (kit/shutdown.ts). Apollo's own handler would stop the
    // server under requests in flight and raise the signal again, turning one stop into two.
    stopOnTerminationSignals: false,
    ...suggestionOptions(config.mode === 'production'),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      observeOperations(metrics, logger),
      ...(options.tracing ? [traceOperations<SubgraphContext<S, L>>()] : []),
    ],
  });
  await apollo.start();

  const verifyToken = cachedTokenVerifier(definition.name, gatewayKey);
  const registryUrl = options.caseRegistryUrl ?? config.subgraphUrls?.coordination;
  const header = (req: http.IncomingMessage, name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const context = async (req: http.IncomingMessage, rawBody: string): Promise<SubgraphContext<S, L>> => {
    const requestId = String(req.headers[requestIdHeader]);
    const identity = await verifyToken(header(req, internalTokenHeader), rawBody);
    return {
      repos,
      loaders: definition.createLoaders(repos, clock),
      clock,
      requestId,
      logger: logger.child({ requestId }),
      identity,
      caseRegistry: caseRegistryFor(registryUrl, caseAccessTokenFor(identity, header(req, caseAccessTokenHeader)), {
        requestId,
        tracing: options.tracing,
      }),
      country: config.country,
    };
  };
  let draining = false;
  let warming = true;
  const server = createHttpServer({
    apollo,
    context,
    observe: (route, status) => metrics.httpRequests.inc({ route, status }),
    // Only the gateway (and a subgraph asking the case registry) calls a subgraph: its trace is continued.
    traceRequest: options.tracing && requestTracer(options.tracing, { trustIncomingContext: true }),
    // The gateway always POSTs, with a token bound to the body: a GET has none to bind.
    graphqlGet: false,
    postRoutes: definition.postRoutes?.({ repos, createLoaders: () => definition.createLoaders(repos, clock), clock, logger, gatewayKey }),
    routes: {
      '/health': async () => json(200, { status: 'ok', subgraph: definition.name }),
      '/metrics': scrapeRoute(metrics, { mode: config.mode, token: config.metricsToken }),
      [revisionPath]: revisionRoute({
        current: currentRevision,
        leases,
        verifyToken: cachedRevisionVerifier(definition.name, gatewayKey),
        holding: () => !draining,
      }),
      '/ready': async () =>
        draining
          ? json(503, { status: 'shutting down', subgraph: definition.name })
          : warming
            ? json(503, { status: 'warming up', subgraph: definition.name })
            : (await store.ping())
              ? json(200, { status: 'ready', subgraph: definition.name, store: store.kind })
              : json(503, { status: 'store unavailable', subgraph: definition.name }),
    },
  });
  const background = await definition.background?.({ repos, clock, logger, config, graph: options.graph });
  let port: number;
  try {
    port = await listen(server, config.host, options.port);
  } catch (error) {
    await background?.stop();
    throw error;
  }
  const url = `http://${config.host}:${port}/graphql`;
  // Listening already, so /health answers and /ready says why it is not ready yet.
  await warmUp(definition, { repos, loaders: definition.createLoaders(repos, clock), clock, logger, config });
  warming = false;
  logger.info({ url, store: store.kind }, `subgraph ${definition.name} ready`);

  return {
    name: definition.name,
    url,
    port,
    store,
    async stop() {
      draining = true;
      leases?.answerHeld();
      await close(server);
      await apollo.stop();
      await background?.stop();
      if (!options.store) await store.close();
      if (auditKeys && !options.audit) await auditKeys.witness.close();
    },
  };
}
