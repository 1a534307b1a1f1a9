import fs from 'node:fs';
import path from 'node:path';
import {
  collectionFilesIn,
  collectionFileSuffix,
  DamagedCollectionError,
  excerptOf,
  fileNedbLoads,
  latestRecords,
  readCollectionLines,
} from './collectionFile.ts';
import { createNedbStore } from './nedbStore.ts';
import type { Collection, Store, StoredDocument } from './port.ts';

/**
 * A read-only copy of an embedded store folder as its files are at this moment, for a reader
 * beside the process that serves it (`npm run audit:verify` while the hub appends). It takes no
 * lock and writes nothing: NeDB rewrites every file it loads, which would drop whatever the
 * serving process appends meanwhile. A last line without its line end is an append still being
 * written and is left out; any other damaged line is refused, as at start.
 */
export async function openStoreSnapshot(directory: string): Promise<Store> {
  const memory = createNedbStore({});
  for (const file of collectionFilesIn(directory)) {
    const loaded = fileNedbLoads(file)!;
    if (!fs.statSync(loaded).isFile()) {
      throw new DamagedCollectionError([{ file: loaded, line: undefined, damage: 'not a regular file', excerpt: '' }]);
    }
    const lines = readCollectionLines(fs.readFileSync(loaded));
    const damaged = lines.filter((line) => line.damage && line.complete);
    if (damaged.length > 0) {
      throw new DamagedCollectionError(
        damaged.map((line) => ({ file: loaded, line: line.number, damage: line.damage!, excerpt: excerptOf(line.bytes) })),
      );
    }
    await memory.collection(path.basename(file, collectionFileSuffix)).insertMany(latestRecords<StoredDocument>(lines));
  }
  return readOnly(memory, directory);
}

function readOnly(store: Store, directory: string): Store {
  const refuse = () => Promise.reject(new Error(`${directory} is open as a read-only snapshot: nothing can be written to it`));
  return {
    ...store,
    kind: 'embedded snapshot',
    location: (collection) => path.join(directory, `${collection}${collectionFileSuffix}`),
    collection<T extends StoredDocument>(name: string): Collection<T> {
      const inner = store.collection<T>(name);
      return { ...inner, insertMany: refuse, replaceOne: refuse, deleteMany: refuse, ensureIndexes: async () => undefined };
    },
  };
}
