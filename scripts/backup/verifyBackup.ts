import fs from 'node:fs';
import path from 'node:path';
import { auditedSubgraphs } from '../../platform/catalog.ts';
import { configuredAuditPublicKey } from '../../subgraphs/kit/audit/configuredAudit.ts';
import { readWitnessFile } from '../../subgraphs/kit/audit/witness.ts';
import type { HubConfig } from '../../platform/config.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { verifyAuditLogs, type StoredAuditLog } from '../auditVerify.ts';
import { BackupError, manifestName, readManifest, sha256, type BackupFile, type BackupManifest } from './manifest.ts';
import { decodeDocuments, decodeMetadata } from './mongoDumpLayout.ts';
import { countLines, loadedRecords } from './storeLines.ts';
import { backupWitnessFile } from './witnessCopies.ts';

export interface BackupVerification {
  manifest: BackupManifest;
  /** Each thing wrong, naming the file (or the audit entry); none when the backup is sound. */
  problems: string[];
  /** The audit verification's report, one line per log. */
  auditLines: string[];
}

type AuditSettings = Pick<HubConfig, 'mode' | 'store' | 'dataDir' | 'country' | 'audit'>;

const auditCollections = new Set(['auditLog', 'auditHead']);

/** Every file under `dir`, relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The records a file holds, parsed as the store (or mongorestore) would; a witness's lines are read by the audit verification. */
function recordsOf(entry: BackupFile, bytes: Buffer): Record<string, unknown>[] | number {
  if (entry.kind === 'witness') return countLines(bytes);
  if (entry.kind === 'indexes') return decodeMetadata(bytes, entry.path);
  if (entry.path.endsWith('.bson')) return decodeDocuments(bytes, entry.path);
  return loadedRecords(bytes, entry.path);
}

/**
 * Checks a backup folder: every file the manifest lists is there, unchanged (size and SHA-256),
 * parses record by record and holds as many records as listed; no other file is there; and each
 * subgraph's audit log in it verifies (`npm run audit:verify`'s checks) against the public audit
 * key configured here and the witness copied with it.
 */
export async function verifyBackup(backupDir: string, config: AuditSettings): Promise<BackupVerification> {
  const manifest = readManifest(backupDir);
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const file of filesUnder(backupDir)) {
    if (file !== manifestName && !listed.has(file)) problems.push(`${file} is not in the manifest (added after the backup was written)`);
  }
  const auditRecords = new Map<string, Map<string, Record<string, unknown>[]>>();
  const unreadableAudit = new Set<string>();
  for (const entry of manifest.files) {
    const file = path.join(backupDir, entry.path);
    const isAudit = entry.kind === 'collection' && auditCollections.has(entry.collection ?? '');
    const fail = (problem: string) => {
      problems.push(problem);
      if (isAudit || entry.kind === 'witness') unreadableAudit.add(entry.subgraph);
    };
    if (!fs.existsSync(file)) {
      fail(`${entry.path} is missing`);
      continue;
    }
    const bytes = fs.readFileSync(file);
    if (bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256) {
      fail(`${entry.path} has changed since the backup was written: its SHA-256 is not the one in the manifest`);
      continue;
    }
    let records: Record<string, unknown>[] | number;
    try {
      records = recordsOf(entry, bytes);
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      fail(error.message);
      continue;
    }
    const count = typeof records === 'number' ? records : records.length;
    if (count !== entry.records) fail(`${entry.path} holds ${count} records, the manifest says ${entry.records}`);
    if (isAudit && typeof records !== 'number') {
      const bySubgraph = auditRecords.get(entry.subgraph) ?? new Map<string, Record<string, unknown>[]>();
      bySubgraph.set(entry.collection!, records);
      auditRecords.set(entry.subgraph, bySubgraph);
    }
  }

  const logs = new Map<string, StoredAuditLog>();
  const auditLines: string[] = [];
  try {
    // The hub's own services (alerts) keep no audit log: nothing of theirs to verify.
    for (const subgraph of manifest.subgraphs.filter((name) => auditedSubgraphs.includes(name) && !unreadableAudit.has(name))) {
      // The kit's verification reads a store: an in-memory one holding the backup's audit records.
      const store = createNedbStore({});
      logs.set(subgraph, {
        store,
        trust: {
          subgraph,
          publicKey: configuredAuditPublicKey(config, subgraph),
          witnessed: readWitnessFile(backupWitnessFile(backupDir, manifest.country, subgraph)),
        },
      });
      for (const [collection, records] of auditRecords.get(subgraph) ?? []) {
        await store.collection(collection).insertMany(records as unknown as StoredDocument[]);
      }
    }
    const report = await verifyAuditLogs(logs);
    auditLines.push(...report.lines);
    for (const [subgraph, entryId] of Object.entries(report.firstBad)) {
      problems.push(`the ${subgraph} audit log in the backup does not verify: first bad ${entryId} (see the audit lines)`);
    }
  } finally {
    await Promise.all([...logs.values()].map(({ store }) => store.close()));
  }
  return { manifest, problems, auditLines };
}
