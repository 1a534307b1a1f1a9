import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseDocuments } from '../../subgraphs/coordination/cases/models.ts';
import { registryDrafts } from '../../subgraphs/coordination/cases/seed.ts';
import { syntheticCases } from '../../subgraphs/demo-data/casePathways.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { collectionFilesIn, nedbModel } from '../../subgraphs/kit/store/collectionFile.ts';
import { parseNedbLine } from '../../subgraphs/kit/store/nedbLine.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';

/*
 * The embedded store parses each line of its files without NeDB's reviver (nedbLine.ts) and must
 * read exactly what NeDB's own parse reads: the same values, Dates where NeDB makes Dates (invalid
 * ones included), the same keys in the same order, the same prototypes, and the same refusals.
 */

/** Where `actual` differs from `expected`, or undefined when they are the same through and through. */
function differenceBetween(actual: unknown, expected: unknown, at = 'the line'): string | undefined {
  if (typeof actual !== typeof expected) return `${at}: ${typeof actual} instead of ${typeof expected}`;
  if (typeof expected !== 'object' || expected === null || actual === null) {
    return Object.is(actual, expected) ? undefined : `${at}: ${String(actual)} instead of ${String(expected)}`;
  }
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return `${at}: another kind of object`;
  if (expected instanceof Date) {
    // Object.is: two invalid Dates (NaN) are the same, as they are to NeDB.
    const [time, expectedTime] = [(actual as Date).getTime(), expected.getTime()];
    return Object.is(time, expectedTime) ? undefined : `${at}: the Date ${time} instead of ${expectedTime}`;
  }
  const keys = Reflect.ownKeys(expected);
  const actualKeys = Reflect.ownKeys(actual as object);
  if (JSON.stringify(actualKeys.map(String)) !== JSON.stringify(keys.map(String))) {
    return `${at}: keys ${actualKeys.map(String).join(',')} instead of ${keys.map(String).join(',')}`;
  }
  for (const key of keys) {
    const difference = differenceBetween(
      (actual as Record<PropertyKey, unknown>)[key],
      (expected as Record<PropertyKey, unknown>)[key],
      `${at}.${String(key)}`,
    );
    if (difference) return difference;
  }
  return undefined;
}

type Outcome = { value: unknown } | { error: string };
const outcome = (parse: (line: string) => unknown, line: string): Outcome => {
  try {
    return { value: parse(line) };
  } catch (error) {
    return { error: (error as Error).name };
  }
};

/** Both parses of one line, and where they differ (undefined when they agree). */
function compare(line: string): string | undefined {
  const ours = outcome(parseNedbLine, line);
  const nedbs = outcome(nedbModel.deserialize, line);
  if ('error' in nedbs || 'error' in ours) {
    return 'error' in nedbs && 'error' in ours && nedbs.error === ours.error
      ? undefined
      : `${JSON.stringify(ours)} where NeDB gives ${JSON.stringify(nedbs, (_k, v: unknown) => (v instanceof Date ? String(v) : v))}`;
  }
  return differenceBetween(ours.value, nedbs.value);
}

const trickyLines = [
  // Dates where NeDB writes them, nested and in arrays.
  '{"_id":"a","on":{"$$date":1767225600000}}',
  '{"_id":"a","history":[{"at":{"$$date":1},"by":"x"},{"at":{"$$date":2},"inner":{"deeper":{"$$date":3}}}]}',
  '{"_id":"a","dates":[{"$$date":0},{"$$date":-1},{"$$date":8.64e15},{"$$date":8.64e15},{"$$date":8.640000000000001e15}]}',
  '{"_id":"a","matrix":[[{"$$date":1}],[[{"$$date":2}]]]}',
  // `$$date` beside other keys: they are dropped, in any order.
  '{"_id":"a","on":{"$$date":5,"other":"dropped"}}',
  '{"_id":"a","on":{"other":{"$$date":7},"$$date":5}}',
  // Falsy and odd `$$date` values: each is still a Date (an invalid one where it cannot be read).
  '{"_id":"a","on":{"$$date":0},"off":{"$$date":null},"no":{"$$date":false},"empty":{"$$date":""}}',
  '{"_id":"a","text":{"$$date":"2026-01-02"},"bad":{"$$date":"not a date"},"list":{"$$date":[2020]},"obj":{"$$date":{"a":1}}}',
  '{"_id":"a","twice":{"$$date":{"$$date":5}},"bare":{"$$date":true}}',
  // A whole line that is a date, or a `$$date` at the top.
  '{"$$date":1767225600000}',
  '{"$$date":1767225600000,"_id":"a"}',
  '[{"$$date":1},2,"three"]',
  // The text `$$date` where it is no key.
  '{"_id":"a","note":"$$date","other":"{\\"$$date\\":1}","$$dates":{"$$date2":1},"date":{"$date":1}}',
  // A key `$$date` spelled with escapes, and escapes elsewhere.
  '{"_id":"a","on":{"\\u0024\\u0024date":9}}',
  '{"_id":"a","on":{"$\\u0024d\\u0061te":9},"tab":"\\t\\u00e9"}',
  // Keys JavaScript treats apart.
  '{"_id":"a","__proto__":{"$$date":1},"constructor":{"$$date":2},"toString":"x"}',
  '{"_id":"a","__proto__":{"polluted":true}}',
  '{"_id":"a","2":{"$$date":2},"1":"one","b":null}',
  '{"_id":"a","b":1,"b":{"$$date":4}}',
  // Unicode, numbers, empties.
  '{"_id":"ক্ষ-১","name":"Zoë 🧕🏽 ক্ষ","on":{"$$date":1}}',
  '{"_id":"a","n":[1e400,-0,0.1,123456789012345678901234567890],"o":{},"l":[],"s":""}',
  '{"_id":"a","plain":true,"no":["dates"]}',
  '"$$date"',
  '12',
  'null',
  // Lines neither reads.
  '{"_id":"a","on":{"$$date":1}',
  '{"_id":"a",}',
  '',
  '{"_id":"a","on":{"$$date":1}}\u0000',
];

let folder: string | undefined;
afterAll(() => folder && fs.rmSync(folder, { recursive: true, force: true }));

describe('reading a line of a collection file', () => {
  it.each(trickyLines.map((line) => [line]))('reads %s as NeDB does', (line) => {
    expect(compare(line)).toBeUndefined();
  });

  it('really finds a difference where there is one', () => {
    // So the comparison above cannot pass by seeing none.
    expect(differenceBetween(new Date(NaN), new Date(0))).toBeDefined();
    expect(differenceBetween({ a: 1, b: 2 }, { b: 2, a: 1 })).toBeDefined();
    expect(differenceBetween({ a: new Date(1) }, { a: { $$date: 1 } })).toBeDefined();
    expect(differenceBetween(new Date(NaN), new Date(NaN))).toBeUndefined();
  });

  it('reads every line of a store NeDB wrote as NeDB reads it', async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-lines-'));
    const store = createNedbStore({ directory: folder, subgraph: 'coordination' });
    // The indexes the case registry declares, then generated cases and referrals as the
    // store writes them, one changed and one deleted.
    await openRepositories(store, caseDocuments);
    const registry = registryDrafts(syntheticCases('bangladesh', 300));
    const cases = store.collection<StoredDocument & { updatedAt: Date }>('cases');
    await cases.insertMany(registry.cases.map((c) => ({ ...c, version: 1 })));
    await store.collection('referrals').insertMany(registry.referrals.map((r) => ({ ...r, version: 1 })));
    const [first, second] = registry.cases;
    await cases.replaceOne({ _id: first!._id }, { ...first!, updatedAt: new Date(), version: 2 });
    await cases.deleteMany({ _id: second!._id });

    let lines = 0;
    let withDates = 0;
    const differences: string[] = [];
    const kinds = new Set<string>();
    for (const file of collectionFilesIn(folder)) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
        lines++;
        if (line.includes('$$date')) withDates++;
        kinds.add(line.startsWith('{"$$indexCreated"') ? 'index' : line.includes('"$$deleted":true') ? 'deletion' : 'record');
        const difference = compare(line);
        if (difference) differences.push(`${path.basename(file)}: ${difference} in ${line}`);
      }
    }
    expect(differences).toEqual([]);
    expect(lines).toBeGreaterThan(700);
    expect(withDates).toBeGreaterThan(700);
    // The store was not compacted: the changed case's versions and the deletion are lines of their own.
    expect(kinds).toEqual(new Set(['record', 'index', 'deletion']));
  });
});
