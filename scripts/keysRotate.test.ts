import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from './freePort.ts';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSubgraphDefinition } from '../subgraphs/definitions.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../platform/auth/internalToken.ts';
import { generateDevelopmentKeys, importKey, type DevelopmentKeys } from '../platform/auth/keys.ts';
import { scopesByRole } from '../platform/auth/roles.ts';
import { withNewKey } from '../subgraphs/kit/fieldEncryption/keyring.ts';
import { developmentKeyringFile, readKeyringFile, writeKeyringFile } from '../subgraphs/kit/fieldEncryption/keyringFiles.ts';
import { rotateKeys } from '../subgraphs/kit/fieldEncryption/rotation.ts';
import { createLogger } from '../platform/logger.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { createNedbStore } from '../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../subgraphs/kit/store/port.ts';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '../subgraphs/kit/subgraph.ts';
import type { SurvivorContactDoc } from '../subgraphs/sector-core/caseResponses/models.ts';
import { capturingLogger } from '../test/operations/opsHub.ts';
import { graphqlBody, postGraphQL, testSubgraphConfig } from '../test/support/hub.ts';
import { describeRotation, unfinished } from './keysRotate.ts';

/*
 * `npm run keys:rotate` on a real embedded store on disk: the health sector started once (demo
 * data, development keyring), a record kept in clear from before encryption added, then the
 * command run as an operator runs it; a rotation interrupted after its new key was written, with a
 * damaged record in the way, finished by running it again; and the sector started afterwards
 * serving every record in clear to its officers.
 */

type Stored = StoredDocument & Record<string, any>;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-rotate-'));
afterAll(async () => {
  await registry?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const storeDir = path.join(dataDir, 'bangladesh', 'health');
const keyringPath = developmentKeyringFile(dataDir, 'bangladesh', 'health');
const config = { ...testSubgraphConfig({ country: 'bangladesh' }), store: 'embedded' as const, dataDir };
const legacy = {
  _id: 'CASE-BD-2026-880001',
  version: 1,
  name: 'Legacy Clear Name',
  phone: '+880 1600 880001',
  address: 'Old Road 1, Khulna',
};

let definition: SubgraphDefinition;
let keys: DevelopmentKeys;

async function startHealth(logger = createLogger('silent')): Promise<RunningSubgraph> {
  return startSubgraph(definition, {
    config,
    port: 0,
    logger,
    gatewayPublicKey: await importKey(keys.gatewayPublic, internalTokenAlgorithm),
    caseRegistryUrl: registry?.url,
  });
}

/**
 * The case registry the health sector asks who may see a case: coordination with its demo data
 * in memory, and the case of the legacy record, held by health.
 */
let registry: RunningSubgraph | undefined;
async function startRegistry(): Promise<RunningSubgraph> {
  const running = await startSubgraph(await loadSubgraphDefinition('coordination'), {
    config: { ...config, store: 'memory' },
    store: createNedbStore({}),
    port: 0,
    logger: createLogger('silent'),
    gatewayPublicKey: await importKey(keys.gatewayPublic, internalTokenAlgorithm),
  });
  const cases = running.store.collection('cases');
  const [heldByHealth] = await cases.find({ holdingSector: 'health' }, { limit: 1 });
  await cases.insertMany([{ ...heldByHealth!, _id: legacy._id }]);
  return running;
}

/** The health sector's stored contacts, as the files hold them. */
async function storedContacts(): Promise<Stored[]> {
  const store = createNedbStore({ directory: storeDir });
  try {
    return await store.collection<Stored>('survivorContacts').find({}, { sort: { _id: 1 } });
  } finally {
    await store.close();
  }
}

/** Runs the command as an operator would, in its own process (which must not block this one's servers). */
function runRotate(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('scripts', 'keysRotate.ts'), '--sector', 'health'], {
    cwd: projectPath(),
    env: { ...process.env, CRG_DATA_DIR: dataDir, CRG_STORE: 'embedded', CRG_COUNTRY: 'bangladesh', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

beforeAll(async () => {
  definition = await loadSubgraphDefinition('health');
  keys = await generateDevelopmentKeys();
  registry = await startRegistry();
  await (await startHealth()).stop();
  const store = createNedbStore({ directory: storeDir });
  await store.collection<Stored>('survivorContacts').insertMany([{ ...legacy, collectedOn: new Date('2025-03-01T00:00:00Z') }]);
  await store.close();
});

describe('a sector started on records kept in clear from before encryption', () => {
  it('says how many there are and which command encrypts them', async () => {
    const { logger, lines } = capturingLogger();
    await (await startHealth(logger)).stop();
    expect(lines).toContainEqual(
      expect.objectContaining({
        collection: 'survivorContacts',
        records: 1,
        msg: 'survivor contact records kept in clear from before encryption: 1; run npm run keys:rotate -- --sector health',
      }),
    );
  });
});

describe('npm run keys:rotate', () => {
  let demo: Draft[];
  type Draft = Omit<SurvivorContactDoc, 'version'>;

  it('makes a new key current, encrypts every record again under it, and retires the old key', async () => {
    demo = (definition.seed('bangladesh') as { survivorContacts: Draft[] }).survivorContacts;
    const oldKey = readKeyringFile(keyringPath).current;
    const before = await storedContacts();
    expect(before).toHaveLength(demo.length + 1);
    expect(before.filter((d) => d.encrypted?.kid === oldKey)).toHaveLength(demo.length);

    const run = await runRotate({ HEALTH_PORT: String(await freePort()) });
    expect(run.status, run.stderr).toBe(0);
    const keyring = readKeyringFile(keyringPath);
    expect(keyring.current).not.toBe(oldKey);
    expect([...keyring.keys.keys()]).toEqual([keyring.current]);
    expect(run.stdout).toContain(`health: new key ${keyring.current} is now current`);
    expect(run.stdout).toContain(
      `health: survivorContacts: ${demo.length} re-encrypted from an older key, 1 encrypted from clear text, 0 already under the current key`,
    );
    expect(run.stdout).toContain(`health: retired key ${oldKey}: no record uses it any more`);
    expect(run.stdout).toContain('Rotation finished.');

    const after = await storedContacts();
    expect(after.map((d) => d.encrypted.kid)).toEqual(after.map(() => keyring.current));
    expect(after.map((d) => d.version)).toEqual(before.map((d) => d.version + 1));
    const files = fs.readdirSync(storeDir).map((f) => fs.readFileSync(path.join(storeDir, f), 'utf8'));
    for (const value of [legacy.name, legacy.phone, legacy.address, demo[0]!.name]) {
      expect(files.some((text) => text.includes(value))).toBe(false);
    }
  });

  it('finishes a rotation interrupted after its key was added, once a damaged record is dealt with', async () => {
    const previous = readKeyringFile(keyringPath);
    const interrupted = withNewKey(previous, 'health');
    writeKeyringFile(keyringPath, interrupted);
    const store = createNedbStore({ directory: storeDir });
    const raw = store.collection<Stored>('survivorContacts');
    try {
      const [victim] = await raw.find({ _id: demo[0]!._id });
      const fields = victim!.encrypted.fields as Record<string, string>;
      await raw.replaceOne(
        { _id: victim!._id },
        { ...victim!, encrypted: { ...victim!.encrypted, fields: { ...fields, name: fields.address } } },
      );

      const first = await rotateKeys({ subgraph: 'health', documents: definition.documents, store, keyringFile: keyringPath });
      expect(first.addedKey).toBeNull();
      expect(first.current).toBe(interrupted.current);
      expect(first.collections).toEqual([
        { collection: 'survivorContacts', fromOlderKey: demo.length, fromClear: 0, alreadyCurrent: 0, changedMeanwhile: 0 },
      ]);
      expect(first.damaged).toEqual([
        { collection: 'survivorContacts', id: victim!._id, problem: expect.stringContaining('name fails authentication') },
      ]);
      expect(first.kept).toEqual([{ keyId: previous.current, records: 1 }]);
      expect(unfinished(first)).toBe(true);
      const lines = describeRotation('health', first);
      expect(lines[0]).toBe(`health: finishing the rotation to key ${interrupted.current} (the keyring still holds older keys)`);
      expect(lines).toContain(`health: kept key ${previous.current}: 1 record still under it (run again)`);
      expect(lines.some((line) => line.startsWith(`health: DAMAGED survivorContacts ${victim!._id}: `))).toBe(true);
      expect([...readKeyringFile(keyringPath).keys.keys()]).toEqual([previous.current, interrupted.current]);

      await raw.replaceOne({ _id: victim!._id }, victim!);
      const second = await rotateKeys({ subgraph: 'health', documents: definition.documents, store, keyringFile: keyringPath });
      expect(second.collections[0]).toMatchObject({ fromOlderKey: 1, alreadyCurrent: demo.length });
      expect(second).toMatchObject({ addedKey: null, damaged: [], kept: [], retired: [previous.current] });
      expect(unfinished(second)).toBe(false);
      expect([...readKeyringFile(keyringPath).keys.keys()]).toEqual([interrupted.current]);
    } finally {
      await store.close();
    }
  });

  it('leaves every record readable in clear by the sector’s officers, and refuses to run beside the running sector', async () => {
    const health = await startHealth();
    try {
      const officer = {
        subject: 'officer@health',
        role: 'sector-officer' as const,
        sector: 'health',
        scopes: scopesByRole['sector-officer'],
      };
      const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
      const query = `query($id: ID!) { healthSurvivorContact(caseId: $id) { name phone address } }`;
      const read = async (caseId: string) =>
        postGraphQL(
          health.url,
          query,
          { id: caseId },
          await gatewayCallHeaders(officer, 'health', signingKey, graphqlBody(query, { id: caseId })),
        );
      expect((await read(legacy._id)).data!.healthSurvivorContact).toEqual({
        name: legacy.name,
        phone: legacy.phone,
        address: legacy.address,
      });
      for (const contact of [demo[0]!, demo.at(-1)!]) {
        const { data, errors } = await read(contact._id);
        expect(errors).toBeUndefined();
        expect(data!.healthSurvivorContact).toEqual({ name: contact.name, phone: contact.phone, address: contact.address });
      }

      const beside = await runRotate({ HEALTH_PORT: String(health.port) });
      expect(beside.status).toBe(2);
      expect(beside.stderr).toContain(`health is running at http://127.0.0.1:${health.port} on the embedded store: stop it first`);
    } finally {
      await health.stop();
    }
  });
});
