import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectorIds } from '../platform/catalog.ts';
import type { StoredDocument } from '../subgraphs/kit/store/port.ts';
import { startTestHub, type TestHub } from './support/hub.ts';

/*
 * Every __resolveReference and reference field goes through a per-request DataLoader, so the
 * number of store queries per request depends on the shape of the query, not on how many
 * items it returns. We run the same cross-sector queries, add many more items, run them again
 * and compare the store round trips counted in every subgraph.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const queries = {
  crossSector: `{ sectors { id name responsibilities { id } servicePoints { id crisisCentre { id name } } delivery { total }
    ledActions { id status objective { code } supportingSectors { id name } } } }`,
  crisisCentres: `{ crisisCentres { id name medicalCare { doctorsOnDuty } policeUnit { officers } legalServices { legalAid }
    shelter { beds } counselling { counsellors } schoolSupport { safeTransfer } } }`,
  framework: `{ framework { objectives { actions { id status delivery leadSector { id name delivery { total } } } } } }`,
};

async function storeQueriesFor(query: string): Promise<{ perSubgraph: Record<string, number>; items: number }> {
  for (const store of hub.stores.values()) store.resetQueryCount();
  const { data, errors } = await hub.query(query);
  expect(errors).toBeUndefined();
  const perSubgraph = Object.fromEntries([...hub.stores].map(([name, store]) => [name, store.queries.total]));
  return { perSubgraph, items: JSON.stringify(data).length };
}

async function addMoreItems(n: number) {
  const coordination = hub.stores.get('coordination')!;
  const [objective] = await coordination.collection<StoredDocument>('objectives').find({}, { limit: 1 });
  const centres = Array.from({ length: n }, (_, i) => ({
    _id: `extra-centre-${i}`,
    version: 1,
    name: `Extra centre ${i}`,
    hospital: `Hospital ${i}`,
    place: 'Town',
    district: `District ${i % 7}`,
    openedOn: null,
  }));
  await coordination.collection('crisisCentres').insertMany(centres);
  const actions = Array.from({ length: n }, (_, i) => ({
    _id: `extra-action-${i}`,
    version: 1,
    code: `X${i}`,
    title: `Extra action ${i}`,
    objectiveId: objective!._id,
    leadSectorId: sectorIds[i % sectorIds.length]!,
    supportingSectorIds: [sectorIds[(i + 1) % sectorIds.length]!],
  }));
  await coordination.collection('actions').insertMany(actions);
  for (const [index, sector] of sectorIds.entries()) {
    const store = hub.stores.get(sector)!;
    const mine = actions.filter((a) => a.leadSectorId === sector);
    await store.collection('actionRecords').insertMany(
      mine.map((a, i) => ({
        _id: a._id,
        version: 1,
        status: 'IN_PROGRESS',
        dueDate: new Date(Date.UTC(2027, i % 12, 1)),
        updatedAt: new Date(),
      })),
    );
    await store.collection('servicePoints').insertMany(
      centres.map((c) => ({
        _id: `${sector}-extra-${c._id}`,
        version: 1,
        name: `Point at ${c.name}`,
        kind: 'CRISIS_CENTRE',
        place: c.place,
        district: c.district,
        capacity: null,
        openingHours: '24 hours',
        open24Hours: true,
        crisisCentreId: c._id,
      })),
    );
    if (index === 0) {
      await store.collection('medicalCare').insertMany(
        centres.map((c) => ({
          _id: c._id,
          version: 1,
          doctorsOnDuty: 2,
          womenDoctorsOnDuty: 1,
          postExposureProphylaxis: true,
          emergencyContraception: true,
          forensicExamination: true,
          dnaLaboratory: null,
          dnaTurnaroundDays: null,
          open24Hours: true,
        })),
      );
    }
  }
}

describe('store queries per request do not grow with the number of items returned', () => {
  it('holds for the cross-sector status, crisis centre facets and framework queries', async () => {
    // One at a time: the counters are shared by every request a subgraph serves.
    const before: Record<string, Awaited<ReturnType<typeof storeQueriesFor>>> = {};
    for (const [name, query] of Object.entries(queries)) before[name] = await storeQueriesFor(query);
    await addMoreItems(60);
    for (const [name, query] of Object.entries(queries)) {
      const after = await storeQueriesFor(query);
      // The answer really is larger...
      expect(after.items, name).toBeGreaterThan(before[name]!.items);
      // ...yet every subgraph made exactly as many store round trips as before.
      expect(after.perSubgraph, name).toEqual(before[name]!.perSubgraph);
    }
  });

  it('makes at most one query per collection and relation in a subgraph, however many entities are asked for', async () => {
    const { perSubgraph } = await storeQueriesFor(queries.framework);
    for (const [name, total] of Object.entries(perSubgraph)) expect(total, name).toBeLessThanOrEqual(6);
  });
});
