import { createRequire } from 'node:module';
import {
  DamagedCollectionError,
  fileVersion,
  nedbModel,
  readCollectionFile,
  sameVersion,
  type CollectionContent,
} from './collectionFile.ts';
import { buildIndex, type NedbIndex } from './nedbIndexBuild.ts';

/*
 * How the embedded store has NeDB load a collection file: from the lines the store has already read
 * and checked (collectionFile.ts `readCollectionFiles`), parsed once, and without rewriting the file.
 * NeDB's own load reads and parses the file a second time and then compacts it (writes every live
 * document to a new file, flushes and renames it), which at 100,000 cases is most of the start.
 */

const require = createRequire(import.meta.url);
// What follows uses NeDB's internals as 4.1.2 has them (pinned exactly in package.json): another
// version could load a file differently without a word, so it is refused until checked.
const nedbVersion = (require('@seald-io/nedb/package.json') as { version: string }).version;
if (nedbVersion !== '4.1.2') {
  throw new Error(`The embedded store loads files with NeDB 4.1.2's internals (nedbLoad.ts), but NeDB ${nedbVersion} is installed`);
}
// Its indexes' trees are built here too (nedbIndexBuild.ts), from the tree package NeDB loads.
const treeVersion = (createRequire(require.resolve('@seald-io/nedb'))('@seald-io/binary-search-tree/package.json') as { version: string })
  .version;
if (treeVersion !== '1.0.3') {
  throw new Error(
    `The embedded store builds NeDB's indexes with binary-search-tree 1.0.3 (nedbIndexBuild.ts), but ${treeVersion} is installed`,
  );
}
const storage = require('@seald-io/nedb/lib/storage.js') as {
  ensureDatafileIntegrityAsync(file: string, mode?: number): Promise<void>;
};
const Index = require('@seald-io/nedb/lib/indexes.js') as new (spec: { fieldName: unknown }) => NedbIndex;

/**
 * A file whose superseded lines (older versions, deletions) outnumber its live records is compacted
 * as it is loaded, as NeDB did on every load: a clean stop compacts every file (nedbStore.ts
 * `close`), so this is for a process that stopped without one, and keeps a file within about twice
 * what its records need. The few lines below the minimum are not worth a rewrite.
 */
const minimumSuperseded = 1000;
export const compactsAtOpen = (content: Pick<CollectionContent, 'records' | 'recordLines'>) => {
  const superseded = content.recordLines - content.records.length;
  return superseded >= minimumSuperseded && superseded > content.records.length;
};

interface LoadingDatastore {
  indexes: Record<string, NedbIndex>;
  executor: { processBuffer(): void };
  _resetIndexes(docs?: unknown[]): void;
  persistence: {
    modes: { fileMode: number };
    loadDatabaseAsync(): Promise<void>;
    persistCachedDatabaseAsync(): Promise<void>;
  };
}

/**
 * Replaces NeDB's load of `file` (what `loadDatabaseAsync` runs, in its queue, before any other
 * operation of the collection) with one from `read`, what the store read of it at open; a
 * collection that had no file then is read now, and refused the same way if damaged.
 */
export function loadOnce(datastore: unknown, file: string, read: CollectionContent | undefined): void {
  const ds = datastore as LoadingDatastore;
  const { persistence } = ds;
  persistence.loadDatabaseAsync = async () => {
    ds._resetIndexes();
    // Renames the copy an interrupted compaction left into place, or creates an empty file.
    await storage.ensureDatafileIntegrityAsync(file, persistence.modes.fileMode);
    // Read again if the file changed since the store read it (nothing else should write it while
    // the store holds the folder's lock; if something did, its lines are loaded, not lost).
    let content = read && sameVersion(read.readAt, fileVersion(file)) ? read : undefined;
    if (!content) {
      const now = readCollectionFile(file);
      if ('damaged' in now) throw new DamagedCollectionError(now.damaged);
      content = now;
    }
    read = undefined;
    for (const [key, spec] of Object.entries(content.indexes)) ds.indexes[key] = new Index(spec);
    try {
      // What `ds._resetIndexes(content.records)` leaves, built for less (nedbIndexBuild.ts).
      for (const index of Object.values(ds.indexes)) buildIndex(index, content.records, nedbModel.compareThings);
    } catch (error) {
      ds._resetIndexes();
      throw error;
    }
    if (compactsAtOpen(content)) await persistence.persistCachedDatabaseAsync();
    ds.executor.processBuffer();
  };
}
