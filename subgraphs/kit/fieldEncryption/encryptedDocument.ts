import type { DocumentSpec } from '../documents.ts';

/** A document kind some of whose text fields are kept encrypted in the store. */
export type EncryptedDocumentSpec<T> = DocumentSpec<T> & { readonly encryptedFields: readonly string[] };

/**
 * The same kind of document, with `fields` encrypted before they reach the store (see
 * encryptingStore.ts). The schema still validates them in clear, before encryption. Only text
 * fields can be encrypted, and they can no longer be searched or sorted on in the store.
 */
export function withEncryptedFields<T>(spec: DocumentSpec<T>, fields: readonly (keyof T & string)[]): EncryptedDocumentSpec<T> {
  for (const field of fields) {
    const type = spec.schema.path(field)?.instance;
    if (type !== 'String')
      throw new Error(`${spec.collection}.${field} cannot be encrypted: only text fields can (it is ${type ?? 'not a field'})`);
  }
  return { ...spec, encryptedFields: [...fields] };
}

/** The fields of a document kind that are kept encrypted; none for most kinds. */
export function encryptedFieldsOf(spec: DocumentSpec<unknown>): readonly string[] {
  return (spec as Partial<EncryptedDocumentSpec<unknown>>).encryptedFields ?? [];
}
