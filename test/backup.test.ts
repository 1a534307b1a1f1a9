import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Binary, BSON, Double, Int32, Long, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, sha256 } from '../scripts/backup/manifest.ts';
import { bsonFile, decodeDocuments, readDumpedCollection, writeDumpedCollection } from '../scripts/backup/mongoDumpLayout.ts';
import { restoreBackup } from '../scripts/backup/restoreBackup.ts';
import { takeBackup } from '../scripts/backup/takeBackup.ts';
import { verifyBackup } from '../scripts/backup/verifyBackup.ts';
import { auditedSubgraphs, envPrefix, sectorIds, subgraphCatalog } from '../platform/catalog.ts';
import { auditDocuments } from '../subgraphs/kit/audit/auditEntry.ts';
import { appendAudit, openAuditLog } from '../subgraphs/kit/audit/auditLog.ts';
import { configuredAuditLogKeys } from '../subgraphs/kit/audit/configuredAudit.ts';
import { readConfig, type HubConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { openRepositories } from '../subgraphs/kit/repository.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { lockDataFolder } from '../subgraphs/kit/store/dataFolderLock.ts';
import { createStore } from '../subgraphs/kit/store/createStore.ts';
import { auditor, officer, referCase, registered } from './cases/caseFixtures.ts';
import { startTestHub, type TestHub } from './support/hub.ts';

/*
 * A hub on the embedded store takes records through the gateway, is backed up while it runs, and
 * stops; the backup is restored into an empty data folder and a new hub started on it answers
 * every question exactly as the first did, the audit log included. A backup changed after it was
 * written, and a restore into a folder that holds data or is in use, are refused.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-backup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const at = (name: string) => path.join(root, name);

const country = 'bangladesh';
/** The keys, backed up apart from the data (here: copied from the first hub's development keys). */
const keysApart = at('keys-apart');

/** The variables of a restore on another machine: its data and witness folders, and the keys put in place. */
function restoreEnvironment(dataDir: string, witnessDir: string): Record<string, string> {
  const environment: Record<string, string> = {
    CRG_STORE: 'embedded',
    CRG_COUNTRY: country,
    CRG_DATA_DIR: dataDir,
    CRG_AUDIT_WITNESS_DIR: witnessDir,
  };
  for (const name of auditedSubgraphs) {
    const publicKey = path.join(keysApart, `audit-${name}.public.jwk`);
    environment[`${envPrefix(name)}_AUDIT_PUBLIC_KEY_FILE`] = publicKey;
  }
  for (const sector of sectorIds) {
    environment[`${envPrefix(sector)}_ENCRYPTION_KEYS_FILE`] = path.join(keysApart, country, `${sector}-encryption-keys.json`);
  }
  return environment;
}

const run = (script: string, args: string[], env: Record<string, string>) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', projectPath('scripts', script), ...args], {
    env: { ...process.env, ...env },
  }).then(
    (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

/** Every file under a folder with its SHA-256, to prove a refused restore changed nothing. */
function fingerprint(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), sha256(fs.readFileSync(file))];
      }),
  );
}

const healthOfficer = { role: 'sector-officer' as const, sector: 'health', subject: 'officer.rahman@health' };
const contact = { name: 'Shirin Backup Test', phone: '+880 1711 000111', address: '12 Lake Road, Dhaka', collectedOn: '2026-11-21' };

const auditEntries = /* GraphQL */ `
  {
    auditLog {
      id
      entries(limit: 1000) {
        id
        seq
        at
        subject
        role
        sectorId
        action
        caseIds
        fields
        purpose
        detail
        requestId
        prevHash
        hash
      }
    }
  }
`;
const auditCheck = `{ auditLog { id check { intact entries problems { entryId problem } } } }`;
const caseQuery = /* GraphQL */ `
  query ($id: ID!) {
    case(id: $id, purpose: "case review") {
      id
      intakePoint
      district
      firstReportedOn
      incidentOn
      incidentType
      contexts
      consent {
        referralSectorIds
        reporting
      }
      referrals {
        id
        from {
          id
        }
        to {
          id
        }
        reason
        status
        followUpBy
        history {
          status
          sectorId
          by
        }
        version
      }
      responses {
        id
        sector {
          id
        }
        recorded
        summary
      }
      version
    }
  }
`;
const caseList = `{ cases(purpose: "caseload review", limit: 100) { id incidentType firstReportedOn version } }`;
const contactQuery = `query($caseId: ID!) { healthSurvivorContact(caseId: $caseId, purpose: "follow-up call") { caseId name phone address collectedOn } }`;
const progress = `{ action(id: "bd-a2-3") { code status progressHistory { id sequence status note evidenceRef recordedBy } } }`;

/** The questions asked of both hubs, the audit log first: every later read appends to it. */
async function answers(hub: TestHub, caseId: string) {
  const asked = {
    auditEntries: await hub.query(auditEntries, {}, auditor),
    auditCheck: await hub.query(auditCheck, {}, auditor),
    caseByHolder: await hub.query(caseQuery, { id: caseId }, officer('health')),
    caseByReferredSector: await hub.query(caseQuery, { id: caseId }, officer('police')),
    caseList: await hub.query(caseList, {}, officer('health')),
    contact: await hub.query(contactQuery, { caseId }, healthOfficer),
    progress: await hub.query(progress, {}),
  };
  for (const [name, answer] of Object.entries(asked)) expect(answer.errors, name).toBeUndefined();
  return asked;
}

describe('npm run backup and npm run restore (embedded store)', () => {
  const dataA = at('data-a');
  const witnessA = at('witness-a');
  const backup = at('backup');
  const dataB = at('data-b');
  const witnessB = at('witness-b');
  let caseId: string;
  let before: Awaited<ReturnType<typeof answers>>;
  let backupRun: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    const hub = await startTestHub({ dataDir: dataA, witnessDir: witnessA });
    try {
      caseId = await registered(hub, 'health');
      const referral = await hub.query(
        referCase,
        { input: { caseId, toSectorId: 'police', reason: 'Survivor asks to report to the police', followUpBy: '2026-11-27' } },
        officer('health'),
      );
      expect(referral.errors).toBeUndefined();
      const report = await hub.query(
        `mutation($input: ProgressReportInput!) { reportHealthActionProgress(input: $input) { id status } }`,
        { input: { actionId: 'bd-a2-3', status: 'DELAYED', note: 'Kits not delivered', evidenceRef: 'MOHFW/OCC/2026/114' } },
        healthOfficer,
      );
      expect(report.errors).toBeUndefined();
      const written = await hub.query(
        `mutation($input: SurvivorContactInput!) { recordHealthSurvivorContact(input: $input) { caseId } }`,
        { input: { caseId, ...contact } },
        healthOfficer,
      );
      expect(written.errors).toBeUndefined();
      expect((await hub.query(caseQuery, { id: caseId }, officer('police'))).errors).toBeUndefined();

      // While the hub runs, as the command runs.
      backupRun = await run('backup.ts', ['--out', backup], {
        CRG_STORE: 'embedded',
        CRG_COUNTRY: country,
        CRG_DATA_DIR: dataA,
        CRG_AUDIT_WITNESS_DIR: witnessA,
      });
      before = await answers(hub, caseId);
    } finally {
      await hub.stop();
    }
    // The keys travel apart from the backup: the keyrings as they are, the audit keys' public halves.
    fs.cpSync(path.join(dataA, 'keys'), keysApart, { recursive: true });
    for (const name of auditedSubgraphs) {
      const privateKey = createPrivateKey({
        key: JSON.parse(fs.readFileSync(path.join(keysApart, `audit-${name}.jwk`), 'utf8')),
        format: 'jwk',
      });
      fs.writeFileSync(
        path.join(keysApart, `audit-${name}.public.jwk`),
        JSON.stringify(createPublicKey(privateKey).export({ format: 'jwk' })),
      );
    }
  });

  it('writes every subgraph’s collections and witness with a manifest, verifies it, and copies no key', () => {
    expect(backupRun.stderr).toBe('');
    expect(backupRun.stdout).toContain('every file is as written and every audit log verifies');
    expect(backupRun.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'crg-backup', formatVersion: 1, country, store: 'embedded' });
    expect(manifest.subgraphs).toEqual(subgraphCatalog.map((entry) => entry.name));
    const contacts = manifest.files.find((file: { path: string }) => file.path === `${country}/health/survivorContacts.db`);
    expect(contacts.records).toBeGreaterThan(0);
    expect(contacts.sha256).toBe(sha256(fs.readFileSync(path.join(backup, contacts.path))));
    expect(manifest.files.filter((file: { kind: string }) => file.kind === 'witness')).toHaveLength(auditedSubgraphs.length);
    expect(manifest.keyIds.health.length).toBeGreaterThan(0);
    // Nothing of a key: no key file, and no key material in any file.
    const keyMaterial = fs
      .readdirSync(path.join(dataA, 'keys'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .flatMap((entry) => {
        const parsed = JSON.parse(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
        return [parsed.d, ...(parsed.keys ?? []).map((key: { k: string }) => key.k)].filter(Boolean) as string[];
      });
    expect(keyMaterial.length).toBeGreaterThan(subgraphCatalog.length);
    const everything = Object.keys(fingerprint(backup)).map((file) => fs.readFileSync(path.join(backup, file), 'utf8'));
    for (const secret of keyMaterial) expect(everything.some((text) => text.includes(secret))).toBe(false);
    expect(everything.some((text) => text.includes(contact.name))).toBe(false);
  });

  it('restores into an empty data folder, and a hub started on it answers exactly as before, the audit log included', async () => {
    expect(fs.existsSync(dataB)).toBe(false);
    const restored = await run('restore.ts', [backup], restoreEnvironment(dataB, witnessB));
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`health: `);
    for (const name of auditedSubgraphs) {
      expect(fs.readFileSync(path.join(witnessB, country, `${name}.heads.jsonl`))).toEqual(
        fs.readFileSync(path.join(backup, 'witness', country, `${name}.heads.jsonl`)),
      );
    }
    // A development hub keeps its keys in its data folder: they are put there from where they were kept apart.
    fs.cpSync(keysApart, path.join(dataB, 'keys'), { recursive: true });
    const hub = await startTestHub({ dataDir: dataB, witnessDir: witnessB });
    try {
      const after = await answers(hub, caseId);
      expect(after).toEqual(before);
      const checks = after.auditCheck.data!.auditLog.map((log: { id: string; check: { intact: boolean } }) => [log.id, log.check.intact]);
      expect(checks).toEqual(auditedSubgraphs.map((name) => [name, true]));
      expect(after.contact.data!.healthSurvivorContact).toEqual({ caseId, ...contact });
      expect(after.caseByHolder.data!.case.referrals).toHaveLength(1);
      expect(after.progress.data!.action.progressHistory.at(-1)).toMatchObject({ status: 'DELAYED', note: 'Kits not delivered' });
      expect(
        after.auditEntries.data!.auditLog.flatMap((log: { entries: unknown[] | null }) => log.entries ?? []).length,
      ).toBeGreaterThanOrEqual(5);
    } finally {
      await hub.stop();
    }
  });

  it('refuses a restore into a folder that holds data, changing nothing', async () => {
    const unchanged = fingerprint(dataB);
    const config = readConfig(restoreEnvironment(dataB, at('witness-other')));
    await expect(restoreBackup(backup, config)).rejects.toThrow(
      /data-b\/bangladesh\/coordination already holds data .*Point CRG_DATA_DIR at a new folder/,
    );
    expect(fingerprint(dataB)).toEqual(unchanged);
    expect(fs.existsSync(at('witness-other'))).toBe(false);
  });

  it('refuses a restore while the data folder is in use, by npm start or by one subgraph, writing no record', async () => {
    const dataC = at('data-c');
    const config = readConfig(restoreEnvironment(dataC, at('witness-c')));
    for (const folder of [path.join(dataC, country), path.join(dataC, country, 'police')]) {
      const held = await lockDataFolder(folder, 'hub');
      try {
        await expect(restoreBackup(backup, config, { lockWaitMs: 0 })).rejects.toThrow(`${folder} is in use by another process`);
        expect(Object.keys(fingerprint(dataC)).filter((file) => file.endsWith('.db'))).toEqual([]);
      } finally {
        await held.release();
      }
    }
  });

  it('refuses a restore without the keyring the records are encrypted under', async () => {
    const dataD = at('data-d');
    const environment = restoreEnvironment(dataD, at('witness-d'));
    delete environment.HEALTH_ENCRYPTION_KEYS_FILE;
    await expect(restoreBackup(backup, readConfig(environment))).rejects.toThrow(
      /health records in the backup are encrypted and there is no keyring at .*data-d\/keys\/bangladesh\/health-encryption-keys.json/,
    );
    expect(fingerprint(dataD)).toEqual({});
  });

  it('names the file changed after the backup was written, in verification and in restore, and restores nothing', async () => {
    const tampered = at('backup-tampered');
    fs.cpSync(backup, tampered, { recursive: true });
    const file = path.join(tampered, country, 'coordination', 'referrals.db');
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    fs.writeFileSync(file, bytes);

    const config = readConfig(restoreEnvironment(at('data-e'), at('witness-e')));
    const { problems } = await verifyBackup(tampered, config);
    expect(problems).toEqual([
      `${country}/coordination/referrals.db has changed since the backup was written: its SHA-256 is not the one in the manifest`,
    ]);

    const refused = restoreBackup(tampered, config);
    await expect(refused).rejects.toBeInstanceOf(BackupError);
    await expect(refused).rejects.toThrow(`fails verification, nothing was restored: ${country}/coordination/referrals.db has changed`);
    expect(fingerprint(at('data-e'))).toEqual({});
  });

  it('refuses a manifest altered to write outside the data folder, before writing anything', async () => {
    const tampered = at('backup-escape');
    fs.cpSync(backup, tampered, { recursive: true });
    const manifestFile = path.join(tampered, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    manifest.files.find((f: { kind: string }) => f.kind === 'collection').collection = '../../../escaped';
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const data = at('data-g');
    await expect(restoreBackup(tampered, readConfig(restoreEnvironment(data, at('witness-g'))))).rejects.toThrow(
      'names the collection or database "../../../escaped", which is not one this hub writes',
    );
    expect(fs.existsSync(data)).toBe(false);
    expect(fs.readdirSync(root).filter((name) => name.startsWith('escaped'))).toEqual([]);
  });

  it('finds an audit entry edited in the backup even when the manifest is rewritten to match', async () => {
    const tampered = at('backup-audit');
    fs.cpSync(backup, tampered, { recursive: true });
    const relative = `${country}/coordination/auditLog.db`;
    const file = path.join(tampered, relative);
    const edited = Buffer.from(fs.readFileSync(file, 'utf8').replace(caseId, 'CASE-BD-2026-999999'));
    fs.writeFileSync(file, edited);
    const manifestFile = path.join(tampered, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const entry = manifest.files.find((f: { path: string }) => f.path === relative);
    Object.assign(entry, { sha256: sha256(edited), bytes: edited.length });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));

    const { problems, auditLines } = await verifyBackup(tampered, readConfig(restoreEnvironment(at('data-f'), at('witness-f'))));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the coordination audit log in the backup does not verify: first bad audit-\d+/);
    expect(auditLines.join('\n')).toMatch(/coordination audit-\d+ was altered/);
  });
});

describe('a backup of a data folder being written', () => {
  const data = at('data-live');
  const folder = path.join(data, country, 'health');
  const complete = '{"_id":"a","version":1}\n{"_id":"b","version":1}\n{"_id":"a","$$deleted":true}\n';
  const config = () => readConfig({ CRG_STORE: 'embedded', CRG_DATA_DIR: data, CRG_COUNTRY: country });
  beforeAll(() => {
    fs.mkdirSync(folder, { recursive: true });
    // The last line is still being appended.
    fs.writeFileSync(path.join(folder, 'things.db'), `${complete}{"_id":"c","vers`);
  });

  // npm start holds the country's folder; a subgraph run on its own may hold its own.
  for (const [holder, held] of [
    ['npm start', () => path.join(data, country)],
    ['a subgraph run on its own', () => folder],
  ] as const) {
    it(`copies only the complete lines, and writes nothing into a folder held by ${holder}`, async () => {
      const lock = await lockDataFolder(held(), 'hub');
      try {
        const before = { files: fingerprint(data), names: fs.readdirSync(folder), top: fs.readdirSync(path.join(data, country)) };
        const out = at(`backup-live-${holder.length}`);
        const manifest = await takeBackup(config(), out);
        expect(manifest.consistency).toBe('live');
        const entry = manifest.files.find((file) => file.path === `${country}/health/things.db`)!;
        expect(entry.records).toBe(1);
        expect(fs.readFileSync(path.join(out, entry.path), 'utf8')).toBe(complete);
        expect({ files: fingerprint(data), names: fs.readdirSync(folder), top: fs.readdirSync(path.join(data, country)) }).toEqual(before);
      } finally {
        await lock.release();
      }
    });
  }

  it('holds the folders while copying when no hub does, so the backup is one point in time', async () => {
    const manifest = await takeBackup(config(), at('backup-stopped'));
    expect(manifest.consistency).toBe('stopped');
    expect(fs.readdirSync(folder)).toEqual(['things.db']);
    expect(fs.readdirSync(path.join(data, country))).toEqual(['health']);
  });

  it('refuses a damaged line, naming the file and the line, and leaves no backup behind', async () => {
    const damaged = path.join(data, country, 'police', 'things.db');
    fs.mkdirSync(path.dirname(damaged), { recursive: true });
    fs.writeFileSync(damaged, '{"_id":"a","version":1}\n{"_id":"b",\n{"_id":"c","version":1}\n');
    await expect(takeBackup(config(), at('backup-damaged'))).rejects.toThrow(`${damaged} line 2 cannot be read: not valid JSON`);
    expect(fs.existsSync(at('backup-damaged'))).toBe(false);
    expect(fs.existsSync(`${at('backup-damaged')}.partial`)).toBe(false);
    fs.rmSync(path.dirname(damaged), { recursive: true });
  });

  it('refuses to write a backup inside the data folder', async () => {
    await expect(takeBackup(config(), path.join(data, 'backups', 'today'))).rejects.toThrow('never into the live folder');
    expect(fs.existsSync(path.join(data, 'backups'))).toBe(false);
  });
});

describe('the mongodump layout, without a server', () => {
  const dump = at('dump');
  const documents = [
    {
      _id: 'CASE-BD-2026-000001',
      version: new Int32(3),
      ratio: new Double(0.5),
      big: Long.fromString('9007199254740993'),
      on: new Date('2026-11-24T00:00:00Z'),
      tags: ['a', 'b'],
      nested: { amount: new Int32(2), unit: 'days', none: null },
      bytes: new Binary(Buffer.from([0, 1, 2, 255])),
      encrypted: { v: new Int32(1), alg: 'A256GCM', kid: 'health-1', fields: { name: 'x' } },
    },
    { _id: 'CASE-BD-2026-000002', version: new Int32(1), on: new Date('2026-11-25T00:00:00Z'), tags: [] },
  ];
  const indexes = [
    { v: 2, key: { _id: 1 }, name: '_id_' },
    { v: 2, key: { code: 1 }, name: 'code_1', unique: true },
    { v: 2, key: { district: 1, on: -1 }, name: 'district_1_on_-1' },
  ];

  it('writes <database>/<collection>.bson and .metadata.json that read back byte for byte, types and indexes kept', () => {
    const written = writeDumpedCollection(
      dump,
      'crg_bangladesh_health',
      'cases',
      documents.map((doc) => BSON.serialize(doc)),
      indexes,
    );
    expect(path.relative(dump, written.bson.file)).toBe(path.join('crg_bangladesh_health', 'cases.bson'));
    expect(path.relative(dump, written.metadata.file)).toBe(path.join('crg_bangladesh_health', 'cases.metadata.json'));
    const metadata = JSON.parse(fs.readFileSync(written.metadata.file, 'utf8'));
    expect(metadata).toMatchObject({ collectionName: 'cases', type: 'collection', options: {} });
    expect(metadata.indexes[1]).toEqual({ v: { $numberInt: '2' }, key: { code: { $numberInt: '1' } }, name: 'code_1', unique: true });

    const read = readDumpedCollection(dump, 'crg_bangladesh_health', 'cases', {
      promoteValues: false,
      promoteLongs: false,
      promoteBuffers: false,
    });
    expect(read.documents.map((doc) => Buffer.from(BSON.serialize(doc)))).toEqual(documents.map((doc) => Buffer.from(BSON.serialize(doc))));
    expect(read.indexes).toEqual(indexes);
    const promoted = readDumpedCollection(dump, 'crg_bangladesh_health', 'cases').documents;
    expect(promoted[0]).toMatchObject({
      version: 3,
      on: new Date('2026-11-24T00:00:00Z'),
      nested: { amount: 2, unit: 'days', none: null },
    });
  });

  it('names the file and the byte where a document is cut short or damaged', () => {
    const file = bsonFile(dump, 'crg_bangladesh_health', 'cases');
    const whole = fs.readFileSync(file);
    const first = whole.readInt32LE(0);
    expect(() => decodeDocuments(whole.subarray(0, whole.length - 3), 'cases.bson')).toThrow(
      `cases.bson: the document at byte ${first} is cut short`,
    );
    const damaged = Buffer.from(whole);
    damaged[first - 1] = 0x07; // the first document's closing byte
    expect(() => decodeDocuments(damaged, 'cases.bson')).toThrow(/^cases\.bson: the document at byte 0 is not BSON/);
  });
});

/*
 * Against a real server, whenever MONGODB_URI is set (as the store contract suite does): databases
 * of this test's own, never the hub's.
 */
describe.skipIf(!process.env.MONGODB_URI)('backup and restore against MongoDB', () => {
  const uri = process.env.MONGODB_URI!;
  // Databases of this test's own (CRG_MONGODB_DATABASE_PREFIX), never the hub's.
  const prefix = `crgbackup${process.pid}`;
  const databaseName = (subgraph: string) => `${prefix}_${country}_${subgraph}`.replace(/-/g, '_');
  const dataDir = at('mongo-data');
  const out = at('mongo-backup');
  let config: HubConfig;
  let client: MongoClient;

  beforeAll(async () => {
    config = readConfig({
      CRG_STORE: 'mongodb',
      MONGODB_URI: uri,
      CRG_COUNTRY: country,
      CRG_DATA_DIR: dataDir,
      CRG_MONGODB_DATABASE_PREFIX: prefix,
    });
    client = await new MongoClient(uri).connect();
  });
  afterAll(async () => {
    for (const { name } of subgraphCatalog) await client.db(databaseName(name)).dropDatabase();
    await client.close();
  });

  it('dumps every subgraph database in the mongodump layout, restores it into empty databases, and refuses databases holding data', async () => {
    const logger = createLogger('silent');
    const keys = await configuredAuditLogKeys(config, 'justice', logger);
    // Through the store the hub opens, so that the backup is seen to find the databases where the hub keeps them.
    const store = await createStore(config, 'justice');
    await store.collection('things').ensureIndexes([{ fields: { code: 1 }, unique: true }]);
    await store.collection('things').insertMany([
      { _id: 'a', version: 1, code: 'A', on: new Date('2026-11-24T00:00:00Z') },
      { _id: 'b', version: 2, code: 'B', on: new Date('2026-11-25T00:00:00Z') },
    ] as never[]);
    const repos = await openRepositories(store, auditDocuments);
    openAuditLog(repos, 'justice', keys);
    for (const n of [1, 2, 3]) {
      await appendAudit(
        repos,
        { subject: 'officer@justice', role: 'sector-officer', sector: 'justice', requestId: `r${n}` },
        { action: 'response.read', caseIds: [`CASE-BD-2026-00000${n}`], fields: ['verdict'] },
        new Date('2026-11-24T12:00:00Z'),
      );
    }
    await store.close();
    await keys.witness.close();

    const manifest = await takeBackup(config, out);
    expect(manifest.store).toBe('mongodb');
    expect(fs.existsSync(bsonFile(out, databaseName('justice'), 'things'))).toBe(true);
    expect(manifest.files.find((file) => file.path === `${databaseName('justice')}/things.bson`)?.records).toBe(2);
    expect((await verifyBackup(out, config)).problems).toEqual([]);

    const before = await client.db(databaseName('justice')).collection('things').find().sort({ _id: 1 }).toArray();
    await client.db(databaseName('justice')).dropDatabase();
    fs.rmSync(path.join(dataDir, 'witness'), { recursive: true, force: true });
    await restoreBackup(out, config);
    const things = client.db(databaseName('justice')).collection('things');
    expect(await things.find().sort({ _id: 1 }).toArray()).toEqual(before);
    expect((await things.indexes()).find((index) => index.name === 'code_1')).toMatchObject({ key: { code: 1 }, unique: true });
    expect(await client.db(databaseName('justice')).collection('auditLog').countDocuments()).toBe(3);

    await expect(restoreBackup(out, config)).rejects.toThrow(`MongoDB database ${databaseName('justice')} already holds data`);
  });
});
