/**
 * The store port: the few document operations the subgraphs need, in the Mongo query language
 * that both adapters (embedded NeDB and MongoDB) speak. Filters are always built by code from
 * typed arguments, never passed through from a caller, so no operator can be smuggled in.
 */

/** Every stored document has a meaningful string id and a version bumped on each write. */
export interface StoredDocument {
  _id: string;
  version: number;
}

export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: SortSpec;
  limit?: number;
}

export interface IndexSpec {
  fields: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface Collection<T extends StoredDocument> {
  readonly name: string;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /**
   * Each document matching the filter with its `_id` and only the named fields (those it has), in
   * no set order: the projection is made in the store, so what a count needs of many documents is
   * all that is copied out of it. Fields must be stored in clear.
   */
  findFields<K extends keyof T & string>(filter: Filter, fields: readonly K[]): Promise<Pick<T, '_id' | K>[]>;
  /** Inserts every document or none: a duplicate id or unique key rejects the whole batch. */
  insertMany(docs: T[]): Promise<void>;
  /** Replaces the document matching the filter; false when nothing matched (gone, or a stale version). */
  replaceOne(filter: Filter, doc: T): Promise<boolean>;
  deleteMany(filter: Filter): Promise<number>;
  ensureIndexes(indexes: IndexSpec[]): Promise<void>;
}

/** Counts store round trips, so tests and benchmarks can prove batching works. */
export interface QueryCounter {
  total: number;
  byCollection: Record<string, number>;
}

export interface Store {
  readonly kind: string;
  /**
   * True when no other process can write to the store while this one has it open (the embedded
   * store holds its folder's lock; an in-memory store is the process's own): every write then
   * passes through this process, which can tell the gateways of each one itself.
   */
  readonly soleWriter: boolean;
  collection<T extends StoredDocument>(name: string): Collection<T>;
  readonly queries: QueryCounter;
  resetQueryCount(): void;
  /** True once the store answers and has not failed; used by readiness checks. */
  ping(): Promise<boolean>;
  /** Where a collection is kept, for messages to the operator: its file, or its database and name. */
  location(collection: string): string;
  /**
   * Calls `listener` once the store has stopped taking work because a write failed and what it
   * serves may differ from what it keeps (the embedded store's files); the process should then
   * stop, so that it starts again from what was kept. Stores that cannot fail so never call it.
   */
  onFailure(listener: (error: Error) => void): void;
  /**
   * Rewrites a collection's file without the lines later writes superseded, so what was replaced
   * (a secret kept in clear before it was encrypted) is gone from the disk now, not at the next
   * close. Only the embedded store keeps such lines; a store without the method keeps none.
   */
  compact?(collection: string): Promise<void>;
  close(): Promise<void>;
}

/** Raised by adapters when a write collides with a unique id or key. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    detail: string,
  ) {
    super(`duplicate key in ${collection}: ${detail}`);
  }
}

/** Wraps a collection so each round trip is counted; shared by every adapter. */
export function countingCollection<T extends StoredDocument>(inner: Collection<T>, counter: QueryCounter): Collection<T> {
  const tick = () => {
    counter.total += 1;
    counter.byCollection[inner.name] = (counter.byCollection[inner.name] ?? 0) + 1;
  };
  return {
    name: inner.name,
    find: (filter, options) => (tick(), inner.find(filter, options)),
    count: (filter) => (tick(), inner.count(filter)),
    findFields: (filter, fields) => (tick(), inner.findFields(filter, fields)),
    insertMany: (docs) => (tick(), inner.insertMany(docs)),
    replaceOne: (filter, doc) => (tick(), inner.replaceOne(filter, doc)),
    deleteMany: (filter) => (tick(), inner.deleteMany(filter)),
    ensureIndexes: (indexes) => inner.ensureIndexes(indexes),
  };
}

export function newQueryCounter(): QueryCounter {
  return { total: 0, byCollection: {} };
}
