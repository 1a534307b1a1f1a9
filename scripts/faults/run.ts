import { MongoClient } from 'mongodb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { envPrefix } from '../../platform/catalog.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { startGarbageProxy } from './garbageProxy.ts';
import { faults, type FaultReport } from './scenarios.ts';
import { freePortsEnv, startSupervisedHub } from './supervisedHub.ts';
import { nOf } from '../progress.ts';

/**
 * Starts the hub as `npm start` does, on the embedded store in a fresh folder, injects every
 * fault in turn and returns what each did. The hub is stopped and its folder removed after.
 */
export async function runFaults(
  options: { log?: (line: string) => void; /** A MongoDB server to run on instead of the embedded store. */ mongodbUri?: string } = {},
): Promise<FaultReport[]> {
  const log = options.log ?? (() => undefined);
  // Databases of their own, dropped after: never a deployment's crg_* databases.
  const databasePrefix = `crgfaults${Date.now().toString(36)}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-faults-'));
  const supergraphFile = path.join(dataDir, 'supergraph.graphql');
  fs.copyFileSync(projectPath('schema', 'supergraph.graphql'), supergraphFile);
  log('starting the hub, supervised, on free ports');
  const ports = await freePortsEnv();
  const garbage = await startGarbageProxy(Number(ports[`${envPrefix('social-welfare')}_PORT`]));
  const hub = await startSupervisedHub({
    ...ports,
    CRG_DATA_DIR: dataDir,
    ...(options.mongodbUri
      ? { CRG_STORE: 'mongodb', MONGODB_URI: options.mongodbUri, CRG_MONGODB_DATABASE_PREFIX: databasePrefix }
      : { CRG_STORE: 'embedded' }),
    CRG_TODAY: '2026-11-24',
    CRG_SUPERGRAPH_FILE: supergraphFile,
    SOCIAL_WELFARE_URL: garbage.url,
    GATEWAY_SUBGRAPH_TIMEOUT_MS: '2000',
    GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
    // The response cache would answer reads during a fault from before it.
    GATEWAY_RESPONSE_CACHE_TTL_MS: '0',
    LOG_LEVEL: 'warn',
  });
  const reports: FaultReport[] = [];
  try {
    const chosen = faults.filter((f) => !(options.mongodbUri && f.embeddedOnly));
    for (const [i, fault] of chosen.entries()) {
      log(`injecting: ${fault.name} (${nOf(i + 1, chosen.length)})`);
      reports.push(await fault.inject({ hub, supergraphFile, garbage }));
    }
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- hub output ---\n${hub.output().slice(-6000)}`);
  } finally {
    await hub.stop();
    await garbage.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (options.mongodbUri) await dropDatabases(options.mongodbUri, databasePrefix);
  }
  return reports;
}

async function dropDatabases(uri: string, prefix: string): Promise<void> {
  const client = await new MongoClient(uri).connect();
  try {
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) if (name.startsWith(`${prefix}_`)) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
