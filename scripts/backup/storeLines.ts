import fs from 'node:fs';
import { latestRecords, readCollectionLines } from '../../subgraphs/kit/store/collectionFile.ts';
import { BackupError } from './manifest.ts';

/*
 * The embedded store's files and the witness files are append-only lines. A process may be
 * appending while they are read, so only the complete lines are taken: up to the last newline.
 */

/** The file as it stands, cut after its last newline (a line still being appended is left out). */
export function readCompleteLines(file: string): Buffer {
  // One descriptor for the whole read: a store rewriting the file (compaction renames a new one
  // into place) leaves this read on the version it opened.
  const fd = fs.openSync(file, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const end = bytes.subarray(0, read).lastIndexOf(0x0a);
    return bytes.subarray(0, end + 1);
  } finally {
    fs.closeSync(fd);
  }
}

/** The lines of a witness file; the audit verification reads them, and names any that is not a head. */
export const countLines = (bytes: Buffer) => bytes.toString('utf8').split('\n').length - 1;

/**
 * The records a collection file holds once loaded, each line read by the store's own reader
 * (collectionFile.ts): later lines replace or delete earlier ones. A line the store would refuse
 * is named by `name` and its number.
 */
export function loadedRecords(bytes: Buffer, name: string): Record<string, unknown>[] {
  const lines = readCollectionLines(bytes);
  const damaged = lines.find((line) => line.damage);
  if (damaged) throw new BackupError(`${name} line ${damaged.number} cannot be read: ${damaged.damage}`);
  return latestRecords(lines);
}

/** The encryption key ids the records' encrypted fields name (docs/encryption-at-rest.md). */
export function encryptionKeyIds(records: Iterable<Record<string, unknown>>): Set<string> {
  const ids = new Set<string>();
  for (const record of records) {
    const kid = (record.encrypted as { kid?: unknown } | undefined)?.kid;
    if (typeof kid === 'string') ids.add(kid);
  }
  return ids;
}
