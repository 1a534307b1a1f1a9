import type { DocumentSpec } from '../documents.ts';
import type { Collection, Filter, FindOptions, Store, StoredDocument } from '../store/port.ts';
import { wrappedStore } from '../store/wrappedStore.ts';
import { encryptedFieldsOf } from './encryptedDocument.ts';
import type { KeyringSource } from './keyring.ts';
import { openRecord, sealRecord } from './sealing.ts';

/** The document kinds among `specs` that keep some fields encrypted. */
export function encryptedSpecs(specs: Record<string, DocumentSpec<any>>): DocumentSpec<any>[] {
  return Object.values(specs).filter((spec) => encryptedFieldsOf(spec).length > 0);
}

/**
 * The store as the repositories see it: the collections of document kinds with encrypted fields
 * encrypt those fields on every write and decrypt them on every read, so the adapter underneath
 * (files, MongoDB, and any backup of either) only ever holds their ciphertext. Repositories
 * validate before writing, so the schema checks the text in clear. Every other collection, and
 * the store's counters, readiness and closing, are the store's own.
 */
export function encryptingStore(store: Store, specs: Record<string, DocumentSpec<any>>, keyring: KeyringSource): Store {
  const byCollection = new Map(encryptedSpecs(specs).map((spec) => [spec.collection, spec]));
  return wrappedStore(store, (inner) => {
    const spec = byCollection.get(inner.name);
    return spec ? encryptingCollection(inner, spec.label, encryptedFieldsOf(spec), keyring) : inner;
  });
}

function encryptingCollection<T extends StoredDocument>(
  inner: Collection<T>,
  label: string,
  fields: readonly string[],
  keyring: KeyringSource,
): Collection<T> {
  // The keyring is taken once per operation, not per document: a file-backed one looks at its file each time.
  const sealAll = (docs: T[]) => {
    const ring = keyring();
    return docs.map((doc) => sealRecord(ring, inner.name, doc as unknown as T & Record<string, unknown>, fields) as unknown as T);
  };
  const openAll = (docs: T[]) => {
    const ring = keyring();
    return docs.map((doc) => openRecord(ring, label, inner.name, doc as unknown as T & Record<string, unknown>, fields) as unknown as T);
  };
  // The store holds ciphertext: a filter or sort on an encrypted field would silently match nothing.
  const refuseEncrypted = (what: string, keys: string[]) => {
    const named = keys.filter((key) => fields.some((field) => key === field || key.startsWith(`${field}.`)));
    if (named.length > 0) throw new Error(`${inner.name}: cannot ${what} on encrypted field ${named.join(', ')}`);
  };
  return {
    name: inner.name,
    async find(filter: Filter, options?: FindOptions) {
      refuseEncrypted('filter', Object.keys(filter));
      refuseEncrypted('sort', Object.keys(options?.sort ?? {}));
      return openAll(await inner.find(filter, options));
    },
    count(filter: Filter) {
      refuseEncrypted('filter', Object.keys(filter));
      return inner.count(filter);
    },
    // A field alone cannot be opened: the envelope authenticates the record's encrypted fields together.
    async findFields(filter: Filter, named) {
      refuseEncrypted('filter', Object.keys(filter));
      refuseEncrypted('read alone', [...named]);
      return inner.findFields(filter, named);
    },
    insertMany: (docs: T[]) => inner.insertMany(sealAll(docs)),
    replaceOne(filter: Filter, doc: T) {
      refuseEncrypted('filter', Object.keys(filter));
      return inner.replaceOne(filter, sealAll([doc])[0]!);
    },
    deleteMany(filter: Filter) {
      refuseEncrypted('filter', Object.keys(filter));
      return inner.deleteMany(filter);
    },
    ensureIndexes: (indexes) => {
      for (const index of indexes) refuseEncrypted('index', Object.keys(index.fields));
      return inner.ensureIndexes(indexes);
    },
  };
}
