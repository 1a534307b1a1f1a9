import { startGateway, type RunningGateway } from '../../gateway/server.ts';
import { subgraphCatalog } from '../../subgraphs/catalog.ts';
import { fixedClock } from '../../subgraphs/kit/clock.ts';
import type { Role } from '../../subgraphs/kit/auth/roles.ts';
import type { CountryId } from '../../subgraphs/kit/config.ts';
import { createLogger } from '../../subgraphs/kit/logger.ts';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Store } from '../../subgraphs/kit/store/port.ts';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestHub {
  gateway: RunningGateway;
  subgraphs: Map<string, RunningSubgraph>;
  stores: Map<string, Store>;
  /**
   * Sends one GraphQL operation to the gateway over HTTP as the caller `as` (by default the lead
   * ministry's analyst); `as: null` sends no credentials at all.
   */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: TestCaller | null): Promise<GraphQLResponse<T>>;
  stopSubgraph(name: string): Promise<void>;
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

function credentialsFor(as: TestCaller | null): Record<string, string> {
  if (!as) return {};
  return { 'x-crg-identity': JSON.stringify({ subject: as.subject ?? `${as.role}@test`, role: as.role, sector: as.sector ?? null }) };
}

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
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/**
 * The whole hub on ephemeral ports: every subgraph on its own in-memory store with the demo
 * data, and the gateway in front, talking real HTTP. The clock is fixed at TODAY.
 */
export async function startTestHub(
  options: { country?: CountryId; subgraphTimeoutMs?: number; subgraphUrlOverrides?: Record<string, string> } = {},
): Promise<TestHub> {
  const country = options.country ?? 'bangladesh';
  const logger = createLogger('silent');
  const clock = fixedClock(TODAY);
  const config = { country, store: 'memory' as const, dataDir: '', mongodbUri: undefined, host: '127.0.0.1', today: TODAY, logLevel: 'silent' };
  const subgraphs = new Map<string, RunningSubgraph>();
  const stores = new Map<string, Store>();
  await Promise.all(
    subgraphCatalog.map(async (entry) => {
      const store = createNedbStore({});
      const running = await startSubgraph(await loadSubgraphDefinition(entry.name), { config, port: 0, store, clock, logger });
      subgraphs.set(entry.name, running);
      stores.set(entry.name, store);
    }),
  );
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    subgraphUrls: { ...Object.fromEntries([...subgraphs].map(([name, s]) => [name, s.url])), ...options.subgraphUrlOverrides },
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5000,
    logger,
  });
  const stopped = new Set<string>();
  return {
    gateway,
    subgraphs,
    stores,
    query: (query, variables, as = analyst) => postGraphQL(gateway.url, query, variables, credentialsFor(as)),
    async stopSubgraph(name) {
      stopped.add(name);
      await subgraphs.get(name)!.stop();
    },
    async stop() {
      await gateway.stop();
      await Promise.all([...subgraphs].filter(([name]) => !stopped.has(name)).map(([, s]) => s.stop()));
    },
  };
}
