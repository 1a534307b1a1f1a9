/*
 * The documents whose value of one indexed field is one of some texts, read from NeDB's index
 * alone. NeDB answers `{ field: { $in: texts } }` by looking each text up in the index and then
 * matching every document it found against the whole list again (a scan of the list per
 * document): reading a day's referrals by their cases' codes spent most of its time there. What
 * the index hands back for texts is exactly what that match keeps: the index holds a document
 * under its field's value (under each element when it is an array, as the match looks in arrays),
 * and a key equals a text only when it is that text. Uses NeDB 4.1.2's internals, pinned in
 * nedbLoad.ts.
 */

/** What this uses of a NeDB 4.1.2 datastore (lib/datastore.js). */
interface KeyedDatastore {
  indexes: Record<string, { tree: { search(key: unknown): Record<string, unknown>[] } }>;
  ttlIndexes: Record<string, number>;
  executor: { pushAsync<R>(task: () => Promise<R>): Promise<R> };
}

/** The field and texts of a filter `{ field: { $in: texts } }` on one field that the datastore indexes alone; undefined for any other filter. */
export function keyedFilter(datastore: unknown, filter: Record<string, unknown>): { field: string; texts: string[] } | undefined {
  const ds = datastore as KeyedDatastore;
  const entries = Object.entries(filter);
  if (entries.length !== 1) return undefined;
  const [field, condition] = entries[0]!;
  // A compound index is named by its fields joined with commas; a dotted field is a nested one.
  if (field.includes('.') || field.includes(',') || !Object.hasOwn(ds.indexes, field)) return undefined;
  // A field with a time to live is expired by NeDB's own reads.
  if (Object.keys(ds.ttlIndexes).length > 0) return undefined;
  if (typeof condition !== 'object' || condition === null || Object.keys(condition).length !== 1) return undefined;
  const texts = (condition as { $in?: unknown }).$in;
  if (!Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) return undefined;
  return { field, texts };
}

/**
 * The documents (NeDB's own, to be copied by the caller) under any of `texts` in the index of
 * `field`, each once; read in the datastore's queue, after its load and the writes before it.
 */
export function readKeyed<R>(
  datastore: unknown,
  { field, texts }: { field: string; texts: readonly string[] },
  each: (doc: Record<string, unknown>) => R,
): Promise<R[]> {
  const ds = datastore as KeyedDatastore;
  return ds.executor.pushAsync(async () => {
    const index = ds.indexes[field]!;
    const seen = new Set<unknown>();
    const found: R[] = [];
    for (const text of texts) {
      for (const doc of index.tree.search(text)) {
        if (seen.has(doc)) continue;
        seen.add(doc);
        found.push(each(doc));
      }
    }
    return found;
  });
}
