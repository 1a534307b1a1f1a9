import mongoose from 'mongoose';
import type { Collection as MongoCollection, Document as MongoDocument, MongoServerError } from 'mongodb';
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

/**
 * The production store: one MongoDB database per subgraph (`crg_<country>_<subgraph>`), so each
 * ministry's data stays in its own database and can move to its own server.
 */
export async function createMongoStore(options: { uri: string; database: string }): Promise<Store> {
  // A write is acknowledged once a majority of the replica set has it in its journal: an
  // acknowledged write survives the server's crash, as the embedded store's fsync does.
  const connection = await mongoose
    .createConnection(options.uri, {
      dbName: options.database,
      serverSelectionTimeoutMS: 5000,
      writeConcern: { w: 'majority', journal: true },
    })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error(`MongoDB connection to ${options.database} has no database handle`);
  const queries = newQueryCounter();
  const collections = new Map<string, Collection<StoredDocument>>();

  return {
    kind: 'mongodb',
    // Other replicas of the subgraph, or the ministry's own tools, may write to the same database.
    soleWriter: false,
    collection<T extends StoredDocument>(name: string) {
      let c = collections.get(name);
      if (!c) {
        c = countingCollection(mongoCollection(name, db.collection(name)), queries);
        collections.set(name, c);
      }
      return c as unknown as Collection<T>;
    },
    queries,
    resetQueryCount() {
      queries.total = 0;
      queries.byCollection = {};
    },
    async ping() {
      try {
        await db.command({ ping: 1 });
        return true;
      } catch {
        return false;
      }
    },
    location(collection) {
      return `MongoDB collection ${options.database}.${collection}`;
    },
    onFailure() {
      // A failed MongoDB write changes nothing the process keeps: the server is the only copy.
    },
    async close() {
      await connection.close();
    },
  };
}

function isDuplicate(error: unknown): error is MongoServerError {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

function hasDuplicateWriteError(error: unknown): boolean {
  return ((error as { writeErrors?: { code?: number }[] }).writeErrors ?? []).some((e) => e.code === 11000);
}

function describeDuplicate(error: unknown): string {
  const keyValue = (error as { keyValue?: unknown }).keyValue;
  return keyValue ? JSON.stringify(keyValue) : String((error as Error).message);
}

function mongoCollection<T extends StoredDocument>(name: string, c: MongoCollection<MongoDocument>): Collection<T> {
  return {
    name,
    async find(filter: Filter, options: FindOptions = {}) {
      let cursor = c.find(filter);
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return (await cursor.toArray()) as unknown as T[];
    },
    count(filter: Filter) {
      return c.countDocuments(filter);
    },
    async findFields<K extends keyof T & string>(filter: Filter, fields: readonly K[]) {
      const projection = Object.fromEntries(fields.map((f) => [f, 1]));
      return (await c.find(filter, { projection }).toArray()) as unknown as Pick<T, '_id' | K>[];
    },
    async insertMany(docs: T[]) {
      if (docs.length === 0) return;
      try {
        await c.insertMany(docs as unknown as MongoDocument[], { ordered: true });
      } catch (error) {
        // Without a replica set there is no multi-document transaction, so an ordered insert
        // that stops on a duplicate is undone by removing the documents it did write. The
        // documents were validated before the insert, so duplicates are the only way to get here.
        // An ordered insert stops at the first failing document, so exactly those before it
        // were written, and none of them existed before (else they would have failed first).
        const failedAt = (error as { writeErrors?: { index: number }[] }).writeErrors?.[0]?.index ?? 0;
        const written = docs.slice(0, failedAt).map((doc) => doc._id);
        if (written.length > 0) await c.deleteMany({ _id: { $in: written } } as Filter);
        if (isDuplicate(error) || hasDuplicateWriteError(error)) throw new DuplicateKeyError(name, describeDuplicate(error));
        throw error;
      }
    },
    async replaceOne(filter: Filter, doc: T) {
      try {
        const result = await c.replaceOne(filter, doc);
        return result.matchedCount > 0;
      } catch (error) {
        if (isDuplicate(error)) throw new DuplicateKeyError(name, describeDuplicate(error));
        throw error;
      }
    },
    async deleteMany(filter: Filter) {
      const result = await c.deleteMany(filter);
      return result.deletedCount;
    },
    async ensureIndexes(indexes: IndexSpec[]) {
      for (const index of indexes) {
        if (Object.keys(index.fields).join() === '_id') continue;
        await c.createIndex(index.fields, { unique: index.unique ?? false });
      }
    },
  };
}
