import { context, SpanKind, trace } from '@opentelemetry/api';
import { inSpan, type Tracing } from '../../../platform/tracing.ts';
import type { Collection, Store, StoredDocument } from './port.ts';

/**
 * The store with a span for every call a request makes of it: the operation, the collection and
 * how many documents came back or were written; never a filter or a document, which hold case
 * codes and survivors' details. Work outside a request (start-up, seeding, background checks)
 * belongs to no trace and is not traced.
 */
export function tracedStore(store: Store, tracing: Tracing): Store {
  return {
    kind: store.kind,
    get queries() {
      return store.queries;
    },
    resetQueryCount: () => store.resetQueryCount(),
    ping: () => store.ping(),
    location: (collection) => store.location(collection),
    onFailure: (listener) => store.onFailure(listener),
    ...(store.compact ? { compact: (collection: string) => store.compact!(collection) } : {}),
    close: () => store.close(),
    collection: <T extends StoredDocument>(name: string) => tracedCollection(store.collection<T>(name), store.kind, tracing),
  };
}

function tracedCollection<T extends StoredDocument>(inner: Collection<T>, system: string, tracing: Tracing): Collection<T> {
  const call = <R>(operation: string, work: () => Promise<R>, count: (result: R) => number): Promise<R> => {
    if (!trace.getSpan(context.active())) return work();
    const attributes = { 'db.system.name': system, 'db.collection.name': inner.name, 'db.operation.name': operation };
    return inSpan(tracing, `${operation} ${inner.name}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const result = await work();
      span?.setAttribute('crg.store.documents', count(result));
      return result;
    });
  };
  return {
    name: inner.name,
    find: (filter, options) =>
      call(
        'find',
        () => inner.find(filter, options),
        (docs) => docs.length,
      ),
    count: (filter) =>
      call(
        'count',
        () => inner.count(filter),
        (n) => n,
      ),
    insertMany: (docs) =>
      call(
        'insertMany',
        () => inner.insertMany(docs),
        () => docs.length,
      ),
    replaceOne: (filter, doc) =>
      call(
        'replaceOne',
        () => inner.replaceOne(filter, doc),
        (replaced) => (replaced ? 1 : 0),
      ),
    deleteMany: (filter) =>
      call(
        'deleteMany',
        () => inner.deleteMany(filter),
        (n) => n,
      ),
    ensureIndexes: (indexes) => inner.ensureIndexes(indexes),
  };
}
