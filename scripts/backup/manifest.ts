import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CountryId } from '../../subgraphs/kit/config.ts';

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
  /** Records a collection holds once loaded, heads a witness holds, indexes described. */
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
  for (const entry of manifest.files) {
    const resolved = path.resolve(backupDir, entry.path ?? '');
    if (typeof entry.path !== 'string' || !resolved.startsWith(path.resolve(backupDir) + path.sep)) {
      throw new BackupError(`${file} names a file outside the backup folder (${JSON.stringify(entry.path)})`);
    }
  }
  return manifest;
}

/** Writes a file whole or not at all: beside it first, flushed, then renamed over it. */
export function writeFileDurably(file: string, bytes: Buffer | string, temporarySuffix = '.partial'): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}${temporarySuffix}`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** Flushes a folder, so that the names renamed into it survive a power cut. */
export function syncFolder(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
