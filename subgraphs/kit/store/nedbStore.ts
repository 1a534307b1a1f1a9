import nedb from '@seald-io/nedb';
import fs from 'node:fs';
import path from 'node:path';
import { StoreUnavailableError } from '../errors.ts';
import { DurableAppendFile } from './durableAppendFile.ts';
import { collectionFileSuffix, nedbModel, readCollectionFiles, type CollectionContent } from './collectionFile.ts';
import { keyedFilter, readKeyed } from './nedbKeyedRead.ts';
import { loadOnce } from './nedbLoad.ts';
import {
  countingCollection,
  DuplicateKeyError,
  newQueryCounter,
  type Collection,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type Store,
  type StoredDocument,
} from './port.ts';

// The package is CommonJS but its typings declare an ES default export; take whichever is there.
const Datastore = ((nedb as unknown as { default?: typeof nedb.default }).default ?? nedb) as unknown as typeof nedb.default;
type Datastore = InstanceType<typeof Datastore>;

/**
 * The embedded default: NeDB keeps every collection in memory and, unless `directory` is
 * omitted, appends each write to a file per collection, so nothing needs a server. Its
 * multi-document insert rolls back in memory when any document fails, which gives us
 * all-or-nothing imports without transactions.
 *
 * Three guards are added to NeDB (docs/embedded-store.md): every file is read and each line parsed
 * before anything is loaded, and opening refuses a damaged one (NeDB would drop the line and
 * rewrite the file without it), and what was read is what is loaded (nedbLoad.ts: one parse, no
 * rewrite at open); each append is flushed to the disk before the write is answered; and a write
 * the disk refuses stops the store, since NeDB has by then changed its memory and the file has not.
 */
export function createNedbStore(options: { directory?: string; subgraph?: string }): Store {
  const { directory } = options;
  const subgraph = options.subgraph ?? (directory ? path.basename(directory) : 'in-memory');
  // Read, and held until each collection is first used (when NeDB loads it from here).
  let read = new Map<string, CollectionContent>();
  if (directory) {
    fs.mkdirSync(directory, { recursive: true });
    read = readCollectionFiles(directory);
  }
  const datastores = new Map<string, Datastore>();
  const loads = new Map<string, Promise<void>>();
  const collections = new Map<string, Collection<StoredDocument>>();
  const queries = newQueryCounter();
  const failure = new StoreFailure(subgraph);
  const appendFiles: DurableAppendFile[] = [];
  const fileOf = (name: string) => path.join(directory!, `${name}${collectionFileSuffix}`);

  function datastore(name: string): Datastore {
    let ds = datastores.get(name);
    if (!ds) {
      // No tolerance for unreadable lines: NeDB's default drops up to 10% of them without a word.
      ds = directory ? new Datastore({ filename: fileOf(name), corruptAlertThreshold: 0 }) : new Datastore({ inMemoryOnly: true });
      if (directory) {
        const appends = new DurableAppendFile(fileOf(name), persistenceOf(ds).modes.fileMode);
        appendFiles.push(appends);
        appendDurably(ds, appends, (error) => failure.fail(name, error));
        const content = read.get(fileOf(name));
        read.delete(fileOf(name));
        loadOnce(ds, fileOf(name), content);
      }
      datastores.set(name, ds);
      const load = ds.loadDatabaseAsync().catch((error: unknown) => {
        throw new Error(`Could not load ${directory ? fileOf(name) : name}: ${(error as Error).message}`);
      });
      // Awaited by every operation; a collection opened and never used must not leave it unhandled.
      load.catch(() => undefined);
      loads.set(name, load);
    }
    return ds;
  }

  function collection<T extends StoredDocument>(name: string): Collection<T> {
    let c = collections.get(name);
    if (!c) {
      const ds = datastore(name);
      c = countingCollection(nedbCollection(name, ds, loads.get(name)!, failure), queries);
      collections.set(name, c);
    }
    return c as unknown as Collection<T>;
  }

  return {
    kind: directory ? 'embedded' : 'memory',
    soleWriter: true,
    collection,
    queries,
    resetQueryCount() {
      queries.total = 0;
      queries.byCollection = {};
    },
    async ping() {
      return !failure.error;
    },
    location(name) {
      return directory ? fileOf(name) : `the in-memory collection ${name}`;
    },
    onFailure(listener) {
      failure.listeners.push(listener);
    },
    async compact(name) {
      if (!directory) return;
      const ds = datastore(name);
      await loads.get(name);
      // Not from a memory that may differ from the file (a failed write).
      failure.check();
      await ds.compactDatafileAsync();
    },
    async close() {
      // What was read of a collection never used is not loaded now.
      read.clear();
      const loaded = await Promise.all(
        [...loads].map(([name, load]) =>
          load.then(
            () => name,
            () => undefined,
          ),
        ),
      );
      // Compacting on close rewrites each file without superseded lines, so it loads fast next
      // time. Never from a memory that may differ from the files (a failed write), nor for a
      // collection that did not load (its memory is empty, the file is not).
      try {
        if (!directory || failure.error) return;
        await Promise.all(loaded.flatMap((name) => (name === undefined ? [] : [datastores.get(name)!.compactDatafileAsync()])));
      } finally {
        await Promise.all(appendFiles.map((file) => file.close()));
      }
    },
  };
}

/** Once a write has failed at the disk, every later operation of the store is refused with the same error. */
class StoreFailure {
  error: StoreUnavailableError | undefined;
  readonly listeners: ((error: Error) => void)[] = [];

  constructor(private readonly subgraph: string) {}

  fail(collection: string, cause: unknown): StoreUnavailableError {
    if (!this.error) {
      const { code, message } = cause as NodeJS.ErrnoException;
      // The OS reason without the file's path, which the caller has no business knowing.
      const reason = (message ?? String(cause)).replace(/,? \w+ '[^']*'/g, '') || code || 'unknown error';
      this.error = new StoreUnavailableError(this.subgraph, collection, reason);
      for (const listener of this.listeners) listener(this.error);
    }
    return this.error;
  }

  check(): void {
    if (this.error) throw this.error;
  }
}

type Persistence = { persistNewStateAsync(docs: unknown[]): Promise<void>; modes: { fileMode: number } };
const persistenceOf = (ds: Datastore) => (ds as unknown as { persistence: Persistence }).persistence;

/**
 * Makes NeDB flush each append to the disk before the write it belongs to resolves. NeDB runs
 * one operation of a collection at a time, reads included, so no read sees a write before it is
 * flushed, and there are no two flushes of one file in flight to share. The lines are NeDB's
 * own (its serialisation, one per document), written in one append (durableAppendFile.ts).
 */
function appendDurably(ds: Datastore, file: DurableAppendFile, onDiskError: (error: unknown) => Error): void {
  persistenceOf(ds).persistNewStateAsync = async (docs) => {
    if (docs.length === 0) return;
    const lines = docs.map((doc) => `${nedbModel.serialize(doc)}\n`).join('');
    try {
      await file.append(lines);
    } catch (error) {
      throw onDiskError(error);
    }
  };
}

function nedbCollection<T extends StoredDocument>(
  name: string,
  ds: Datastore,
  loaded: Promise<void>,
  failure: StoreFailure,
): Collection<T> {
  // Checked before each operation and again after it: an operation queued behind a write that
  // failed would otherwise answer from the memory that write changed.
  const ready = async () => {
    failure.check();
    await loaded;
  };
  const settled = <R>(result: R): R => {
    failure.check();
    return result;
  };
  const isDuplicate = (error: unknown) =>
    typeof error === 'object' && error !== null && (error as { errorType?: string }).errorType === 'uniqueViolated';
  return {
    name,
    async find(filter: Filter, options: FindOptions = {}) {
      await ready();
      let cursor = ds.findAsync<T>(filter);
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return settled((await cursor) as T[]);
    },
    async count(filter: Filter) {
      await ready();
      return settled(await ds.countAsync(filter));
    },
    async findFields<K extends keyof T & string>(filter: Filter, fields: readonly K[]) {
      await ready();
      const keyed = keyedFilter(ds, filter);
      if (keyed) return settled(await readKeyed(ds, keyed, (doc) => pickCopy(doc as T, fields)));
      // NeDB copies each matched document whole, or rebuilds it through its update machinery when
      // given a projection: copying only the named fields is what makes a narrow read cheaper.
      const cursor = ds.findAsync<T>(filter) as unknown as { mapFn: (docs: T[]) => unknown } & PromiseLike<unknown>;
      cursor.mapFn = (docs) => docs.map((doc) => pickCopy(doc, fields));
      return settled((await cursor) as Pick<T, '_id' | K>[]);
    },
    async insertMany(docs: T[]) {
      await ready();
      if (docs.length === 0) return;
      try {
        settled(await ds.insertAsync(docs));
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(name, String((error as { key?: string }).key ?? ''));
        throw error;
      }
    },
    async replaceOne(filter: Filter, doc: T) {
      await ready();
      try {
        const { numAffected } = await ds.updateAsync(filter, doc, {});
        return settled(numAffected > 0);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(name, String((error as { key?: string }).key ?? ''));
        throw error;
      }
    },
    async deleteMany(filter: Filter) {
      await ready();
      return settled(await ds.removeAsync(filter, { multi: true }));
    },
    async ensureIndexes(indexes: IndexSpec[]) {
      await ready();
      for (const index of indexes) {
        const fields = Object.keys(index.fields);
        // NeDB indexes one field, or several as a compound key; `_id` is always indexed.
        if (fields.length === 1 && fields[0] === '_id') continue;
        await ds.ensureIndexAsync({
          fieldName: fields.length === 1 ? fields[0]! : fields,
          unique: index.unique ?? false,
        });
      }
    },
  };
}

/** The document's id and named top-level fields (those it has), copied: NeDB's memory is never handed out. */
function pickCopy<T extends StoredDocument, K extends keyof T & string>(doc: T, fields: readonly K[]): Pick<T, '_id' | K> {
  const picked: Record<string, unknown> = { _id: doc._id };
  for (const field of fields) if (doc[field] !== undefined) picked[field] = copyOf(doc[field]);
  return picked as Pick<T, '_id' | K>;
}

function copyOf(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copyOf);
  if (value !== null && typeof value === 'object') {
    // Key by key rather than through Object.entries, whose pairs a large count made garbage of.
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const inner = copyOf((value as Record<string, unknown>)[key]);
      // Assigning `__proto__` would set the copy's prototype rather than add the field.
      if (key === '__proto__') Object.defineProperty(copy, key, { value: inner, enumerable: true, writable: true, configurable: true });
      else copy[key] = inner;
    }
    return copy;
  }
  return value;
}
