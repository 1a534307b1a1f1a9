import fs from 'node:fs';
import path from 'node:path';
import {
  collectionFilesIn,
  DamagedCollectionError,
  excerptOf,
  fileNedbLoads,
  flushFolder,
  readCollectionLines,
  replaceFileDurably,
} from './collectionFile.ts';
import { lockDataFolder } from './dataFolderLock.ts';

/** One damaged line moved out of a collection file. */
export interface SetAside {
  line: number;
  damage: string;
  excerpt: string;
}

/** What repairing one collection file did. */
export interface FileRepair {
  file: string;
  /** Where the damaged lines now are; undefined when the file had none and was left alone. */
  asideFile: string | undefined;
  setAside: SetAside[];
}

/** `20261205T062000Z`: a UTC time that sorts, and is a valid file name everywhere. */
export const fileTimestamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Moves every damaged line of every collection file in a store folder into a file beside it
 * (`<collection>.db.damaged-<UTC time>`, each line under a header giving its number and damage,
 * byte for byte) and rewrites the collection without them, each step crash-safe: the lines set
 * aside are on disk before the collection loses them. A file without damage is not touched.
 * Takes the folder's lock first, so it refuses while the subgraph (or another repair) runs.
 */
export async function repairStoreFolder(directory: string, now = new Date()): Promise<FileRepair[]> {
  // No wait: a lock kept fresh means a live process; one left by a dead process is taken at once.
  const lock = await lockDataFolder(directory, 'process using this store folder', { waitMs: 0 });
  try {
    return collectionFilesIn(directory).map((file) => repairCollectionFile(file, now));
  } finally {
    await lock.release();
  }
}

function repairCollectionFile(file: string, now: Date): FileRepair {
  const loaded = fileNedbLoads(file)!;
  if (!fs.statSync(loaded).isFile()) {
    throw new DamagedCollectionError([{ file: loaded, line: undefined, damage: 'not a regular file', excerpt: '' }]);
  }
  const content = fs.readFileSync(loaded);
  const lines = readCollectionLines(content);
  const damaged = lines.filter((line) => line.damage);
  if (damaged.length === 0) return { file: loaded, asideFile: undefined, setAside: [] };

  const asideFile = `${file}.damaged-${fileTimestamp(now)}`;
  const aside = Buffer.concat(
    damaged.flatMap((line) => [
      Buffer.from(`# line ${line.number} of ${path.basename(loaded)}: ${line.damage}\n`),
      line.bytes,
      Buffer.from('\n'),
    ]),
  );
  // Never over an earlier repair's file: what it holds may be all that is left of a record.
  if (fs.existsSync(asideFile)) throw new Error(`${asideFile} already exists; run the repair again in a second`);
  replaceFileDurably(asideFile, aside);

  const kept = Buffer.concat(lines.filter((line) => !line.damage).flatMap((line) => [line.bytes, Buffer.from('\n')]));
  replaceFileDurably(file, kept);
  if (loaded !== file) {
    // The collection was only an interrupted compaction's copy: it is now the file itself.
    fs.rmSync(loaded);
    flushFolder(path.dirname(file));
  }
  return {
    file,
    asideFile,
    setAside: damaged.map((line) => ({ line: line.number, damage: line.damage!, excerpt: excerptOf(line.bytes) })),
  };
}
