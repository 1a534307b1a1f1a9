import { randomUUID } from 'node:crypto';
import { DuplicateKeyError, type Collection, type StoredDocument } from './store/port.ts';

/*
 * A revision number the store holds for a set of collections, bumped after every write to any of
 * them, with the keys each recent revision wrote. A replica that keeps something computed from
 * those collections (a year's pathway aggregates) notes the revision it read before reading the
 * data; with one small read it can then tell whether anything was written since, through any
 * replica, and what: so it can bring what it keeps up to date by reading only that.
 *
 * The bump follows the write: whoever reads revision r and then the data sees at least every
 * write whose bump gave r. It uses only the store port's conditional replace, so it works the
 * same on every adapter: of two writers bumping at once, one replaces and the other reads again.
 */

/** The collection holding one document per counter: its `version` is the revision. */
export const revisionsCollection = 'revisions';

/**
 * The counter every acknowledged write to a subgraph's store moves on, whatever the collection
 * (kit/store/revisedStore.ts): the gateway's response cache asks for it to tell whether anything a
 * kept answer was read from may have changed. It keeps no keys, and tells nothing but a count.
 */
export const storeRevision = 'store';

/**
 * Recent revisions with the keys each wrote, few enough that the counter stays a small read;
 * older ones, or a write of very many keys, mean "read everything".
 */
const keptRevisions = 200;
const keptKeys = 1000;
const keysPerRevision = 500;

interface Change {
  revision: number;
  /** Null when the write touched too many keys to list. */
  keys: string[] | null;
}

interface RevisionDoc extends StoredDocument {
  changes: Change[];
  /**
   * A random id given to the counter when it is created and each time its subgraph starts
   * (renew): a restored store, or a counter deleted and created again, may count again through
   * numbers it used before, but never under the same epoch.
   */
  epoch?: string;
}

/** A counter's revision with its epoch ('' for a counter not yet written). */
export interface EpochRevision {
  revision: number;
  epoch: string;
}

/** What was written since a revision: the keys, or null when they are not all known any more. */
export interface ChangesSince {
  revision: number;
  keys: string[] | null;
}

export class RevisionCounter {
  constructor(
    readonly name: string,
    private readonly collection: Collection<StoredDocument>,
  ) {}

  private async read(): Promise<RevisionDoc | undefined> {
    const [doc] = await this.collection.find({ _id: this.name }, { limit: 1 });
    return doc as RevisionDoc | undefined;
  }

  /** The current revision; 0 before the first write. */
  async current(): Promise<number> {
    return (await this.read())?.version ?? 0;
  }

  /** The current revision, with the epoch it counts in. */
  async currentInEpoch(): Promise<EpochRevision> {
    const doc = await this.read();
    return { revision: doc?.version ?? 0, epoch: doc?.epoch ?? '' };
  }

  /**
   * Moves the revision on and gives the counter a new epoch: for a subgraph starting, whose store
   * may have been restored from a backup or written by upgrades that bypass the counter.
   */
  async renew(): Promise<void> {
    for (;;) {
      const doc = await this.read();
      const written: RevisionDoc = { _id: this.name, version: (doc?.version ?? 0) + 1, changes: [], epoch: randomUUID() };
      if (!doc) {
        try {
          await this.collection.insertMany([written]);
          return;
        } catch (error) {
          if (error instanceof DuplicateKeyError) continue;
          throw error;
        }
      }
      if (await this.collection.replaceOne({ _id: this.name, version: doc.version }, written)) return;
    }
  }

  /** The current revision and the keys written after `revision`. */
  async changesSince(revision: number): Promise<ChangesSince> {
    const doc = await this.read();
    const current = doc?.version ?? 0;
    const changes = (doc?.changes ?? []).filter((c) => c.revision > revision);
    const complete = current >= revision && changes.length === current - revision && changes.every((c) => c.keys);
    return { revision: current, keys: complete ? [...new Set(changes.flatMap((c) => c.keys!))] : null };
  }

  /**
   * Moves the revision past every write stored before the call, noting no keys: for a counter that
   * is only compared. One attempt is enough. A bump that loses the race lost it to another that
   * read the counter after this write was stored and replaced it since, so once this returns the
   * counter is past the write all the same, without a writer retrying behind every other.
   */
  async advance(): Promise<void> {
    const doc = await this.read();
    const written: RevisionDoc = { _id: this.name, version: (doc?.version ?? 0) + 1, changes: [], epoch: doc?.epoch ?? randomUUID() };
    if (doc) {
      await this.collection.replaceOne({ _id: this.name, version: doc.version }, written);
      return;
    }
    try {
      await this.collection.insertMany([written]);
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }

  /** Moves the revision on by one, noting the keys written, and returns the new revision. */
  async bump(keys: readonly string[]): Promise<number> {
    for (;;) {
      const doc = await this.read();
      const next = (doc?.version ?? 0) + 1;
      const change: Change = { revision: next, keys: keys.length <= keysPerRevision ? [...new Set(keys)] : null };
      const written: RevisionDoc = {
        _id: this.name,
        version: next,
        changes: recent([...(doc?.changes ?? []), change]),
        epoch: doc?.epoch ?? randomUUID(),
      };
      if (!doc) {
        try {
          await this.collection.insertMany([written]);
          return next;
        } catch (error) {
          if (error instanceof DuplicateKeyError) continue;
          throw error;
        }
      }
      if (await this.collection.replaceOne({ _id: this.name, version: doc.version }, written)) return next;
    }
  }
}

/** The latest changes, within the kept number of revisions and of keys. */
function recent(changes: Change[]): Change[] {
  let keys = changes.reduce((n, c) => n + (c.keys?.length ?? 0), 0);
  let from = Math.max(0, changes.length - keptRevisions);
  for (let i = 0; i < from; i++) keys -= changes[i]!.keys?.length ?? 0;
  while (keys > keptKeys) keys -= changes[from++]!.keys?.length ?? 0;
  return changes.slice(from);
}
