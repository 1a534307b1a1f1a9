import type { Collection, Store, StoredDocument } from './port.ts';

/**
 * `store` with each collection replaced by what `wrap` makes of it; everything else (counters,
 * readiness, failures, compaction, closing) is the store's own. The one way a layer over the
 * store (encryption, tracing) is built, so a method added to the store is forwarded by all.
 */
export function wrappedStore(store: Store, wrap: <T extends StoredDocument>(inner: Collection<T>) => Collection<T>): Store {
  return {
    kind: store.kind,
    soleWriter: store.soleWriter,
    get queries() {
      return store.queries;
    },
    resetQueryCount: () => store.resetQueryCount(),
    ping: () => store.ping(),
    location: (collection) => store.location(collection),
    onFailure: (listener) => store.onFailure(listener),
    ...(store.compact ? { compact: (collection: string) => store.compact!(collection) } : {}),
    close: () => store.close(),
    collection: <T extends StoredDocument>(name: string) => wrap(store.collection<T>(name)),
  };
}
