import DataLoader from 'dataloader';
import type { Repository } from './repository.ts';
import type { StoredDocument } from './store/port.ts';

/*
 * Per-request DataLoaders. A loader made here lives for one GraphQL request: it gathers every
 * key asked for in the same tick into one store query, and caches within the request only, so
 * one caller never sees another caller's cached data and writes are seen by the next request.
 */

/** Documents by id: one `{_id: {$in: ids}}` query however many are asked for. */
export function loaderById<T extends StoredDocument>(repo: Repository<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const docs = await repo.findByIds(ids);
    const byId = new Map(docs.map((doc) => [doc._id, doc]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Documents grouped by the value of one field (a foreign key, or an array of them): one
 * `{field: {$in: keys}}` query, each key getting every document that names it.
 */
export function loaderByField<T extends StoredDocument>(
  repo: Repository<T>,
  field: keyof T & string,
  options: { sort?: Record<string, 1 | -1> } = {},
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const docs = await repo.find({ [field]: { $in: [...keys] } }, options.sort ? { sort: options.sort } : {});
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const doc of docs) {
      const value = doc[field] as unknown;
      for (const key of Array.isArray(value) ? value : [value]) groups.get(String(key))?.push(doc);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * A whole (small) collection loaded once per request, however many fields ask for it: for
 * registries like the sectors or the coordination bodies that are read in full.
 */
export function loaderOfAll<T extends StoredDocument>(repo: Repository<T>, sort: Record<string, 1 | -1> = { _id: 1 }) {
  let pending: Promise<T[]> | undefined;
  return { load: () => (pending ??= repo.find({}, { sort })) };
}

/**
 * For a non-null field that follows a reference: the document it names must exist. A dangling
 * reference is a fault in the stored data, reported with both ends, rather than a null the
 * schema promised never to return.
 */
export async function referenced<T>(loaded: Promise<T | null>, what: string): Promise<T> {
  const document = await loaded;
  if (document === null) throw new Error(`Stored data refers to ${what}, which does not exist`);
  return document;
}
