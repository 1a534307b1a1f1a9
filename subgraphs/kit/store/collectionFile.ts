import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseNedbLine } from './nedbLine.ts';

/*
 * The embedded store keeps each collection in `<collection>.db`: one JSON document per line,
 * appended on every write (NeDB's format). These functions read such a file line by line, each
 * line as NeDB's own parse reads it (nedbLine.ts), so that a damaged line is found before NeDB
 * would drop it.
 */

// NeDB's own parse and serialisation (JSON with its `$$date` values): the store writes lines with
// its serialisation; it reads them with `parseNedbLine`, which reads what this parse reads.
export const nedbModel = createRequire(import.meta.url)('@seald-io/nedb/lib/model.js') as {
  deserialize(raw: string): unknown;
  serialize(doc: unknown): string;
  compareThings(a: unknown, b: unknown): number;
};

export const collectionFileSuffix = '.db';

/**
 * One line of a collection file, as bytes, with its 1-based number, whether it ends with its line
 * end, and either what it holds as NeDB reads it or why it cannot be read.
 */
export interface CollectionLine {
  number: number;
  bytes: Buffer;
  complete: boolean;
  value?: unknown;
  damage?: string;
}

/**
 * The file NeDB will load for a collection: the file itself, or, when only the copy of an
 * interrupted compaction is left (`<file>~`, complete and flushed before the rename that did not
 * happen), that copy, which NeDB renames into place. Undefined when neither exists (a new collection).
 */
export function fileNedbLoads(file: string): string | undefined {
  if (fs.existsSync(file)) return file;
  if (fs.existsSync(`${file}~`)) return `${file}~`;
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What one line holds as NeDB reads it, or why it cannot be read. */
function parseLine(bytes: Buffer): { value?: unknown; damage?: string } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { damage: 'not valid UTF-8 text' };
  }
  let value: unknown;
  try {
    value = parseNedbLine(text);
  } catch (error) {
    return { damage: `not valid JSON (${(error as Error).message})` };
  }
  // NeDB reads a record (an `_id`) or an index declaration; anything else it skips without a word.
  const record = value as { _id?: unknown; $$indexCreated?: { fieldName?: unknown }; $$indexRemoved?: unknown } | null;
  const isRecord = typeof record === 'object' && record !== null && !Array.isArray(record);
  if (isRecord && (record._id || record.$$indexCreated?.fieldName != null || typeof record.$$indexRemoved === 'string')) return { value };
  return { damage: 'not a record (no _id)' };
}

/**
 * Every line of a collection file with its damage named. Empty lines are left out, as NeDB skips
 * them. A last line without its line end is damaged even when it parses: NeDB writes each line
 * with its end in one append, so it is an append that was cut short, never acknowledged, and the
 * next append would be glued onto it.
 */
export function readCollectionLines(content: Buffer): CollectionLine[] {
  const lines: CollectionLine[] = [];
  let start = 0;
  for (let number = 1; start < content.length; number++) {
    const end = content.indexOf(0x0a, start);
    const bytes = content.subarray(start, end === -1 ? content.length : end);
    const { value, damage } = parseLine(bytes);
    if (end === -1) lines.push({ number, bytes, complete: false, damage: `cut short (no line end)${damage ? `, ${damage}` : ''}` });
    else if (bytes.length > 0) lines.push({ number, bytes, complete: true, value, damage });
    start = end === -1 ? content.length : end + 1;
  }
  return lines;
}

/**
 * The records the lines leave once loaded, as NeDB would: later lines replace or delete earlier
 * ones, and lines that create or remove an index hold no record. Lines not complete or damaged
 * are passed over: refusing them is the caller's decision, made before.
 */
export function latestRecords<T extends { _id?: unknown } = Record<string, unknown>>(lines: readonly CollectionLine[]): T[] {
  const byId = new Map<unknown, T>();
  for (const line of lines) {
    const record = line.value as (T & { $$deleted?: boolean }) | undefined;
    if (!line.complete || line.damage || record?._id === undefined) continue;
    if (record.$$deleted === true) byId.delete(record._id);
    else byId.set(record._id, record);
  }
  return [...byId.values()];
}

/**
 * A damaged line, located and shown briefly (its start, quoted, so control bytes are visible);
 * or, with no line, a path that is no file at all.
 */
export interface DamagedLine {
  file: string;
  line: number | undefined;
  damage: string;
  excerpt: string;
}

const excerptLength = 48;

export function excerptOf(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return JSON.stringify(text.length > excerptLength ? `${text.slice(0, excerptLength)}…` : text);
}

/** The damaged lines of one collection file (none when it does not exist). */
export function damagedLinesIn(file: string): DamagedLine[] {
  const loaded = fileNedbLoads(file);
  if (!loaded) return [];
  // A device or a folder in its place (a link to /dev/full, say) would be read without end.
  if (!fs.statSync(loaded).isFile()) return [{ file: loaded, line: undefined, damage: 'not a regular file', excerpt: '' }];
  return readCollectionLines(fs.readFileSync(loaded))
    .filter((line) => line.damage)
    .map((line) => ({ file: loaded, line: line.number, damage: line.damage!, excerpt: excerptOf(line.bytes) }));
}

/** The collection files of a store folder (and collections left only as an interrupted compaction's copy). */
export function collectionFilesIn(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  const names = new Set<string>();
  for (const entry of fs.readdirSync(directory)) {
    if (entry.endsWith(collectionFileSuffix)) names.add(entry);
    else if (entry.endsWith(`${collectionFileSuffix}~`)) names.add(entry.slice(0, -1));
  }
  return [...names].sort().map((name) => path.join(directory, name));
}

/**
 * Start stops with this rather than let NeDB load a damaged file, which would drop the line and
 * rewrite the file without it for good. Nothing has been changed when it is raised.
 */
export class DamagedCollectionError extends Error {
  constructor(readonly damaged: DamagedLine[]) {
    super(
      `Refusing to open the store: ${describeDamage(damaged)}. Nothing was changed. Either run \`npm run store:repair\` (with the same ` +
        `CRG_DATA_DIR and CRG_COUNTRY, while the subgraph is stopped) to move the damaged lines into a file beside the ` +
        `collection and start without them, or restore the folder from a backup with \`npm run restore\`.`,
    );
    this.name = 'DamagedCollectionError';
  }
}

const listedLines = 10;

/** Per file: its first damaged line with why and how it starts, then the numbers of the others. */
function describeDamage(damaged: DamagedLine[]): string {
  const files = [...new Set(damaged.map((d) => d.file))];
  return files
    .map((file) => {
      const [first, ...others] = damaged.filter((d) => d.file === file);
      const more = others.length
        ? ` (and ${others.length} more damaged line${others.length > 1 ? 's' : ''}: ${others
            .slice(0, listedLines)
            .map((d) => d.line)
            .join(', ')}${others.length > listedLines ? ', …' : ''})`
        : '';
      if (first!.line === undefined) return `${file} cannot be read: ${first!.damage}`;
      return `${file} line ${first!.line} cannot be read: ${first!.damage}, starting ${first!.excerpt}${more}`;
    })
    .join('; ');
}

/** Throws DamagedCollectionError naming every damaged line of every collection file in the folder. */
export function assertCollectionFilesReadable(directory: string): void {
  const damaged = collectionFilesIn(directory).flatMap(damagedLinesIn);
  if (damaged.length > 0) throw new DamagedCollectionError(damaged);
}

/** What a collection file holds once loaded, as NeDB's own load would leave it. */
export interface CollectionContent {
  /** The latest version of each record (later lines replace or delete earlier ones). */
  records: Record<string, unknown>[];
  /** The indexes its lines declare (and did not remove), by NeDB's key for them. */
  indexes: Record<string, { fieldName: unknown }>;
  /** Its record lines: more than `records` by the superseded versions and deletions. */
  recordLines: number;
  /** The file as it was when read (absent for none): a file changed since is read again before it is loaded. */
  readAt?: FileVersion;
}

/** What tells one version of a file from another without reading it. */
export interface FileVersion {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The version of `file` now, or undefined when there is none. */
export function fileVersion(file: string): FileVersion | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat && { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

export const sameVersion = (a: FileVersion | undefined, b: FileVersion | undefined) =>
  a?.ino === b?.ino && a?.size === b?.size && a?.mtimeMs === b?.mtimeMs;

/**
 * Every collection file of a folder read once, each line parsed as NeDB parses it: what each holds,
 * by the collection file's path, for the store to load without reading it again. Throws
 * DamagedCollectionError naming every damaged line of every file, as `assertCollectionFilesReadable`
 * does, and then nothing has been changed.
 */
export function readCollectionFiles(directory: string): Map<string, CollectionContent> {
  const contents = new Map<string, CollectionContent>();
  const damaged: DamagedLine[] = [];
  for (const file of collectionFilesIn(directory)) {
    const read = readCollectionFile(file);
    if ('damaged' in read) damaged.push(...read.damaged);
    else contents.set(file, read);
  }
  if (damaged.length > 0) throw new DamagedCollectionError(damaged);
  return contents;
}

/**
 * One collection file read once (empty when it does not exist), or its damaged lines; read
 * `chunkBytes` at a time (see `eachLine`).
 */
export function readCollectionFile(file: string, chunkBytes = 4 * 1024 * 1024): CollectionContent | { damaged: DamagedLine[] } {
  const loaded = fileNedbLoads(file);
  if (!loaded) return { records: [], indexes: {}, recordLines: 0 };
  // A device or a folder in its place (a link to /dev/full, say) would be read without end.
  const stat = fs.statSync(loaded);
  if (!stat.isFile()) return { damaged: [{ file: loaded, line: undefined, damage: 'not a regular file', excerpt: '' }] };
  const fd = fs.openSync(loaded, 'r');
  let content: CollectionContent | undefined;
  try {
    content = contentOf(fd, chunkBytes);
  } finally {
    fs.closeSync(fd);
  }
  if (content) return { ...content, readAt: { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs } };
  const damaged = damagedLinesIn(file);
  if (damaged.length > 0) return { damaged };
  // The two readings disagree: refused like a damaged file (not restarted in a loop), never left out.
  return { damaged: [{ file: loaded, line: undefined, damage: 'no single line is damaged, yet it cannot be read whole', excerpt: '' }] };
}

/**
 * What an undamaged file holds, or undefined at the first damaged line (the caller then names
 * them all with `damagedLinesIn`, which reads the file again line by line: only a file about to
 * be refused pays for that). Each line is decoded on its own: a file may hold more characters
 * than one string can (about 512 MB in Node 20), and a line end is one byte in UTF-8, never inside
 * a character.
 */
function contentOf(fd: number, chunkBytes: number): CollectionContent | undefined {
  const byId = new Map<unknown, Record<string, unknown>>();
  const indexes: Record<string, { fieldName: unknown }> = {};
  let recordLines = 0;
  const read = (bytes: Buffer): boolean => {
    if (bytes.length === 0) return true;
    let value: { _id?: unknown; $$deleted?: unknown; $$indexCreated?: { fieldName?: unknown }; $$indexRemoved?: unknown } | null;
    try {
      value = parseNedbLine(utf8.decode(bytes)) as typeof value;
    } catch {
      return false;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    if (value._id) {
      recordLines++;
      if (value.$$deleted === true) byId.delete(value._id);
      else byId.set(value._id, value);
    } else if (value.$$indexCreated?.fieldName != null) {
      // NeDB keys its indexes by the field name, or by a compound index's names joined with commas.
      const { fieldName } = value.$$indexCreated;
      indexes[Array.isArray(fieldName) ? fieldName.join(',') : (fieldName as string)] = { ...value.$$indexCreated, fieldName };
    } else if (typeof value.$$indexRemoved === 'string') {
      delete indexes[value.$$indexRemoved];
    } else return false;
    return true;
  };
  // A last line without its line end is damaged: see readCollectionLines.
  if (!eachLine(fd, chunkBytes, read)) return undefined;
  return { records: [...byId.values()], indexes, recordLines };
}

/**
 * Hands `read` each line of an open file (its bytes without the line end, valid only during the
 * call), reading the file `chunkBytes` at a time into one buffer (grown for a longer line): a
 * buffer the size of a file of
 * hundreds of megabytes costs the system a page fault for every page (0.34 s of system time for
 * the 137 MB referrals file at 100,000 cases, against 0.02 s in chunks). Stops at the first line
 * `read` refuses. True when every line was taken and ended with its line end.
 */
function eachLine(fd: number, chunkBytes: number, read: (line: Buffer) => boolean): boolean {
  let buffer = Buffer.allocUnsafe(chunkBytes);
  // The start of a line not ended yet, moved to the front of the buffer.
  let held = 0;
  for (;;) {
    if (held === buffer.length) buffer = Buffer.concat([buffer], buffer.length * 2);
    const got = fs.readSync(fd, buffer, held, buffer.length - held, null);
    if (got === 0) return held === 0;
    const filled = buffer.subarray(0, held + got);
    let start = 0;
    for (let end = filled.indexOf(0x0a, held); end !== -1; end = filled.indexOf(0x0a, start)) {
      if (!read(filled.subarray(start, end))) return false;
      start = end + 1;
    }
    held = filled.copy(buffer, 0, start);
  }
}

/**
 * Replaces `file` with `content` so that a crash leaves either the old or the new file whole:
 * written beside it, flushed, renamed over it, and the folder flushed so the rename lasts.
 */
export function replaceFileDurably(file: string, content: Buffer | string): void {
  const temporary = `${file}.writing`;
  writeFlushed(temporary, content, 0o644);
  fs.renameSync(temporary, file);
  flushFolder(path.dirname(file));
}

/** Writes `file` whole and flushes it to the disk before returning. */
export function writeFlushed(file: string, content: Buffer | string, mode: number): void {
  const fd = fs.openSync(file, 'w', mode);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function flushFolder(directory: string): void {
  const fd = fs.openSync(directory, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
