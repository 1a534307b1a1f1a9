import { createLocalJWKSet } from 'jose';
import { createCallerVerifier } from '../../gateway/auth/callerIdentity.ts';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../gateway/server.ts';
import type { Identity } from '../../platform/auth/identity.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { generateDevelopmentKeys, importKey, type DevelopmentKeys } from '../../platform/auth/keys.ts';
import { generateKeyring, type Keyring } from '../../subgraphs/kit/fieldEncryption/keyring.ts';
import { mintCallerToken, type TokenRequest } from '../../platform/auth/localIssuer.ts';
import { subgraphCatalog } from '../../platform/catalog.ts';
import { fixedClock, type Clock } from '../../subgraphs/kit/clock.ts';
import { scopesByRole, type Role } from '../../platform/auth/roles.ts';
import type { AlertsConfig, CountryId, GatewayLimits } from '../../platform/config.ts';
import { createLogger, type Logger } from '../../platform/logger.ts';
import { startTracing, type Tracing } from '../../platform/tracing.ts';
import type { TracingConfig } from '../../platform/tracingConfig.ts';
import { startSubgraph, type RunningSubgraph, type StartOptions } from '../../subgraphs/kit/subgraph.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Store } from '../../subgraphs/kit/store/port.ts';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';
import type { AuditLogKeys } from '../../subgraphs/kit/audit/auditLog.ts';
import type { GraphAccess } from '../../subgraphs/kit/graphAccess.ts';
import { generateAuditKey } from '../../subgraphs/kit/audit/auditSignatures.ts';
import { memoryWitness } from '../../subgraphs/kit/audit/witness.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestHub {
  gateway: RunningGateway;
  /** The configuration every subgraph of this hub started with, to start another like them. */
  subgraphConfig: StartOptions['config'];
  /** The keys this hub trusts: its local token issuer's and the gateway's. */
  keys: DevelopmentKeys;
  /** Each subgraph's keyring for the identifying details it keeps encrypted (in memory; not with `dataDir`). */
  encryptionKeys: Map<string, Keyring>;
  /**
   * Headers as the gateway would send them to `subgraph` for the caller with exactly `body` (the
   * request body as sent): for calling a subgraph directly. A sector also gets the case-access token.
   */
  gatewayHeaders(subgraph: string, body: string, as?: TestCaller): Promise<Record<string, string>>;
  /** Sends one operation straight to a subgraph, signed as the gateway would sign it for the caller. */
  askSubgraph<T = Record<string, any>>(
    subgraph: string,
    query: string,
    variables?: Record<string, unknown>,
    as?: TestCaller,
  ): Promise<GraphQLResponse<T>>;
  /** A bearer token for the caller, signed by the hub's issuer. */
  tokenFor(as: TestCaller, overrides?: Partial<TokenRequest>): Promise<string>;
  subgraphs: Map<string, RunningSubgraph>;
  stores: Map<string, Store>;
  /** Each subgraph's audit key and witness, kept in memory like its store (empty with `dataDir`: configured as for `npm start`). */
  audit: Map<string, AuditLogKeys>;
  /**
   * Sends one GraphQL operation to the gateway over HTTP as the caller `as` (by default the lead
   * ministry's analyst); `as: null` sends no credentials at all.
   */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: TestCaller | null): Promise<GraphQLResponse<T>>;
  stopSubgraph(name: string): Promise<void>;
  /** The hub's clock, which every subgraph reads: a subgraph started again by a test takes it too. */
  clock: Clock;
  /** How the hub's subgraphs ask the graph themselves (the alerts service): its gateway, as the alerts-service role. */
  graph: GraphAccess;
  /** Moves every service's "today" (the hub's clock) to another day, YYYY-MM-DD. */
  moveClockTo(day: string): void;
  /** Exports every span the services have ended (with `tracing`). */
  flushTraces(): Promise<void>;
  stop(): Promise<void>;
}

export const TODAY = '2026-11-24';

/** Who a test request is sent as: a role, and the sector for sector-bound roles. */
export interface TestCaller {
  role: Role;
  sector?: string;
  subject?: string;
}

export const analyst: TestCaller = { role: 'analyst', subject: 'analyst@lead-ministry' };

export const testIssuer = 'crg-test-issuer';
export const testAudience = 'coordinated-response-graph';

export const testLimits: GatewayLimits = {
  requestsPerMinute: 100_000,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5000,
  maxDirectives: 50,
  maxTokens: 5000,
};

/** The body postGraphQL sends, byte for byte (so a token can be bound to it). */
export const graphqlBody = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Posts a GraphQL operation to any URL and returns the parsed answer. */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: graphqlBody(query, variables),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/**
 * The whole hub on ephemeral ports: every subgraph on its own in-memory store with the demo
 * data, and the gateway in front, talking real HTTP. The clock is fixed at TODAY.
 */
/** The configuration a test subgraph starts with: in memory, quiet, trusting the test issuer. */
export function testSubgraphConfig(options: { country: CountryId; mode?: 'development' | 'production'; today?: string }) {
  return {
    country: options.country,
    store: 'memory' as const,
    dataDir: '',
    mongodbUri: undefined,
    host: '127.0.0.1',
    today: options.today ?? TODAY,
    logLevel: 'silent',
    mode: options.mode ?? ('development' as const),
    auth: {
      issuer: testIssuer,
      audience: testAudience,
      jwksUrl: undefined,
      jwksFile: undefined,
      gatewayKeyFile: undefined,
      gatewayPublicKeyFile: undefined,
    },
  };
}

export async function startTestHub(
  options: {
    country?: CountryId;
    subgraphTimeoutMs?: number;
    subgraphUrlOverrides?: Record<string, string>;
    limits?: Partial<GatewayLimits>;
    mode?: 'development' | 'production';
    /**
     * Runs every subgraph on the embedded store in this folder, with the keyrings and audit keys
     * development makes there, instead of in memory; its audit heads are witnessed in files.
     */
    dataDir?: string;
    /** Starts only these subgraphs besides coordination (which every query starts at); the gateway finds the others down. */
    only?: string[];
    /** With `dataDir`: where the audit heads are witnessed (`CRG_AUDIT_WITNESS_DIR`); `<dataDir>/witness` otherwise. */
    witnessDir?: string;
    /** How the alerts subgraph checks and retries; no scheduled check unless `checkIntervalMs` says so. */
    alerts?: Partial<AlertsConfig>;
    /** The gateway's registered documents and the roles that may run those only (the dashboard's manifest, no role, otherwise). */
    trustedDocuments?: GatewayOptions['trustedDocuments'];
    /** Traces every service as configured, each under its own service name; the gateway's is the global provider. */
    tracing?: TracingConfig;
    /** Where every service logs; silent otherwise. */
    logger?: Logger;
  } = {},
): Promise<TestHub> {
  const country = options.country ?? 'bangladesh';
  const logger = options.logger ?? createLogger('silent');
  const tracings = new Map<string, Tracing>();
  // The gateway's first: it becomes the global provider that the Apollo gateway's spans use.
  for (const service of options.tracing ? ['gateway', ...subgraphCatalog.map((entry) => entry.name)] : []) {
    tracings.set(service, await startTracing(service, options.tracing!, { global: service === 'gateway' }));
  }
  let today = fixedClock(TODAY);
  const clock: Clock = { now: () => today.now() };
  const keys = await generateDevelopmentKeys();
  const gatewayPublicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);
  const mode = options.mode ?? 'development';
  const memoryConfig = {
    ...testSubgraphConfig({ country, mode }),
    // No scheduled check, and deliveries swept only when something is raised or replayed: a test
    // that counts store queries must not count the alerts service's timers. Alerts tests set these.
    alerts: {
      checkIntervalMs: 0,
      retryFirstMs: 30_000,
      giveUpAfterMs: 86_400_000,
      sweepMs: 3_600_000,
      tokenFile: undefined,
      ...options.alerts,
    },
  };
  const config = options.dataDir
    ? {
        ...memoryConfig,
        store: 'embedded' as const,
        dataDir: options.dataDir,
        audit: { keyFiles: {}, publicKeyFiles: {}, witnessDir: options.witnessDir },
      }
    : memoryConfig;
  const { auth } = config;
  const subgraphs = new Map<string, RunningSubgraph>();
  const stores = new Map<string, Store>();
  const audit = new Map<string, AuditLogKeys>();
  // The alerts subgraph asks the gateway, which starts after it: the URL is read when it asks.
  let gatewayUrl = 'http://127.0.0.1:9/graphql';
  const graph: GraphAccess = {
    url: () => gatewayUrl,
    token: () =>
      mintCallerToken(keys.issuerPrivate, { role: 'alerts-service', issuer: testIssuer, audience: testAudience, expiresIn: '10m' }),
  };
  const encryptionKeys = new Map(options.dataDir ? [] : subgraphCatalog.map((entry) => [entry.name, generateKeyring(entry.name)]));
  const start = async (name: string, caseRegistryUrl?: string) => {
    if (!options.dataDir) audit.set(name, { signingKey: generateAuditKey(), witness: memoryWitness() });
    const running = await startSubgraph(await loadSubgraphDefinition(name), {
      config,
      port: 0,
      store: options.dataDir ? undefined : createNedbStore({}),
      clock,
      logger,
      gatewayPublicKey,
      caseRegistryUrl,
      audit: audit.get(name),
      encryptionKeys: encryptionKeys.get(name),
      graph,
      tracing: tracings.get(name),
    });
    subgraphs.set(name, running);
    stores.set(name, running.store);
  };
  // The sectors ask the case registry (coordination) who may see a case, so it starts first.
  const registry = subgraphCatalog.find((entry) => entry.role === 'coordination')!.name;
  await start(registry);
  const registryUrl = subgraphs.get(registry)!.url;
  const wanted = (name: string) => name !== registry && (!options.only || options.only.includes(name));
  await Promise.all(subgraphCatalog.filter((entry) => wanted(entry.name)).map((entry) => start(entry.name, registryUrl)));
  // Port 9 (discard) refuses connections on a test machine: a subgraph left out reads as down.
  const notStarted = Object.fromEntries(subgraphCatalog.map((entry) => [entry.name, 'http://127.0.0.1:9/graphql']));
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    subgraphUrls: {
      ...notStarted,
      ...Object.fromEntries([...subgraphs].map(([name, s]) => [name, s.url])),
      ...options.subgraphUrlOverrides,
    },
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5000,
    verifier: createCallerVerifier(auth, createLocalJWKSet(keys.issuerJwks)),
    signingKey: await importKey(keys.gatewayPrivate, internalTokenAlgorithm),
    limits: { ...testLimits, ...options.limits },
    mode,
    trustedDocuments: options.trustedDocuments,
    logger,
    tracing: tracings.get('gateway'),
  });
  gatewayUrl = gateway.url;
  const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  async function gatewayHeaders(subgraph: string, body: string, as: TestCaller = analyst): Promise<Record<string, string>> {
    const identity: Identity = { subject: as.subject ?? 'test', role: as.role, sector: as.sector ?? null, scopes: scopesByRole[as.role] };
    return gatewayCallHeaders(identity, subgraph, signingKey, body);
  }
  const stopped = new Set<string>();
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (as: TestCaller, overrides: Partial<TokenRequest> = {}) => {
    const request: TokenRequest = {
      role: as.role as TokenRequest['role'],
      sector: as.sector ?? null,
      subject: as.subject ?? `${as.role}${as.sector ? `.${as.sector}` : ''}@test`,
      issuer: testIssuer,
      audience: testAudience,
      expiresIn: '10m',
      ...overrides,
    };
    return mintCallerToken(keys.issuerPrivate, request);
  };
  const credentialsFor = async (as: TestCaller | null): Promise<Record<string, string>> => {
    if (!as) return {};
    const key = JSON.stringify(as);
    if (!tokens.has(key)) tokens.set(key, tokenFor(as));
    return { authorization: `Bearer ${await tokens.get(key)!}` };
  };
  return {
    gateway,
    subgraphs,
    stores,
    audit,
    keys,
    encryptionKeys,
    subgraphConfig: config,
    clock,
    graph,
    tokenFor,
    gatewayHeaders,
    askSubgraph: (subgraph, query, variables, as = analyst) =>
      gatewayHeaders(subgraph, graphqlBody(query, variables), as).then((headers) =>
        postGraphQL(subgraphs.get(subgraph)!.url, query, variables, headers),
      ),
    query: async (query, variables, as = analyst) => postGraphQL(gateway.url, query, variables, await credentialsFor(as)),
    moveClockTo(day) {
      today = fixedClock(day);
    },
    async flushTraces() {
      await Promise.all([...tracings.values()].map((tracing) => tracing.flush()));
    },
    async stopSubgraph(name) {
      stopped.add(name);
      await subgraphs.get(name)!.stop();
    },
    async stop() {
      await gateway.stop();
      await Promise.all([...subgraphs].filter(([name]) => !stopped.has(name)).map(([, s]) => s.stop()));
      await Promise.all([...tracings.values()].map((tracing) => tracing.shutdown()));
    },
  };
}
