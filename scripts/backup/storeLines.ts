import fs from 'node:fs';
import { createRequire } from 'node:module';
import { BackupError } from './manifest.ts';

/*
 * The embedded store's files and the witness files are append-only JSON lines. A process may be
 * appending while they are read, so only the complete lines are taken: up to the last newline.
 */

// NeDB's own line parser, so that a line is read exactly as the store reads it ($$date and all).
const { deserialize } = createRequire(import.meta.url)('@seald-io/nedb/lib/model.js') as { deserialize(line: string): unknown };

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

export interface ParsedLine {
  line: number;
  value: Record<string, unknown>;
}

/** Every non-empty line parsed as the store parses it; a line that does not is named by file and line. */
export function parseLines(bytes: Buffer, name: string): ParsedLine[] {
  const text = bytes.toString('utf8');
  if (text.length > 0 && !text.endsWith('\n')) throw new BackupError(`${name}: its last line is cut short (no final newline)`);
  const parsed: ParsedLine[] = [];
  text.split('\n').forEach((line, index) => {
    if (line === '') return;
    let value: unknown;
    try {
      value = deserialize(line);
    } catch (error) {
      throw new BackupError(`${name} line ${index + 1} does not parse (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BackupError(`${name} line ${index + 1} is not a record`);
    }
    parsed.push({ line: index + 1, value: value as Record<string, unknown> });
  });
  return parsed;
}

/** The lines of a witness file; the audit verification reads them, and names any that is not a head. */
export const countLines = (bytes: Buffer) => bytes.toString('utf8').split('\n').length - 1;

/** The records an embedded collection file holds once loaded: later lines replace or delete earlier ones. */
export function loadedRecords(lines: readonly ParsedLine[]): Record<string, unknown>[] {
  const byId = new Map<unknown, Record<string, unknown>>();
  for (const { value } of lines) {
    if (value._id === undefined) continue; // an index created or removed
    if (value.$$deleted === true) byId.delete(value._id);
    else byId.set(value._id, value);
  }
  return [...byId.values()];
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
