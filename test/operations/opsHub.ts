import { createLocalJWKSet } from 'jose';
import os from 'node:os';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { generateAuditKey } from '../../subgraphs/kit/audit/auditSignatures.ts';
import { memoryWitness } from '../../subgraphs/kit/audit/witness.ts';
import { createCallerVerifier } from '../../gateway/auth/callerIdentity.ts';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../gateway/server.ts';
import { internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { fixedClock } from '../../subgraphs/kit/clock.ts';
import { createLogger, type Logger } from '../../platform/logger.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startSubgraph, type RunningSubgraph, type StartOptions } from '../../subgraphs/kit/subgraph.ts';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';
import { testAudience, testIssuer, testLimits, TODAY, type TestHub } from '../support/hub.ts';

/** A logger that keeps every JSON line it writes, for tests that read the logs. */
export function capturingLogger(bindings: Record<string, unknown> = {}): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info', base: bindings }, sink), lines };
}

/**
 * One more gateway in front of a test hub's subgraphs, trusting the hub's keys, with options the
 * hub does not expose (a watched supergraph file, a logger, another subgraph URL).
 */
export async function startExtraGateway(hub: TestHub, overrides: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  return startGateway({
    host: '127.0.0.1',
    port: 0,
    subgraphUrls: Object.fromEntries([...hub.subgraphs].map(([name, s]) => [name, s.url])),
    subgraphTimeoutMs: 5000,
    verifier: createCallerVerifier({ issuer: testIssuer, audience: testAudience }, createLocalJWKSet(hub.keys.issuerJwks)),
    signingKey: await importKey(hub.keys.gatewayPrivate, internalTokenAlgorithm),
    limits: testLimits,
    mode: 'development',
    logger: pino({ level: 'silent' }),
    ...overrides,
  });
}

/** The value of one Prometheus sample, matched by name and labels; undefined when absent. */
export function sample(metrics: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(' ')[0]!;
    if (Object.entries(labels).every(([key, value]) => labelText.includes(`${key}="${value}"`))) return Number(line.split(' ').at(-1));
  }
  return undefined;
}

/**
 * One more instance of a subgraph, trusting the hub's gateway key, reading with the hub's keyring
 * and asking the hub's case registry, on a store, logger and configuration the test controls.
 */
export async function startExtraSubgraph(
  hub: TestHub,
  name: string,
  options: { store?: Store; logger?: Logger; config?: Partial<StartOptions['config']> } = {},
): Promise<RunningSubgraph> {
  return startSubgraph(await loadSubgraphDefinition(name), {
    config: { ...hub.subgraphConfig, ...options.config },
    port: 0,
    store: options.store ?? createNedbStore({}),
    clock: fixedClock(TODAY),
    logger: options.logger ?? createLogger('silent'),
    gatewayPublicKey: await importKey(hub.keys.gatewayPublic, internalTokenAlgorithm),
    audit: { signingKey: generateAuditKey(), witness: memoryWitness() },
    encryptionKeys: hub.encryptionKeys.get(name),
    caseRegistryUrl: hub.subgraphs.get('coordination')?.url,
  });
}

export const originOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

/**
 * This machine's addresses other than loopback (link-local ones need a zone, so not those): a
 * service listening on every interface and called on one of them sees a caller that is not on
 * loopback, as another machine's would be.
 */
export function outsideAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && !a.address.startsWith('fe80:'))
    .map((a) => a!.address);
}

/** The URL of `path` on a service listening on every interface, called at `address`. */
export const urlAt = (address: string, port: number, path: string) =>
  `http://${address.includes(':') ? `[${address}]` : address}:${port}${path}`;

/** The all-sector status a dashboard asks for, as the response cache tests read it. */
export const sectorStatusQuery = `query SectorStatus { sectors { id delivery { total onTrack atRisk overdue done } } }`;

/** Health reports one of its actions' status (as its officers do, through the gateway or straight at the subgraph). */
export const reportHealthActionStatus = `mutation($input: ActionStatusInput!) { reportHealthActionStatus(input: $input) { id status } }`;

/** The all-sector status through the gateway at `url`, as an analyst: health's done count, and whether the answer came from the cache. */
export async function readHealthDone(hub: TestHub, url: string): Promise<{ done: number; cached: boolean }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor({ role: 'analyst' })}` },
    body: JSON.stringify({ query: sectorStatusQuery }),
  });
  const body = (await response.json()) as { data: { sectors: { id: string; delivery: { done: number } }[] } };
  return { done: body.data.sectors.find((s) => s.id === 'health')!.delivery.done, cached: response.headers.get('x-crg-cache') === 'hit' };
}

/** The id of one of health's actions not yet completed, from the hub's store. */
export async function openHealthAction(hub: TestHub): Promise<string> {
  const [action] = await hub.stores
    .get('health')!
    .collection<StoredDocument & { status?: string }>('actionRecords')
    .find({ status: { $ne: 'COMPLETED' } }, { limit: 1 });
  return action!._id;
}
