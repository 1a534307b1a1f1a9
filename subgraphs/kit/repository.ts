import { validateDocument, indexesOf, type DocumentSpec } from './documents.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from './errors.ts';
import { RevisionCounter, revisionsCollection, type ChangesSince } from './revisions.ts';
import { DuplicateKeyError, type Collection, type Filter, type FindOptions, type Store, type StoredDocument } from './store/port.ts';

/** A document as a caller writes it: the repository assigns the version. */
export type Draft<T extends StoredDocument> = Omit<T, 'version'>;

/**
 * Reads and writes one kind of document. Every write is validated whole before anything is
 * stored; every replace is conditional on the version the writer read, so two writers can never
 * silently overwrite each other. When the document kind names a revision counter, every write
 * bumps it once stored.
 */
export class Repository<T extends StoredDocument> {
  constructor(
    readonly spec: DocumentSpec<T>,
    private readonly collection: Collection<T>,
    private readonly revisions?: RevisionCounter,
  ) {}

  /** The revision of the counter these documents bump (see kit/revisions.ts). */
  revision(): Promise<number> {
    return this.counter().current();
  }

  /** The current revision of the counter and the keys written since `revision`. */
  changesSince(revision: number): Promise<ChangesSince> {
    return this.counter().changesSince(revision);
  }

  private counter(): RevisionCounter {
    if (!this.revisions) throw new Error(`${this.spec.label} documents keep no revision`);
    return this.revisions;
  }

  private bump(docs: readonly T[]): Promise<number> | undefined {
    const keyOf = this.spec.revisionKey ?? ((doc: T) => doc._id);
    return this.revisions?.bump(docs.map(keyOf));
  }

  find(filter: Filter = {}, options?: FindOptions): Promise<T[]> {
    return this.collection.find(filter, options);
  }

  async findById(id: string): Promise<T | null> {
    const [doc] = await this.collection.find({ _id: id }, { limit: 1 });
    return doc ?? null;
  }

  /** One round trip for any number of ids; missing ids are simply absent from the result. */
  findByIds(ids: readonly string[]): Promise<T[]> {
    return this.collection.find({ _id: { $in: [...ids] } });
  }

  /** Each matching document's id and the named fields only, projected in the store. */
  findFields<K extends keyof T & string>(filter: Filter, fields: readonly K[]): Promise<Pick<T, '_id' | K>[]> {
    return this.collection.findFields(filter, fields);
  }

  count(filter: Filter = {}): Promise<number> {
    return this.collection.count(filter);
  }

  async insert(draft: Draft<T>): Promise<T> {
    const [doc] = await this.insertMany([draft]);
    return doc!;
  }

  /**
   * Inserts all drafts or none. Every draft is validated first and every rejected one is
   * reported, with its position and id, in a single error.
   */
  async insertMany(drafts: Draft<T>[]): Promise<T[]> {
    return this.insertValidated(await this.validateMany(drafts));
  }

  /**
   * Validates and casts every draft as insertMany does, at version 1, and stores nothing: every
   * rejected draft is reported, with its position and id, in a single error.
   */
  async validateMany(drafts: Draft<T>[]): Promise<T[]> {
    const docs: T[] = [];
    const problems: FieldProblem[] = [];
    for (const [index, draft] of drafts.entries()) {
      try {
        docs.push(await validateDocument(this.spec, { ...draft, version: 1 }));
      } catch (error) {
        if (!(error instanceof InvalidInputError) || drafts.length === 1) throw error;
        const row = `row ${index + 1}${typeof draft._id === 'string' ? ` (${draft._id})` : ''}`;
        problems.push(...error.problems.map((p) => ({ field: `${row} ${p.field}`, problem: p.problem })));
      }
    }
    if (problems.length > 0) throw new InvalidInputError(`${this.spec.label} rows, nothing was written`, problems);
    return docs;
  }

  /**
   * Inserts all or none of documents that validateMany returned (or copies of them): the demo
   * data, validated once per process, is written so into each new store (kit/demoSeed.ts).
   */
  async insertValidated(docs: T[]): Promise<T[]> {
    const ids = new Set<string>();
    for (const doc of docs) {
      if (ids.has(doc._id)) throw new ConflictError(`A ${this.spec.label} with id "${doc._id}" appears twice; nothing was written`);
      ids.add(doc._id);
    }
    try {
      await this.collection.insertMany(docs);
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        throw new ConflictError(`A ${this.spec.label} with the same id or key already exists (${error.message}); nothing was written`);
      }
      throw error;
    }
    await this.bump(docs);
    return docs;
  }

  /**
   * Replaces a stored document, provided it is still at `expectedVersion`. A writer that read
   * an older version gets a ConflictError and must read again, rather than erase a newer write.
   */
  async replace(draft: Draft<T>, expectedVersion: number): Promise<T> {
    const doc = await validateDocument(this.spec, { ...draft, version: expectedVersion + 1 });
    let replaced: boolean;
    try {
      replaced = await this.collection.replaceOne({ _id: doc._id, version: expectedVersion }, doc);
    } catch (error) {
      if (error instanceof DuplicateKeyError) {
        throw new ConflictError(`Another ${this.spec.label} already has that key (${error.message}); nothing was changed`);
      }
      throw error;
    }
    if (!replaced) {
      const current = await this.findById(doc._id);
      if (!current) throw new NotFoundError(`No ${this.spec.label} with id "${doc._id}"`);
      throw new ConflictError(
        `The ${this.spec.label} "${doc._id}" was changed by someone else (now version ${current.version}, ` +
          `you wrote against version ${expectedVersion}); read it again and reapply your change`,
      );
    }
    await this.bump([doc]);
    return doc;
  }

  /** Inserts the document, or replaces the current version of it. */
  async put(draft: Draft<T>): Promise<T> {
    const current = await this.findById(draft._id);
    return current ? this.replace(draft, current.version) : this.insert(draft);
  }
}

/** Opens a repository per document kind on a store and makes sure their indexes exist. */
export async function openRepositories<Specs extends Record<string, DocumentSpec<any>>>(
  store: Store,
  specs: Specs,
): Promise<{ [K in keyof Specs]: Repository<NonNullable<Specs[K]['__type']>> }> {
  const entries = await Promise.all(
    Object.entries(specs).map(async ([key, spec]) => {
      const collection = store.collection<StoredDocument>(spec.collection);
      await collection.ensureIndexes(indexesOf(spec));
      const revisions = spec.revision ? new RevisionCounter(spec.revision, store.collection(revisionsCollection)) : undefined;
      return [key, new Repository(spec, collection, revisions)] as const;
    }),
  );
  return Object.fromEntries(entries) as { [K in keyof Specs]: Repository<NonNullable<Specs[K]['__type']>> };
}
