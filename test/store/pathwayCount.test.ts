import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import * as pathway from '../../subgraphs/coordination/cases/aggregates/pathway.ts';
import { publishedTables } from '../../subgraphs/coordination/cases/aggregates/pathwayCells.ts';
import { readYear, readYearInSlices, yearInSlices } from '../../subgraphs/coordination/cases/aggregates/yearData.ts';
import { YearTally } from '../../subgraphs/coordination/cases/aggregates/yearTally.ts';
import { registryDrafts } from '../../subgraphs/coordination/cases/seed.ts';
import { syntheticCases } from '../../subgraphs/demo-data/casePathways.ts';
import { disclosure } from '../../subgraphs/kit/disclosure/configured.ts';
import { openRepositories, type Draft } from '../../subgraphs/kit/repository.ts';
import { createMongoStore } from '../../subgraphs/kit/store/mongoStore.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';

/*
 * The pathway count on every store we can reach (the embedded store always, MongoDB whenever
 * MONGODB_URI is set): a year counted as a replica counts it, a day's slice at a time with only
 * the fields counting needs, projected in the store (yearInSlices, YearTally.ofSlices), must
 * publish exactly what the straightforward computation publishes from whole documents read on
 * the embedded store, small counts withheld alike. So a store that projects, matches dates or
 * takes `$in` otherwise than NeDB does fails here.
 */

const year = 2026;
const prefix = `CASE-BD-${year}-`;
const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
const today = new Date('2026-11-24T12:00:00Z');
const registry = registryDrafts(syntheticCases('bangladesh', 1200));

async function filled(store: Store): Promise<Store> {
  // The indexes every store declares, then the registry straight into its collections.
  await openRepositories(store, coordinationSubgraph.documents);
  const asStored = (drafts: Draft<StoredDocument>[]) => drafts.map((d) => ({ ...d, version: 1 }));
  await store.collection('cases').insertMany(asStored(registry.cases));
  await store.collection('referrals').insertMany(asStored(registry.referrals));
  return store;
}

/** Each store: `empty` opens a new one holding nothing, `open` one holding the registry. */
const stores: { name: string; empty: () => Promise<Store>; open: () => Promise<Store> }[] = [
  { name: 'embedded', empty: async () => createNedbStore({}), open: async () => filled(createNedbStore({})) },
];
if (process.env.MONGODB_URI) {
  const databases: string[] = [];
  const mongoStore = async (part: string) => {
    const database = `crg_contract_${process.pid}_${Date.now()}_${part}`;
    databases.push(database);
    return createMongoStore({ uri: process.env.MONGODB_URI!, database });
  };
  stores.push({ name: 'mongodb', empty: () => mongoStore('pathway_edges'), open: async () => filled(await mongoStore('pathway')) });
  // The suite's own databases, never a deployment's: dropped when it ends.
  afterAll(async () => {
    const client = await new MongoClient(process.env.MONGODB_URI!).connect();
    for (const database of databases) await client.db(database).dropDatabase();
    await client.close();
  });
}

/** Every national table from whole documents, counted afresh by the straightforward functions. */
async function straightforward() {
  const repos = await openRepositories(await filled(createNedbStore({})), coordinationSubgraph.documents);
  const d = { months, ...(await readYear(repos, year)), today, disclosure };
  expect(d.cases.length).toBeGreaterThan(900);
  return {
    casesByIncidentType: pathway.casesByIncidentType(d),
    casesByMonth: pathway.casesByMonth(d),
    casesBySector: pathway.casesBySector(d),
    timeToService: pathway.timeToService(d, null),
    rape: pathway.timeToService(d, 'RAPE'),
    justiceFunnel: pathway.justiceFunnel(d),
    legalProtection: pathway.legalProtection(d),
    referralOutcomes: pathway.referralOutcomes(d),
    overdueFollowUps: pathway.overdueFollowUps(d),
  };
}

describe.each(stores)('pathway count on the $name store', ({ open }) => {
  it('publishes, counted a day at a time from projected fields, exactly the tables counted afresh from whole documents', async () => {
    const store = await open();
    try {
      const repos = await openRepositories(store, coordinationSubgraph.documents);
      const tally = await YearTally.ofSlices(year, disclosure, yearInSlices(repos, year));
      const t = publishedTables(tally.view(months).all, months, today, disclosure);
      expect({
        casesByIncidentType: t.casesByIncidentType(),
        casesByMonth: t.casesByMonth(),
        casesBySector: t.casesBySector(),
        timeToService: t.timeToService(null),
        rape: t.timeToService('RAPE'),
        justiceFunnel: t.justiceFunnel(),
        legalProtection: t.legalProtection(),
        referralOutcomes: t.referralOutcomes(),
        overdueFollowUps: t.overdueFollowUps(),
      }).toEqual(await straightforward());
    } finally {
      await store.close();
    }
  });
});

/*
 * The year's edges, on every store, as both reads have them: a case counts in the year
 * of its first report, from 1 January 00:00Z up to but not including the next 1 January 00:00Z,
 * and its referrals count with it, whatever year its code carries (codes are drawn from the year
 * of first report, so a code from another year means the first report was corrected afterwards).
 */
describe.each(stores)('the edges of a counted year on the $name store', ({ empty }) => {
  const [model] = registry.cases.filter((c) => c.reportingConsent);
  const referralModel = registry.referrals[0]!;
  const edgeCase = (id: string, firstReportedOn: string) => ({ ...model!, _id: id, firstReportedOn: new Date(firstReportedOn) });
  const edges = [
    edgeCase(`${prefix}900001`, `${year}-01-01T00:00:00.000Z`),
    edgeCase(`CASE-BD-${year + 1}-900002`, `${year + 1}-01-01T00:00:00.000Z`),
    edgeCase(`${prefix}900003`, `${year}-12-31T23:59:59.999Z`),
    edgeCase(`CASE-BD-${year - 1}-900004`, `${year}-03-10T09:00:00.000Z`),
  ];
  const edgeReferrals = edges.map((c, i) => ({ ...referralModel, _id: `edge-referral-${i}`, caseId: c._id }));

  it('counts 1 January 00:00Z and 31 December 23:59:59.999Z, not the next 1 January, and a case coded the year before with its referrals', async () => {
    const store = await empty();
    try {
      await openRepositories(store, coordinationSubgraph.documents);
      const asStored = (drafts: Draft<StoredDocument>[]) => drafts.map((d) => ({ ...d, version: 1 }));
      await store.collection('cases').insertMany(asStored(edges));
      await store.collection('referrals').insertMany(asStored(edgeReferrals));
      const repos = await openRepositories(store, coordinationSubgraph.documents);
      const sliced = await readYearInSlices(repos, year);
      const whole = await readYear(repos, year);
      const expected = {
        cases: [`CASE-BD-${year - 1}-900004`, `${prefix}900001`, `${prefix}900003`],
        referrals: [`CASE-BD-${year - 1}-900004`, `${prefix}900001`, `${prefix}900003`],
      };
      for (const read of [sliced, whole])
        expect({ cases: read.cases.map((c) => c._id).sort(), referrals: read.referrals.map((r) => r.caseId).sort() }).toEqual(expected);
    } finally {
      await store.close();
    }
  });
});
