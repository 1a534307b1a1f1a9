import { createLocalJWKSet } from 'jose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createCallerVerifier } from '../../gateway/auth/callerIdentity.ts';
import { startGateway, type RunningGateway } from '../../gateway/server.ts';
import { subgraphCatalog } from '../../platform/catalog.ts';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';
import { generateAuditKey } from '../../subgraphs/kit/audit/auditSignatures.ts';
import { memoryWitness } from '../../subgraphs/kit/audit/witness.ts';
import type { Identity } from '../../platform/auth/identity.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { scopesByRole } from '../../platform/auth/roles.ts';
import { generateDevelopmentKeys, importKey, type DevelopmentKeys } from '../../platform/auth/keys.ts';
import { mintCallerToken } from '../../platform/auth/localIssuer.ts';
import { fixedClock } from '../../subgraphs/kit/clock.ts';
import { generateKeyring } from '../../subgraphs/kit/fieldEncryption/keyring.ts';
import { createLogger } from '../../platform/logger.ts';
import type { Store } from '../../subgraphs/kit/store/port.ts';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import {
  graphqlBody,
  postGraphQL,
  testAudience,
  testIssuer,
  testLimits,
  testSubgraphConfig,
  TODAY,
  type GraphQLResponse,
} from '../support/hub.ts';

/**
 * One sector subgraph on the embedded store in a folder of its own, started and stopped as often
 * as a test needs with the same keys (so what it wrote stays readable), and a gateway in front of
 * it when a test asks for one. Only this sector answers: the others' URLs lead nowhere.
 */
export interface EmbeddedSector {
  name: string;
  dataDir: string;
  /** The sector's store folder, `<dataDir>/bangladesh/<name>`. */
  folder: string;
  keys: DevelopmentKeys;
  /** The collection's file in the folder. */
  file(collection: string): string;
  /** Starts the subgraph on the folder as it is now, or on `store` (rejects when start refuses). */
  start(store?: Store): Promise<RunningSubgraph>;
  /** What start refuses with; fails the test if it starts instead. */
  refusal(): Promise<unknown>;
  /** Sends one operation straight to `running`, signed as the gateway signs it for the sector's officer. */
  askSubgraph(running: RunningSubgraph, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** A gateway in front of `running`, and a query through it as the given sector's officer. */
  gatewayFor(running: RunningSubgraph): Promise<{ gateway: RunningGateway; query: GatewayQuery }>;
  remove(): void;
}

export type GatewayQuery = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/**
 * A sector started once on a fresh folder, so its demo data is in its files, then stopped; with
 * one collection's file and that file's bytes as the subgraph left them when it stopped cleanly.
 */
export async function seededSector(name: string, collection: string): Promise<{ sector: EmbeddedSector; file: string; intact: Buffer }> {
  const sector = await embeddedSector(name);
  await (await sector.start()).stop();
  const file = sector.file(collection);
  return { sector, file, intact: fs.readFileSync(file) };
}

export async function embeddedSector(name = 'health'): Promise<EmbeddedSector> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-store-'));
  const folder = path.join(dataDir, 'bangladesh', name);
  const keys = await generateDevelopmentKeys();
  const gatewayPublicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);
  const config = { ...testSubgraphConfig({ country: 'bangladesh' }), store: 'embedded' as const, dataDir };
  // Kept across restarts, as a deployment keeps its keys and its witness.
  const audit = { signingKey: generateAuditKey(), witness: memoryWitness() };
  const encryptionKeys = generateKeyring(name);
  return {
    name,
    dataDir,
    folder,
    keys,
    file: (collection) => path.join(folder, `${collection}.db`),
    refusal(this: EmbeddedSector) {
      return this.start().then(
        async (running: RunningSubgraph) => {
          await running.stop();
          throw new Error('start did not refuse');
        },
        (error: unknown) => error,
      );
    },
    async start(store) {
      return startSubgraph(await loadSubgraphDefinition(name), {
        config,
        port: 0,
        store,
        clock: fixedClock(TODAY),
        logger: createLogger('silent'),
        gatewayPublicKey,
        audit,
        encryptionKeys,
      });
    },
    async askSubgraph(running, query, variables) {
      const identity: Identity = {
        subject: `officer@${name}`,
        role: 'sector-officer',
        sector: name,
        scopes: scopesByRole['sector-officer'],
      };
      const headers = await gatewayCallHeaders(
        identity,
        name,
        await importKey(keys.gatewayPrivate, internalTokenAlgorithm),
        graphqlBody(query, variables),
      );
      return postGraphQL(running.url, query, variables, headers);
    },
    async gatewayFor(running) {
      const nowhere = 'http://127.0.0.1:9/graphql';
      const gateway = await startGateway({
        host: '127.0.0.1',
        port: 0,
        subgraphUrls: { ...Object.fromEntries(subgraphCatalog.map((entry) => [entry.name, nowhere])), [name]: running.url },
        subgraphTimeoutMs: 5000,
        verifier: createCallerVerifier({ issuer: testIssuer, audience: testAudience }, createLocalJWKSet(keys.issuerJwks)),
        signingKey: await importKey(keys.gatewayPrivate, internalTokenAlgorithm),
        limits: testLimits,
        mode: 'development',
        supergraphPollMs: 0,
        logger: pino({ level: 'silent' }),
      });
      const token = await mintCallerToken(keys.issuerPrivate, {
        role: 'sector-officer',
        sector: name,
        subject: `officer@${name}`,
        issuer: testIssuer,
        audience: testAudience,
        expiresIn: '10m',
      });
      const query: GatewayQuery = (text, variables) => postGraphQL(gateway.url, text, variables, { authorization: `Bearer ${token}` });
      return { gateway, query };
    },
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
