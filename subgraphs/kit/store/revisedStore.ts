import { RevisionCounter, revisionsCollection, storeRevision } from '../revisions.ts';
import type { Collection, Store, StoredDocument } from './port.ts';
import { wrappedStore } from './wrappedStore.ts';

/**
 * `store`, moving the store's revision (kit/revisions.ts, `storeRevision`) on after every write it
 * acknowledges: an insert, a replace that replaced, a delete that deleted. The counter is held in
 * the store itself, so replicas sharing one MongoDB database share it, and it is moved before the
 * write is acknowledged, so whoever reads it after the writer heard back sees the write counted.
 *
 * `unrevised` names collections whose writes record reads rather than change what is read (the
 * audit log, appended to on every case read): no answer the gateway may cache is read from them,
 * and counting them would make each case read throw away every cached aggregate.
 *
 * `revised`, when given, is awaited after each move and before the write is acknowledged: the
 * gateways holding leases on the revision (kit/revisionLeases.ts) hear of it first.
 */
export function revisedStore(store: Store, options: { unrevised?: readonly string[]; revised?: () => Promise<void> } = {}): Store {
  const counter = new RevisionCounter(storeRevision, store.collection(revisionsCollection));
  const skipped = new Set([revisionsCollection, ...(options.unrevised ?? [])]);
  const advance = async () => {
    await counter.advance();
    await options.revised?.();
  };
  return wrappedStore(store, <T extends StoredDocument>(inner: Collection<T>): Collection<T> => {
    if (skipped.has(inner.name)) return inner;
    return {
      name: inner.name,
      find: (filter, options) => inner.find(filter, options),
      findFields: (filter, fields) => inner.findFields(filter, fields),
      count: (filter) => inner.count(filter),
      ensureIndexes: (indexes) => inner.ensureIndexes(indexes),
      async insertMany(docs) {
        await inner.insertMany(docs);
        await advance();
      },
      async replaceOne(filter, doc) {
        const replaced = await inner.replaceOne(filter, doc);
        if (replaced) await advance();
        return replaced;
      },
      async deleteMany(filter) {
        const deleted = await inner.deleteMany(filter);
        if (deleted > 0) await advance();
        return deleted;
      },
    };
  });
}
