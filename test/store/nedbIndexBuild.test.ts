import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseDocuments } from '../../subgraphs/coordination/cases/models.ts';
import { registryDrafts } from '../../subgraphs/coordination/cases/seed.ts';
import { syntheticCases } from '../../subgraphs/demo-data/casePathways.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { collectionFilesIn, nedbModel, readCollectionFile } from '../../subgraphs/kit/store/collectionFile.ts';
import { buildIndex, type NedbIndex } from '../../subgraphs/kit/store/nedbIndexBuild.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';

/*
 * The embedded store builds NeDB's indexes at load from sorted keys (nedbIndexBuild.ts) and must
 * leave each index holding exactly what NeDB's own inserts leave: the same keys in the same order,
 * each with the same records in the same order, in a valid AVL tree, answering every lookup and
 * range alike; and refusing what NeDB refuses, with NeDB's error.
 */

const Index = createRequire(import.meta.url)('@seald-io/nedb/lib/indexes.js') as new (spec: {
  fieldName: string;
  unique?: boolean;
  sparse?: boolean;
}) => NedbIndex & {
  insert(records: unknown[]): void;
  getMatching(value: unknown): unknown[];
  getBetweenBounds(query: Record<string, unknown>): unknown[];
  getAll(): unknown[];
};
type Spec = { fieldName: string; unique?: boolean; sparse?: boolean };
type Node = { key?: unknown; data: unknown[]; left: Node | null; right: Node | null; parent: Node | null; height?: number };
type Built = InstanceType<typeof Index>;

/** Each key of the tree in order with its records, as NeDB's inserts would walk it. */
function inOrder(node: Node | null, into: { key: unknown; data: unknown[] }[] = []) {
  if (!node || !Object.prototype.hasOwnProperty.call(node, 'key')) return into;
  inOrder(node.left, into);
  into.push({ key: node.key, data: node.data });
  inOrder(node.right, into);
  return into;
}

/** Heights right, balanced, parents linked, and keys in order: throws where one is not. */
function checkAvl(node: Node | null, parent: Node | null): number {
  if (!node || !Object.prototype.hasOwnProperty.call(node, 'key')) return 0;
  if (node.parent !== parent) throw new Error(`node ${String(node.key)} names the wrong parent`);
  const left = checkAvl(node.left, node);
  const right = checkAvl(node.right, node);
  if (Math.abs(left - right) > 1) throw new Error(`node ${String(node.key)} is not balanced`);
  if (node.height !== 1 + Math.max(left, right)) throw new Error(`node ${String(node.key)} has a wrong height`);
  return node.height;
}

const treeOf = (index: Built) => (index.tree as unknown as { tree: Node }).tree;

/** Both builds of one index over `records`: NeDB's inserts, and buildIndex; or the error each threw. */
function bothBuilds(spec: Spec, records: Record<string, unknown>[]) {
  const nedbs = new Index(spec);
  const ours = new Index(spec);
  let nedbError: string | undefined;
  let ourError: string | undefined;
  try {
    nedbs.insert(records);
  } catch (error) {
    nedbError = (error as Error).message;
  }
  try {
    buildIndex(ours, records, nedbModel.compareThings);
  } catch (error) {
    ourError = (error as Error).message;
  }
  return { nedbs, ours, nedbError, ourError };
}

/** Checks that the two builds hold the same, answer `probes` alike, and that ours is a valid AVL tree. */
function expectSame(spec: Spec, records: Record<string, unknown>[], probes: unknown[] = []) {
  const { nedbs, ours, nedbError, ourError } = bothBuilds(spec, records);
  expect(ourError).toBe(nedbError);
  if (nedbError) return;
  const expected = inOrder(treeOf(nedbs));
  const actual = inOrder(treeOf(ours));
  expect(actual.map((n) => n.data)).toEqual(expected.map((n) => n.data));
  // The very records, not copies, in the same order under each key.
  actual.forEach((n, i) => n.data.forEach((record, j) => expect(record).toBe(expected[i]!.data[j])));
  actual.forEach((n, i) => expect(nedbModel.compareThings(n.key, expected[i]!.key)).toBe(0));
  checkAvl(treeOf(ours), null);
  expect(ours.getAll()).toEqual(nedbs.getAll());
  for (const probe of probes) {
    expect(ours.getMatching(probe)).toEqual(nedbs.getMatching(probe));
    expect(ours.getBetweenBounds({ $gte: probe })).toEqual(nedbs.getBetweenBounds({ $gte: probe }));
    expect(ours.getBetweenBounds({ $lt: probe })).toEqual(nedbs.getBetweenBounds({ $lt: probe }));
  }
}

let folder: string | undefined;
afterAll(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('building NeDB indexes at load', () => {
  it('leaves every index of a generated registry as NeDB leaves it', async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-indexes-'));
    const store = createNedbStore({ directory: folder, subgraph: 'coordination' });
    await openRepositories(store, caseDocuments);
    const registry = registryDrafts(syntheticCases('bangladesh', 400));
    await store.collection('cases').insertMany(registry.cases.map((c) => ({ ...c, version: 1 })));
    await store.collection('referrals').insertMany(registry.referrals.map((r) => ({ ...r, version: 1 })));
    await store.close();

    let indexes = 0;
    for (const file of collectionFilesIn(folder)) {
      const content = readCollectionFile(file);
      if ('damaged' in content) throw new Error(`${file} is damaged`);
      for (const spec of [{ fieldName: '_id', unique: true }, ...Object.values(content.indexes)] as Spec[]) {
        const probes = content.records.slice(0, 5).map((r) => r[spec.fieldName.split(',')[0]!]);
        expectSame(spec, content.records, probes);
        indexes++;
      }
    }
    // Cases: _id and six declared; referrals: _id and five.
    expect(indexes).toBeGreaterThanOrEqual(13);
  });

  it('groups keys as NeDB compares them, whatever their kind', () => {
    const keys = [
      'b',
      'a',
      'b',
      1,
      -0,
      0,
      2.5,
      5,
      -1,
      null,
      undefined,
      true,
      false,
      new Date(5),
      new Date(5),
      new Date(-1),
      '',
      'a',
      'n1',
      'd5',
    ];
    const records = keys.map((key, i) => ({ _id: `r${i}`, key }));
    expectSame({ fieldName: 'key' }, records, [...keys, 'c', 3, new Date(6)]);
    // Compound keys, one field missing in some records.
    const compound = keys.map((key, i) => ({ _id: `c${i}`, a: key, b: i % 3 === 0 ? undefined : i % 2 === 0 }));
    expectSame({ fieldName: 'a,b' }, compound);
    // A record without the field is indexed under undefined.
    expectSame({ fieldName: 'missing' }, records, [undefined]);
    expectSame({ fieldName: 'key' }, []);
  });

  it('leaves to NeDB the keys it cannot group exactly, which then index as NeDB indexes them', () => {
    const base = [1, 'x', 2].map((key, i) => ({ _id: `r${i}`, key }));
    for (const odd of [['x', 'y', 'x'], [], { nested: 1 }, NaN, new Date(NaN)]) {
      expectSame({ fieldName: 'key' }, [...base, { _id: 'odd', key: odd }], ['x', 1]);
    }
    expectSame({ fieldName: 'key', sparse: true }, [...base, { _id: 'none' }], ['x']);
    expectSame(
      { fieldName: 'a.b' },
      [
        { _id: 'd', a: { b: 1 } },
        { _id: 'e', a: { b: 0 } },
      ],
      [1],
    );
  });

  it('refuses what a unique index refuses, with the error NeDB gives', () => {
    const { ourError, nedbError } = bothBuilds({ fieldName: 'code', unique: true }, [
      { _id: 'a', code: 'X' },
      { _id: 'b', code: 'Y' },
      { _id: 'c', code: 'X' },
    ]);
    expect(nedbError).toMatch(/unique constraint/);
    expect(ourError).toBe(nedbError);
    const undefinedTwice = bothBuilds({ fieldName: 'code', unique: true }, [{ _id: 'a' }, { _id: 'b' }]);
    expect(undefinedTwice.nedbError).toMatch(/unique constraint/);
    expect(undefinedTwice.ourError).toBe(undefinedTwice.nedbError);
  });
});
