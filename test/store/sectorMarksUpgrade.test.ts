import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { upgradeLedger } from '../../subgraphs/kit/subgraph.ts';
import { generatedServicePointNote } from '../../subgraphs/sector-core/seed/marks.ts';
import { embeddedSector, type EmbeddedSector } from './embeddedSector.ts';

/*
 * A health store written before the demo data carried marks (no source, no mark, no
 * organisations, no areas) starts: the records still as the demo wrote them take the demo's
 * marks, organisations and area; a service point the sector changed since keeps its own word
 * and gets only its area; the bulk collections are left as they were; the upgrade is recorded
 * as finished, and run again it changes nothing.
 */

type Doc = StoredDocument & Record<string, any>;
const reference = ['responsibilities', 'servicePoints', 'actionRecords', 'progressReports', 'dataSets', 'indicators', 'medicalCare'];
const bulk = ['indicatorValues', 'healthResponses', 'survivorContacts'];
const added = ['source', 'addedForDemo', 'organisationIds', 'organisationId', 'areaId'];
const renamed = 'health-sp-bd-015';
/** A duty whose words were corrected in the store, and an indicator whose target the lead ministry revised. */
const reworded = 'health-r2';
let revisedIndicator: string;

let sector: EmbeddedSector;

async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = createNedbStore({ directory: sector.folder });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const read = (store: Store, collection: string) =>
  store
    .collection<Doc>(collection)
    .find({})
    .then((docs) => docs.sort((a, b) => a._id.localeCompare(b._id)));

async function contents(): Promise<Record<string, Doc[]>> {
  return withStore(async (store) =>
    Object.fromEntries(await Promise.all([...reference, ...bulk].map(async (c) => [c, await read(store, c)]))),
  );
}

let before: Record<string, Doc[]>;
let after: Record<string, Doc[]>;

beforeAll(async () => {
  sector = await embeddedSector('health');
  await (await sector.start()).stop();
  // As today's main wrote it: none of the fields the marks added, and one point the sector renamed.
  await withStore(async (store) => {
    for (const name of [...reference, ...bulk]) {
      const collection = store.collection<Doc>(name);
      for (const doc of await collection.find({})) {
        const old = Object.fromEntries(Object.entries(doc).filter(([key]) => !added.includes(key))) as Doc;
        if (name === 'responsibilities') old.reference = 'Old wording';
        if (doc._id === renamed) old.name = 'Renamed by the sector';
        if (doc._id === reworded) old.duty = 'Wording corrected in the ministry’s own system';
        if (name === 'indicators' && !revisedIndicator) {
          revisedIndicator = doc._id;
          old.target = { ...doc.target, value: doc.target.value + 5 };
          old.targetRevisions = [
            {
              from: doc.target,
              to: old.target,
              reason: 'Revised by the lead ministry',
              revisedAt: new Date(),
              revisedBy: 'analyst@lead-ministry',
            },
          ];
        }
        await collection.replaceOne({ _id: doc._id }, old);
      }
    }
    // Written before the upgrade existed, so the store has not recorded finishing it.
    await store.collection(upgradeLedger).deleteMany({});
  });
  before = await contents();
  await (await sector.start()).stop();
  after = await contents();
}, 120_000);
afterAll(() => sector?.remove());

describe('a health store written before the demo data carried marks', () => {
  it('is unmarked to begin with', () => {
    for (const name of [...reference, ...bulk]) {
      expect(before[name]!.length, name).toBeGreaterThan(0);
      expect(
        before[name]!.filter((doc) => doc.source || doc.addedForDemo).map((d) => d._id),
        name,
      ).toEqual([]);
    }
  });

  it("marks every reference record that is still the demo's, with its organisations and area", () => {
    for (const name of reference) {
      const own = [renamed, reworded, revisedIndicator];
      const unmarked = after[name]!.filter((doc) => !own.includes(doc._id) && !doc.source?.title && !doc.addedForDemo);
      expect(
        unmarked.map((d) => d._id),
        name,
      ).toEqual([]);
    }
    const duty = after.responsibilities![0]!;
    expect(duty.reference).not.toBe('Old wording');
    expect(duty.organisationIds).toEqual(['bd-mohfw']);
    const centre = after.servicePoints!.find((p) => p.crisisCentreId === 'bd-occ-dhaka')!;
    expect(centre).toMatchObject({ organisationId: 'bd-dmch', areaId: 'bd-district-dhaka' });
  });

  it("leaves the sector's own point unmarked, in the area of its district", () => {
    const own = after.servicePoints!.find((p) => p._id === renamed)!;
    expect(own.name).toBe('Renamed by the sector');
    expect(own.addedForDemo ?? null).toBeNull();
    expect(own.source ?? null).toBeNull();
    expect(own.areaId).toMatch(/^bd-district-/);
    expect(after.servicePoints!.filter((p) => p.addedForDemo === generatedServicePointNote).length).toBeGreaterThan(0);
  });

  it("leaves a duty reworded and an indicator revised in the store unmarked: the demo's sources do not vouch for them", () => {
    for (const [collection, id] of [
      ['responsibilities', reworded],
      ['indicators', revisedIndicator],
    ] as const) {
      const record = after[collection]!.find((doc) => doc._id === id)!;
      expect(record, id).toEqual(before[collection]!.find((doc) => doc._id === id));
    }
  });

  it('leaves the bulk collections as they were', () => {
    for (const name of bulk) expect(after[name], name).toEqual(before[name]);
  });

  it('records that it finished, and changes nothing when run again', async () => {
    const finished = await withStore((store) => store.collection(upgradeLedger).find({}));
    expect(finished.map((record) => record._id)).toContain('marks of the demo data');
    // Even run once more (the record of it gone), it finds nothing left to upgrade.
    await withStore((store) => store.collection(upgradeLedger).deleteMany({}));
    await (await sector.start()).stop();
    expect(await contents()).toEqual(after);
  });
});
