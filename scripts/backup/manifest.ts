import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { countries, type CountryId } from '../../platform/config.ts';

/*
 * What a backup holds, written last into its folder as manifest.json: for every file, its
 * SHA-256, its size and how many records it holds, so that a changed byte is named by file.
 */

export const manifestName = 'manifest.json';
export const backupFormat = 'crg-backup';
export const backupFormatVersion = 1;

/**
 * How far the files agree with each other in time: `stopped` when no process could write the
 * store meanwhile (each subgraph folder's lock was held by the backup, or a MongoDB snapshot read
 * was used), `live` when each collection is a point in time of its own.
 */
export type Consistency = 'stopped' | 'snapshot' | 'live';

export interface BackupFile {
  /** Relative to the backup folder, with forward slashes. */
  path: string;
  kind: 'collection' | 'indexes' | 'witness';
  subgraph: string;
  /** For a collection or its indexes. */
  collection?: string;
  /** For MongoDB: the database it was read from. */
  database?: string;
  sha256: string;
  bytes: number;
  /** Records a collection holds once loaded, documents, indexes described, or lines of a witness file. */
  records: number;
}

export interface BackupManifest {
  format: typeof backupFormat;
  formatVersion: number;
  country: CountryId;
  store: 'embedded' | 'mongodb';
  createdAt: string;
  consistency: Consistency;
  /** Each sector's encryption key ids its records are encrypted under: the keyring must hold them all. */
  keyIds: Record<string, string[]>;
  subgraphs: string[];
  notIncluded: string;
  files: BackupFile[];
}

export const notIncluded =
  'Keys are not in this backup: the sectors’ encryption keyrings, the audit signing keys and the development keys are ' +
  'backed up apart. Without the encryption keyrings the identifying details in it cannot be read (docs/backups.md).';

/** A subgraph, collection or database name: letters, digits, `_`, `-` and `.`, nothing that moves up or across folders. */
const plainName = /^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** A refusal or a failed check, said in one line; the commands exit with status 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Describes one file written into the backup. */
export function describeFile(
  backupDir: string,
  file: string,
  bytes: Buffer,
  entry: Omit<BackupFile, 'path' | 'sha256' | 'bytes'>,
): BackupFile {
  return { path: path.relative(backupDir, file).split(path.sep).join('/'), ...entry, sha256: sha256(bytes), bytes: bytes.length };
}

/** Reads the manifest of a backup folder, refusing one that is not a backup of this format. */
export function readManifest(backupDir: string): BackupManifest {
  const file = path.join(backupDir, manifestName);
  if (!fs.existsSync(backupDir)) throw new BackupError(`${backupDir} does not exist`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupError(`${file} cannot be read as a backup manifest (${(error as Error).message}): is ${backupDir} a backup folder?`);
  }
  if (manifest?.format !== backupFormat || !Array.isArray(manifest.files) || !Array.isArray(manifest.subgraphs)) {
    throw new BackupError(`${file} is not a backup manifest of this hub (no "format": "${backupFormat}" with its files)`);
  }
  if (manifest.formatVersion !== backupFormatVersion) {
    throw new BackupError(`${file} is of format version ${manifest.formatVersion}; this hub reads version ${backupFormatVersion}`);
  }
  // The manifest is not signed, and restore builds paths from it: every name must be a plain one.
  const refuse = (what: string, value: unknown) => {
    throw new BackupError(`${file} names ${what} ${JSON.stringify(value)}, which is not one this hub writes: the manifest was altered`);
  };
  if (!countries.includes(manifest.country)) refuse('the country', manifest.country);
  for (const subgraph of manifest.subgraphs) if (!plainName.test(String(subgraph))) refuse('the subgraph', subgraph);
  if (typeof manifest.keyIds !== 'object' || manifest.keyIds === null) refuse('the key ids', manifest.keyIds);
  for (const [subgraph, ids] of Object.entries(manifest.keyIds)) {
    if (!manifest.subgraphs.includes(subgraph) || !Array.isArray(ids)) refuse('the key ids of', subgraph);
  }
  for (const entry of manifest.files) {
    const resolved = path.resolve(backupDir, String(entry.path));
    if (typeof entry.path !== 'string' || !resolved.startsWith(path.resolve(backupDir) + path.sep)) refuse('the file', entry.path);
    if (!manifest.subgraphs.includes(entry.subgraph)) refuse('the subgraph', entry.subgraph);
    for (const name of [entry.collection, entry.database])
      if (name !== undefined && !plainName.test(String(name))) refuse('the collection or database', name);
  }
  return manifest;
}
