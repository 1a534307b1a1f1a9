import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import { upgradeToProvenanceMarks } from '../../subgraphs/coordination/provenance/upgradeStore.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { officer } from '../cases/caseFixtures.ts';
import { startTestHub } from '../support/hub.ts';
import { markedCollections, rewriteAsBeforeMarks } from './beforeMarks.ts';

/*
 * A Bangladesh coordination folder written before records kept their marks starts: each demo
 * reference record that still states the demo's facts takes the demo's mark, and an action its
 * organisations; a record whose facts differ (Rajshahi's old opening date, a focal point replaced
 * through the API) stays unmarked; cases and referrals, the bulk, stay as they were. A second
 * start changes nothing.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-marks-'));
const folder = path.join(dataDir, 'bangladesh', 'coordination');
type Doc = StoredDocument & Record<string, any>;

async function withStore<T>(use: (store: ReturnType<typeof createNedbStore>) => Promise<T>): Promise<T> {
  const store = createNedbStore({ directory: folder });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const stored = () =>
  withStore(
    async (store) =>
      Object.fromEntries(
        await Promise.all(markedCollections.map(async (c) => [c, await store.collection<Doc>(c).find({}, { sort: { _id: 1 } })])),
      ) as Record<(typeof markedCollections)[number], Doc[]>,
  );

const query = `{
  coordinationBody(id: "bd-steering") { source { title quote } illustrative illustrativeNote }
  crisisCentres { id openedOn source { title } illustrative }
  sectors { id focalPoint { name illustrative } illustrative }
  action(id: "bd-a2-3") { leadOrganisation { id } supportingOrganisations { id } illustrative }
}`;

let before: Awaited<ReturnType<typeof stored>>;
beforeAll(async () => {
  await (await startTestHub({ country: 'bangladesh', only: [], dataDir })).stop();
  await withStore(async (store) => {
    await rewriteAsBeforeMarks(store);
    const sectors = store.collection<Doc>('sectors');
    const health = (await sectors.find({ _id: 'health' }))[0]!;
    // Replaced through the API since: a real official, whom no demo note may call invented.
    await sectors.replaceOne({ _id: 'health' }, { ...health, focalPoint: { name: 'A. Real Official', title: 'Joint Secretary' } });
  });
  before = await stored();
}, 60_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('a coordination folder written before records kept their marks', () => {
  it('has no mark to begin with', () => {
    for (const name of markedCollections) {
      // Bangladesh's demo sends no reports: the Act that sets the duty to report is South Africa's.
      if (name !== 'bodyReports') expect(before[name].length, name).toBeGreaterThan(0);
      expect(
        before[name].filter((d) => d.source || d.addedForDemo).map((d) => d._id),
        name,
      ).toEqual([]);
    }
  });

  it('starts, and answers with the marks of the records whose facts are the demo’s, and only those', async () => {
    const hub = await startTestHub({ country: 'bangladesh', only: [], dataDir });
    try {
      const { data, errors } = await hub.query(query);
      expect(errors).toBeUndefined();
      expect(data!.coordinationBody.source.quote).toBe('A Steering Committee made up of members from the eight ministries');
      expect(data!.coordinationBody.illustrativeNote).toContain('give no cadence');
      const centres = new Map((data!.crisisCentres as any[]).map((c) => [c.id, c]));
      expect(centres.get('bd-occ-dhaka')).toMatchObject({ illustrative: true, source: { title: expect.stringContaining('Daily Star') } });
      expect(centres.get('bd-occ-rajshahi')).toEqual({ id: 'bd-occ-rajshahi', openedOn: '2001-10-01', source: null, illustrative: false });
      const sectors = new Map((data!.sectors as any[]).map((s) => [s.id, s]));
      expect(sectors.get('health')).toEqual({
        id: 'health',
        focalPoint: { name: 'A. Real Official', illustrative: false },
        illustrative: true,
      });
      expect(sectors.get('police').focalPoint.illustrative).toBe(true);
      expect(data!.action).toEqual({
        leadOrganisation: { id: 'bd-hsd' },
        supportingOrganisations: [{ id: 'bd-police' }, { id: 'bd-molj' }, { id: 'bd-dna-lab' }],
        illustrative: true,
      });

      const { data: cases } = await hub.query(`{ cases(limit: 5) { illustrative } }`, undefined, officer('health'));
      expect((cases!.cases as { illustrative: boolean }[]).every((c) => !c.illustrative)).toBe(true);
    } finally {
      await hub.stop();
    }
  });

  it('leaves cases and referrals as they were, and a second start changes nothing', async () => {
    const upgraded = await stored();
    expect(upgraded.cases).toEqual(before.cases);
    expect(upgraded.referrals).toEqual(before.referrals);
    expect(upgraded.meetings.every((m) => m.addedForDemo)).toBe(true);
    expect(upgraded.bodyReports).toEqual(before.bodyReports); // Bangladesh's demo writes none.

    await (await startTestHub({ country: 'bangladesh', only: [], dataDir })).stop();
    expect(await stored()).toEqual(upgraded);
    const counts = await withStore(async (store) =>
      upgradeToProvenanceMarks(await openRepositories(store, coordinationSubgraph.documents), 'bangladesh', pino({ level: 'silent' })),
    );
    expect(Object.values(counts).reduce((sum, c) => sum + c.marked, 0)).toBe(0);
    expect(counts.crisisCentres.differing).toEqual(['bd-occ-rajshahi']);
  });
});
