import nedb from '@seald-io/nedb';
import fs from 'node:fs';
import path from 'node:path';
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
 */
export function createNedbStore(options: { directory?: string }): Store {
  const { directory } = options;
  if (directory) fs.mkdirSync(directory, { recursive: true });
  const datastores = new Map<string, Datastore>();
  const collections = new Map<string, Collection<StoredDocument>>();
  const queries = newQueryCounter();

  function datastore(name: string): Datastore {
    let ds = datastores.get(name);
    if (!ds) {
      ds = directory
        ? new Datastore({ filename: path.join(directory, `${name}.db`), autoload: true })
        : new Datastore({ inMemoryOnly: true });
      datastores.set(name, ds);
    }
    return ds;
  }

  function collection<T extends StoredDocument>(name: string): Collection<T> {
    let c = collections.get(name);
    if (!c) {
      c = countingCollection(nedbCollection(name, datastore(name)), queries);
      collections.set(name, c);
    }
    return c as unknown as Collection<T>;
  }

  return {
    kind: directory ? 'embedded' : 'memory',
    collection,
    queries,
    resetQueryCount() {
      queries.total = 0;
      queries.byCollection = {};
    },
    async ping() {
      return true;
    },
    async close() {
      // Compacting on close rewrites each file without superseded lines, so it loads fast next time.
      await Promise.all([...datastores.values()].map((ds) => (directory ? ds.compactDatafileAsync() : undefined)));
    },
  };
}

function nedbCollection<T extends StoredDocument>(name: string, ds: Datastore): Collection<T> {
  const loaded = ds.loadDatabaseAsync();
  const isDuplicate = (error: unknown) =>
    typeof error === 'object' && error !== null && (error as { errorType?: string }).errorType === 'uniqueViolated';
  return {
    name,
    async find(filter: Filter, options: FindOptions = {}) {
      await loaded;
      let cursor = ds.findAsync<T>(filter);
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return (await cursor) as T[];
    },
    async count(filter: Filter) {
      await loaded;
      return ds.countAsync(filter);
    },
    async insertMany(docs: T[]) {
      await loaded;
      if (docs.length === 0) return;
      try {
        await ds.insertAsync(docs);
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(name, String((error as { key?: string }).key ?? ''));
        throw error;
      }
    },
    async replaceOne(filter: Filter, doc: T) {
      await loaded;
      try {
        const { numAffected } = await ds.updateAsync(filter, doc, {});
        return numAffected > 0;
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(name, String((error as { key?: string }).key ?? ''));
        throw error;
      }
    },
    async deleteMany(filter: Filter) {
      await loaded;
      return ds.removeAsync(filter, { multi: true });
    },
    async ensureIndexes(indexes: IndexSpec[]) {
      await loaded;
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
