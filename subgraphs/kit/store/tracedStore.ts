import { context, SpanKind, trace } from '@opentelemetry/api';
import { inSpan, type Tracing } from '../../../platform/tracing.ts';
import type { DocumentSpec } from '../documents.ts';
import type { Collection, Store, StoredDocument } from './port.ts';
import { wrappedStore } from './wrappedStore.ts';

/**
 * The store with a span for every call a request makes of it: the operation and the collection;
 * never a filter, a document or how many came back, which would say whether a case exists.
 * Collections of case records (DocumentSpec.caseRecords) get no spans at all: a read that finds a
 * case leads to further reads (its referrals) that a read finding none does not, so their spans
 * would tell a refused probe on a real case from one on a made-up code. Their time counts in the
 * span of the field that made them. Work outside a request (start-up, seeding, background checks)
 * belongs to no trace and is not traced.
 */
export function tracedStore(store: Store, tracing: Tracing, documents: Record<string, DocumentSpec<unknown>>): Store {
  const untraced = new Set(
    Object.values(documents)
      .filter((spec) => spec.caseRecords)
      .map((spec) => spec.collection),
  );
  return wrappedStore(store, (inner) => (untraced.has(inner.name) ? inner : tracedCollection(inner, store.kind, tracing)));
}

function tracedCollection<T extends StoredDocument>(inner: Collection<T>, system: string, tracing: Tracing): Collection<T> {
  const call = <R>(operation: string, work: () => Promise<R>): Promise<R> => {
    if (!trace.getSpan(context.active())) return work();
    const attributes = { 'db.system.name': system, 'db.collection.name': inner.name, 'db.operation.name': operation };
    return inSpan(tracing, `${operation} ${inner.name}`, { kind: SpanKind.CLIENT, attributes }, work);
  };
  return {
    name: inner.name,
    find: (filter, options) => call('find', () => inner.find(filter, options)),
    count: (filter) => call('count', () => inner.count(filter)),
    findFields: (filter, fields) => call('find', () => inner.findFields(filter, fields)),
    insertMany: (docs) => call('insertMany', () => inner.insertMany(docs)),
    replaceOne: (filter, doc) => call('replaceOne', () => inner.replaceOne(filter, doc)),
    deleteMany: (filter) => call('deleteMany', () => inner.deleteMany(filter)),
    ensureIndexes: (indexes) => inner.ensureIndexes(indexes),
  };
}
