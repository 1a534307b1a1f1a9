import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingPackQuery } from '../../scripts/report/packQuery.ts';
import { sectorIds } from '../../platform/catalog.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

/*
 * The meeting pack touches every monitoring collection in every subgraph. Its store round trips
 * must depend on the shape of the query only: we count them, add many more actions, progress
 * reports, indicators, values, meetings and action items, and count again.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const progressQuery = `{ framework { actions { id status progressHistory { status } } } }`;

async function storeQueriesFor(query: string, variables?: Record<string, unknown>) {
  for (const store of hub.stores.values()) store.resetQueryCount();
  const { data, errors } = await hub.query(query, variables);
  expect(errors).toBeUndefined();
  return {
    perSubgraph: Object.fromEntries([...hub.stores].map(([name, store]) => [name, store.queries.total])),
    size: JSON.stringify(data).length,
  };
}

async function addMoreItems(from: number, n: number) {
  const coordination = hub.stores.get('coordination')!;
  const [objective] = await coordination.collection<StoredDocument>('objectives').find({}, { limit: 1 });
  const actions = Array.from({ length: n }, (_, k) => from + k).map((i) => ({
    _id: `extra-action-${i}`,
    version: 1,
    code: `X${i}`,
    title: `Extra action ${i}`,
    objectiveId: objective!._id,
    leadSectorId: sectorIds[i % sectorIds.length]!,
    supportingSectorIds: [],
  }));
  await coordination.collection('actions').insertMany(actions);
  const meetings = Array.from({ length: n }, (_, k) => from + k).map((i) => ({
    _id: `bd-steering-extra-${i}`,
    version: 1,
    bodyId: 'bd-steering',
    heldOn: new Date(Date.UTC(2020, 0, 1 + i)),
    attendance: sectorIds.map((sectorId) => ({ sectorId, present: i % 2 === 0 })),
    minutesRef: null,
    decisions: [],
    recordedAt: new Date(),
    recordedBy: 'x',
  }));
  await coordination.collection('meetings').insertMany(meetings);
  await coordination.collection('actionItems').insertMany(
    meetings.map((m, k) => ({
      _id: `${m._id}-ai1`,
      version: 1,
      meetingId: m._id,
      bodyId: 'bd-steering',
      sectorId: sectorIds[k % sectorIds.length]!,
      text: `Item ${k}`,
      dueDate: new Date(Date.UTC(2026, 0, 1 + k)),
      status: 'OPEN',
      updates: [{ status: 'OPEN', note: null, at: new Date(), by: 'x' }],
    })),
  );
  for (const sector of sectorIds) {
    const store = hub.stores.get(sector)!;
    const mine = actions.filter((a) => a.leadSectorId === sector);
    await store.collection('actionRecords').insertMany(
      mine.map((a, i) => ({
        _id: a._id,
        version: 1,
        status: 'IN_PROGRESS',
        dueDate: new Date(Date.UTC(2026, i % 10, 1)),
        updatedAt: new Date(),
      })),
    );
    await store.collection('progressReports').insertMany(
      mine.map((a) => ({
        _id: `${a._id}#1`,
        version: 1,
        actionId: a._id,
        sequence: 1,
        status: 'IN_PROGRESS',
        note: null,
        evidenceRef: null,
        dueDate: null,
        asOf: new Date(),
        recordedAt: new Date(),
        recordedBy: 'x',
      })),
    );
    const [indicator] = await store.collection<StoredDocument & { dataSetId: string }>('indicators').find({}, { limit: 1 });
    const extra = Array.from({ length: n }, (_, k) => from + k).map((i) => ({
      ...indicator!,
      _id: `${sector}-extra-indicator-${i}`,
      code: `X-${i}`,
      order: 100 + i,
    }));
    await store.collection('indicators').insertMany(extra);
    await store.collection('indicatorValues').insertMany(
      extra.map((x) => ({
        _id: `${x._id}@2025-12`,
        version: 1,
        indicatorId: x._id,
        dataSetId: x.dataSetId,
        period: '2025-12',
        value: 1,
        numerator: null,
        denominator: null,
        breakdowns: [],
        reportedAt: new Date(),
        reportedBy: 'x',
      })),
    );
  }
}

describe('monitoring store queries per request do not grow with the answer', () => {
  it('holds for the meeting pack and the progress histories', async () => {
    // A few of everything first, so every list the queries walk is already non-empty: an empty
    // list rightly saves its lookup, which is not what is measured here.
    await addMoreItems(0, 5);
    const before = [await storeQueriesFor(meetingPackQuery, { bodyId: 'bd-steering' }), await storeQueriesFor(progressQuery)];
    await addMoreItems(5, 40);
    const after = [await storeQueriesFor(meetingPackQuery, { bodyId: 'bd-steering' }), await storeQueriesFor(progressQuery)];
    for (const [i, run] of after.entries()) {
      expect(run.size).toBeGreaterThan(before[i]!.size);
      expect(run.perSubgraph).toEqual(before[i]!.perSubgraph);
    }
  });
});
