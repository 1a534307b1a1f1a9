import { MongoClient } from 'mongodb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bumpingRevision, defineDocument, nested } from '../subgraphs/kit/documents.ts';
import { ConflictError, InvalidInputError } from '../subgraphs/kit/errors.ts';
import { withEncryptedFields } from '../subgraphs/kit/fieldEncryption/encryptedDocument.ts';
import { encryptingStore } from '../subgraphs/kit/fieldEncryption/encryptingStore.ts';
import { generateKeyring } from '../subgraphs/kit/fieldEncryption/keyring.ts';
import { openRepositories, type Repository } from '../subgraphs/kit/repository.ts';
import { RevisionCounter, revisionsCollection, storeRevision } from '../subgraphs/kit/revisions.ts';
import { revisedStore } from '../subgraphs/kit/store/revisedStore.ts';
import { createMongoStore } from '../subgraphs/kit/store/mongoStore.ts';
import { createNedbStore } from '../subgraphs/kit/store/nedbStore.ts';
import { DuplicateKeyError, type Store, type StoredDocument } from '../subgraphs/kit/store/port.ts';

/*
 * One contract, every adapter we can reach: the in-memory and file-backed embedded stores
 * always, MongoDB whenever MONGODB_URI is set.
 */

interface ThingDoc extends StoredDocument {
  name: string;
  code: string;
  tags: string[];
  dueOn: Date;
  size?: { amount: number; unit: string } | null;
}

const thingDocument = defineDocument<ThingDoc>('things', 'thing', {
  name: { type: String, required: true, minlength: 1 },
  code: { type: String, required: true, unique: true },
  tags: { type: [String], index: true },
  dueOn: { type: Date, required: true },
  size: { type: nested({ amount: { type: Number, required: true, min: 0 }, unit: { type: String, required: true } }), default: null },
});

const thing = (id: string, extra: Partial<ThingDoc> = {}) => ({
  _id: id,
  name: `Thing ${id}`,
  code: `code-${id}`,
  tags: ['a'],
  dueOn: new Date('2026-06-30T00:00:00Z'),
  ...extra,
});

const thingKeys = generateKeyring('things');
const encryptedThings = { things: withEncryptedFields(thingDocument, ['name']) };

const tmpDirs: string[] = [];
const adapters: { name: string; open: () => Promise<Store>; reopen?: (store: Store) => Promise<Store> }[] = [
  { name: 'memory', open: async () => createNedbStore({}) },
  {
    name: 'embedded (file)',
    open: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-store-'));
      tmpDirs.push(dir);
      return createNedbStore({ directory: dir });
    },
    reopen: async () => createNedbStore({ directory: tmpDirs[tmpDirs.length - 1]! }),
  },
  {
    // The store as a sector's repositories see it: the same contract with a field encrypted underneath.
    name: 'embedded (file), name encrypted',
    open: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-store-'));
      tmpDirs.push(dir);
      return encryptingStore(createNedbStore({ directory: dir }), encryptedThings, () => thingKeys);
    },
    reopen: async () => encryptingStore(createNedbStore({ directory: tmpDirs[tmpDirs.length - 1]! }), encryptedThings, () => thingKeys),
  },
];
if (process.env.MONGODB_URI) {
  const database = `crg_contract_${process.pid}_${Date.now()}`;
  adapters.push({
    name: 'mongodb',
    open: async () => {
      const store = await createMongoStore({ uri: process.env.MONGODB_URI!, database });
      await store.collection('things').deleteMany({});
      await store.collection(revisionsCollection).deleteMany({});
      return store;
    },
    reopen: async () => createMongoStore({ uri: process.env.MONGODB_URI!, database }),
  });
  // The suite's own database, never a deployment's: dropped when it ends.
  afterAll(async () => {
    const client = await new MongoClient(process.env.MONGODB_URI!).connect();
    await client.db(database).dropDatabase();
    await client.close();
  });
}

afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(adapters)('store contract: $name', (adapter) => {
  let store: Store;
  let things: Repository<ThingDoc>;

  beforeEach(async () => {
    store = await adapter.open();
    ({ things } = await openRepositories(store, { things: thingDocument }));
  });

  it('stores documents with their meaningful ids, dates and nested values', async () => {
    await things.insertMany([thing('t1', { size: { amount: 3, unit: 'beds' } }), thing('t2')]);
    const found = await things.findById('t1');
    expect(found).toMatchObject({ _id: 't1', version: 1, code: 'code-t1', size: { amount: 3, unit: 'beds' } });
    expect(found!.dueOn).toBeInstanceOf(Date);
    expect(found!.dueOn.toISOString()).toBe('2026-06-30T00:00:00.000Z');
    expect(await things.count()).toBe(2);
  });

  it('reads matching documents with their ids and only the named fields, nested values and dates as stored', async () => {
    await things.insertMany([thing('t1', { size: { amount: 3, unit: 'beds' } }), thing('t2', { tags: ['b'] }), thing('t3')]);
    const read = await things.findFields({ _id: { $in: ['t1', 't2'] } }, ['code', 'dueOn', 'size']);
    const dueOn = new Date('2026-06-30T00:00:00Z');
    expect(read.sort((a, b) => a._id.localeCompare(b._id))).toEqual([
      { _id: 't1', code: 'code-t1', dueOn, size: { amount: 3, unit: 'beds' } },
      { _id: 't2', code: 'code-t2', dueOn, size: null },
    ]);
    expect(read[0]!.dueOn).toBeInstanceOf(Date);
  });

  it('finds by $in on ids and on array fields, sorted and limited', async () => {
    await things.insertMany([thing('t1', { tags: ['x', 'y'] }), thing('t2', { tags: ['y'] }), thing('t3', { tags: ['z'] })]);
    expect((await things.findByIds(['t3', 't1', 'missing'])).map((d) => d._id).sort()).toEqual(['t1', 't3']);
    const tagged = await things.find({ tags: { $in: ['y'] } }, { sort: { _id: -1 } });
    expect(tagged.map((d) => d._id)).toEqual(['t2', 't1']);
    expect((await things.find({}, { sort: { _id: 1 }, limit: 2 })).map((d) => d._id)).toEqual(['t1', 't2']);
  });

  it('inserts a batch whole or not at all when an id is taken', async () => {
    await things.insert(thing('t1'));
    await expect(things.insertMany([thing('t2'), thing('t1', { code: 'other' }), thing('t3')])).rejects.toBeInstanceOf(ConflictError);
    expect((await things.find({})).map((d) => d._id)).toEqual(['t1']);
  });

  it('enforces unique indexes declared in the schema', async () => {
    await things.insert(thing('t1'));
    await expect(things.insert(thing('t2', { code: 'code-t1' }))).rejects.toBeInstanceOf(ConflictError);
    expect(await things.count()).toBe(1);
  });

  it('reports every invalid row of an import, naming row and field, and writes nothing', async () => {
    const error = await things
      .insertMany([thing('t1'), { ...thing('t2'), name: '' }, { ...thing('t3'), dueOn: 'not a date' as never }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const fields = (error as InvalidInputError).problems.map((p) => p.field);
    expect(fields).toEqual(['row 2 (t2) name', 'row 3 (t3) dueOn']);
    expect(await things.count()).toBe(0);
  });

  it('refuses fields the schema does not define instead of dropping them', async () => {
    const error = await things.insert({ ...thing('t1'), colour: 'red' } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toContain('colour');
    expect(await things.count()).toBe(0);
  });

  it('replaces only the version the writer read; a stale writer gets a conflict and changes nothing', async () => {
    const original = await things.insert(thing('t1'));
    const first = await things.replace({ ...thing('t1'), name: 'first' }, original.version);
    expect(first.version).toBe(2);
    await expect(things.replace({ ...thing('t1'), name: 'second' }, original.version)).rejects.toBeInstanceOf(ConflictError);
    expect((await things.findById('t1'))!.name).toBe('first');
  });

  it('lets exactly one of two simultaneous writers of the same version win', async () => {
    const original = await things.insert(thing('t1'));
    const results = await Promise.allSettled([
      things.replace({ ...thing('t1'), name: 'A' }, original.version),
      things.replace({ ...thing('t1'), name: 'B' }, original.version),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const stored = await things.findById('t1');
    expect(stored!.version).toBe(2);
    expect(['A', 'B']).toContain(stored!.name);
  });

  it('reports duplicate keys from the raw collection as DuplicateKeyError', async () => {
    const raw = store.collection<ThingDoc>('things');
    await raw.insertMany([{ ...thing('t1'), version: 1 }]);
    await expect(raw.insertMany([{ ...thing('t1'), version: 1 }])).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('deletes by filter and counts round trips', async () => {
    await things.insertMany([thing('t1'), thing('t2')]);
    store.resetQueryCount();
    expect(await store.collection('things').deleteMany({ _id: 't1' })).toBe(1);
    await things.find({});
    expect(store.queries.total).toBe(2);
    expect(store.queries.byCollection.things).toBe(2);
  });

  it('bumps a revision once per stored write, none for a refused one, and tells what was written since', async () => {
    const { things: kept } = await openRepositories(store, { things: bumpingRevision(thingDocument, 'things', (t) => t.code) });
    expect(await kept.revision()).toBe(0);
    await kept.insertMany([thing('t1'), thing('t2')]);
    expect(await kept.revision()).toBe(1);
    await kept.replace({ ...thing('t1'), name: 'renamed' }, 1);
    expect(await kept.revision()).toBe(2);
    await expect(kept.replace({ ...thing('t1'), name: 'stale' }, 1)).rejects.toBeInstanceOf(ConflictError);
    await expect(kept.insert(thing('t1'))).rejects.toBeInstanceOf(ConflictError);
    expect(await kept.revision()).toBe(2);
    expect(await kept.changesSince(0)).toEqual({ revision: 2, keys: ['code-t1', 'code-t2'] });
    expect(await kept.changesSince(1)).toEqual({ revision: 2, keys: ['code-t1'] });
    expect(await kept.changesSince(2)).toEqual({ revision: 2, keys: [] });
    // A revision the counter never reached (a store emptied and filled again): nothing is known.
    expect(await kept.changesSince(7)).toEqual({ revision: 2, keys: null });
  });

  it('forgets the keys of very large or old writes, so readers read everything again', async () => {
    const counter = new RevisionCounter('bulk', store.collection(revisionsCollection));
    await counter.bump(['a']);
    await counter.bump(Array.from({ length: 10_000 }, (_, i) => `k${i}`));
    await counter.bump(['b']);
    expect(await counter.changesSince(2)).toEqual({ revision: 3, keys: ['b'] });
    expect(await counter.changesSince(1)).toEqual({ revision: 3, keys: null });
    for (let i = 0; i < 250; i++) await counter.bump([`c${i}`]);
    expect((await counter.changesSince(200)).keys).toHaveLength(53);
    expect(await counter.changesSince(3)).toEqual({ revision: 253, keys: null });
    const busy = new RevisionCounter('busy', store.collection(revisionsCollection));
    for (let i = 0; i < 3; i++) await busy.bump(Array.from({ length: 400 }, (_, k) => `r${i}-${k}`));
    expect((await busy.changesSince(1)).keys).toHaveLength(800);
    expect((await busy.changesSince(0)).keys).toBeNull();
  });

  it('never gives two simultaneous bumps the same revision', async () => {
    const counter = new RevisionCounter('racing', store.collection(revisionsCollection));
    const revisions = await Promise.all(Array.from({ length: 8 }, (_, i) => counter.bump([`k${i}`])));
    expect(revisions.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await counter.current()).toBe(8);
    expect((await counter.changesSince(0)).keys!.sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
  });

  it('counts in an epoch that a start (renew) or a counter created again changes, so no revision means the same twice', async () => {
    const counter = new RevisionCounter('epochs', store.collection(revisionsCollection));
    await counter.bump(['a']);
    const first = await counter.currentInEpoch();
    expect(first.revision).toBe(1);
    expect(first.epoch).not.toBe('');
    await counter.advance();
    expect(await counter.currentInEpoch()).toEqual({ revision: 2, epoch: first.epoch });
    await counter.renew();
    const renewed = await counter.currentInEpoch();
    expect(renewed.revision).toBe(3);
    expect(renewed.epoch).not.toBe(first.epoch);
    // A counter deleted (or restored from before) counts through numbers used before, in another epoch.
    await store.collection(revisionsCollection).deleteMany({ _id: 'epochs' });
    await counter.bump(['b']);
    await counter.advance();
    const again = await counter.currentInEpoch();
    expect(again.revision).toBe(2);
    expect([first.epoch, renewed.epoch]).not.toContain(again.epoch);
  });

  it("moves the store's revision past every write it acknowledges, in any collection but the unrevised", async () => {
    const revised = revisedStore(store, { unrevised: ['reads'] });
    const revision = () => new RevisionCounter(storeRevision, store.collection(revisionsCollection)).current();
    const { things: counted } = await openRepositories(revised, { things: thingDocument });
    const start = await revision();
    await counted.insertMany([thing('t1'), thing('t2')]);
    const inserted = await revision();
    expect(inserted).toBeGreaterThan(start);
    await expect(counted.replace({ ...thing('t1'), name: 'stale' }, 7)).rejects.toBeInstanceOf(ConflictError);
    expect(await revision()).toBe(inserted);
    await counted.replace({ ...thing('t1'), name: 'renamed' }, 1);
    const replaced = await revision();
    expect(replaced).toBeGreaterThan(inserted);
    expect(await revised.collection('things').deleteMany({ _id: 'missing' })).toBe(0);
    expect(await revision()).toBe(replaced);
    await revised.collection('reads').insertMany([{ _id: 'r1', version: 1 }]);
    expect(await revision()).toBe(replaced);
    // Writers racing: each, once acknowledged, is counted, though they share bumps.
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const before = await revision();
        await revised.collection('others').insertMany([{ _id: `o${i}`, version: 1 }]);
        expect(await revision()).toBeGreaterThan(before);
      }),
    );
    await revised.collection('others').deleteMany({});
    expect(await revision()).toBeGreaterThan(replaced + 1);
  });

  it.runIf(Boolean(adapter.reopen))('keeps what was written after the store is closed and opened again', async () => {
    await things.insertMany([thing('t1'), thing('t2')]);
    await things.replace({ ...thing('t1'), name: 'renamed' }, 1);
    await store.close();
    const reopened = await adapter.reopen!(store);
    const { things: again } = await openRepositories(reopened, { things: thingDocument });
    expect((await again.findById('t1'))!).toMatchObject({ name: 'renamed', version: 2 });
    expect(await again.count()).toBe(2);
    await reopened.close();
  });
});

describe('store contract: a field encrypted at rest', () => {
  it('is never read alone: its envelope authenticates the record whole', async () => {
    const store = encryptingStore(createNedbStore({}), encryptedThings, () => thingKeys);
    const { things } = await openRepositories(store, encryptedThings);
    await things.insertMany([thing('t1')]);
    await expect(things.findFields({}, ['code', 'name'])).rejects.toThrow('things: cannot read alone on encrypted field name');
    expect(await things.findFields({}, ['code'])).toEqual([{ _id: 't1', code: 'code-t1' }]);
  });
});
