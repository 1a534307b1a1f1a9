import { DuplicateKeyError, type Collection, type StoredDocument } from './store/port.ts';

/*
 * A revision number the store holds for a set of collections, bumped after every write to any of
 * them. A replica that keeps something computed from those collections (a year's pathway
 * aggregates) keys it by the revision it read before reading the data, so it can tell, with one
 * small read, whether a write (made through any replica) came after it.
 *
 * The bump follows the write: whoever reads revision r and then the data sees at least every
 * write whose bump gave r. It uses only the store port's conditional replace, so it works the
 * same on every adapter: of two writers bumping at once, one replaces and the other reads again.
 */

/** The collection holding one document per counter: its `version` is the revision. */
export const revisionsCollection = 'revisions';

export class RevisionCounter {
  constructor(
    readonly name: string,
    private readonly collection: Collection<StoredDocument>,
  ) {}

  /** The current revision; 0 before the first write. */
  async current(): Promise<number> {
    const [doc] = await this.collection.find({ _id: this.name }, { limit: 1 });
    return doc?.version ?? 0;
  }

  /** Moves the revision on by one and returns the new one. */
  async bump(): Promise<number> {
    for (;;) {
      const revision = await this.current();
      if (revision === 0) {
        try {
          await this.collection.insertMany([{ _id: this.name, version: 1 }]);
          return 1;
        } catch (error) {
          if (error instanceof DuplicateKeyError) continue;
          throw error;
        }
      }
      if (await this.collection.replaceOne({ _id: this.name, version: revision }, { _id: this.name, version: revision + 1 })) {
        return revision + 1;
      }
    }
  }
}
