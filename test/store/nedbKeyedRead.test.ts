import nedb from '@seald-io/nedb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineDocument, nested } from '../../subgraphs/kit/documents.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { collectionFileSuffix } from '../../subgraphs/kit/store/collectionFile.ts';
import { keyedFilter, readKeyed } from '../../subgraphs/kit/store/nedbKeyedRead.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';

/*
 * The embedded store reads `{ field: { $in: texts } }` on an indexed field from the index alone
 * (nedbKeyedRead.ts), without NeDB's match of every document found against the whole list. It
 * must find exactly what NeDB's own read finds, whatever the field holds (a text, an array of
 * them, a number that prints like a text, nothing), each document once, and see every write
 * queued before it.
 */

const Datastore = ((nedb as unknown as { default?: typeof nedb.default }).default ?? nedb) as unknown as typeof nedb.default;

const values: unknown[] = ['a', 'b', 'c', ['a', 'b'], ['c'], [], 5, '5', null, undefined, true, { x: 'a' }, new Date(0)];

async function datastoreOf(records: Record<string, unknown>[], indexed: string[]) {
  const ds = new Datastore({ inMemoryOnly: true });
  await ds.loadDatabaseAsync();
  for (const fieldName of indexed) await ds.ensureIndexAsync({ fieldName });
  await ds.insertAsync(records);
  return ds;
}

const ids = (docs: readonly { _id?: unknown }[]) => docs.map((d) => String(d._id)).sort();

describe('reading by texts from a NeDB index', () => {
  it('finds exactly what NeDB finds for $in on an indexed field, each document once', async () => {
    const records = values.flatMap((value, i) =>
      [0, 1].map((copy) => ({ _id: `r${i}-${copy}`, ...(value === undefined ? {} : { tag: value }) })),
    );
    const ds = await datastoreOf(records, ['tag']);
    for (const texts of [['a'], ['a', 'b'], ['b', 'a', 'a'], ['5'], ['c', 'missing'], [], ['x']]) {
      const filter = { tag: { $in: texts } };
      const keyed = keyedFilter(ds, filter);
      expect(keyed).toEqual({ field: 'tag', texts });
      const found = await readKeyed(ds, keyed!, (doc) => doc);
      expect(ids(found)).toEqual(ids(await ds.findAsync(filter)));
      expect(new Set(ids(found)).size).toBe(found.length);
    }
  });

  it('leaves every other filter to NeDB', async () => {
    const ds = await datastoreOf([{ _id: 'r1', tag: 'a', other: 'b' }], ['tag', 'nested.tag']);
    for (const filter of [
      { other: { $in: ['b'] } }, // not indexed
      { tag: 'a' },
      { tag: { $in: ['a', 5] } }, // not only texts
      { tag: { $in: ['a'], $ne: 'b' } },
      { tag: { $nin: ['a'] } },
      { tag: { $in: ['a'] }, other: 'b' },
      { 'nested.tag': { $in: ['a'] } },
    ]) {
      expect(keyedFilter(ds, filter)).toBeUndefined();
    }
    expect(keyedFilter(ds, { _id: { $in: ['r1'] } })).toEqual({ field: '_id', texts: ['r1'] });
  });
});

interface TaggedDoc extends StoredDocument {
  tag: string;
  note: { text: string; on: Date }[];
}
const taggedDocument = defineDocument<TaggedDoc>('tagged', 'tagged document', {
  tag: { type: String, required: true, index: true },
  note: { type: [nested({ text: { type: String, required: true }, on: { type: Date, required: true } })], default: [] },
});

describe('the embedded store reading fields by indexed texts', () => {
  it('answers as its general read does, with copies, and after the writes queued before it', async () => {
    const store = createNedbStore({});
    const { tagged } = await openRepositories(store, { tagged: taggedDocument });
    const on = new Date('2026-03-01T00:00:00Z');
    await tagged.insertMany(['a', 'b', 'a', 'c'].map((tag, i) => ({ _id: `t${i}`, tag, note: [{ text: `n${i}`, on }] })));
    const filter = { tag: { $in: ['a', 'c', 'a'] } };
    const read = await tagged.findFields(filter, ['tag', 'note']);
    expect(read.sort((x, y) => x._id.localeCompare(y._id))).toEqual(
      (await tagged.find(filter)).sort((x, y) => x._id.localeCompare(y._id)).map(({ _id, tag, note }) => ({ _id, tag, note })),
    );
    expect(read.map((d) => d._id).sort()).toEqual(['t0', 't2', 't3']);
    // A copy: changing what was read changes nothing kept.
    read[0]!.note[0]!.on.setUTCFullYear(2000);
    read[0]!.note[0]!.text = 'changed';
    expect((await tagged.findById(read[0]!._id))!.note[0]).toEqual({ text: `n${read[0]!._id.slice(1)}`, on });
    // Not awaited: the read asked for after the write sees it.
    const collection = store.collection<TaggedDoc>('tagged');
    const write = collection.insertMany([{ _id: 't9', version: 1, tag: 'c', note: [] }]);
    const after = await collection.findFields({ tag: { $in: ['c'] } }, ['tag']);
    await write;
    expect(after.map((d) => d._id).sort()).toEqual(['t3', 't9']);
  });

  it('copies a field named __proto__ (as a file may hold one) as a field, not as the prototype of the copy', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-keyed-'));
    try {
      fs.writeFileSync(
        path.join(directory, `odd${collectionFileSuffix}`),
        '{"_id":"o1","version":1,"tag":"a","extra":{"__proto__":{"polluted":true}}}\n',
      );
      const store = createNedbStore({ directory });
      const collection = store.collection<StoredDocument & { tag: string; extra: unknown }>('odd');
      await collection.ensureIndexes([{ fields: { tag: 1 } }]);
      const [read] = await collection.findFields({ tag: { $in: ['a'] } }, ['extra']);
      const extra = read!.extra as Record<string, unknown>;
      expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
      expect(Object.hasOwn(extra, '__proto__')).toBe(true);
      expect((extra as { polluted?: unknown }).polluted).toBeUndefined();
      await store.close();
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
