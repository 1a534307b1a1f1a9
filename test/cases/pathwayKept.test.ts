import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import * as pathway from '../../subgraphs/coordination/cases/aggregates/pathway.ts';
import { readYear, readYearInSlices, yearInSlices } from '../../subgraphs/coordination/cases/aggregates/yearData.ts';
import { YearTally } from '../../subgraphs/coordination/cases/aggregates/yearTally.ts';
import { PathwayCells, publishedTables } from '../../subgraphs/coordination/cases/aggregates/pathwayCells.ts';
import type { AreaDoc } from '../../subgraphs/coordination/areas/models.ts';
import { registryDrafts } from '../../subgraphs/coordination/cases/seed.ts';
import { caseDocuments, caseRegistryRevision, type CaseDoc, type ReferralDoc } from '../../subgraphs/coordination/cases/models.ts';
import type { Identity } from '../../platform/auth/identity.ts';
import { internalTokenAlgorithm, internalTokenHeader, signInternalToken } from '../../platform/auth/internalToken.ts';
import { generateDevelopmentKeys, importKey, type Key } from '../../platform/auth/keys.ts';
import { scopesByRole, type Role } from '../../platform/auth/roles.ts';
import type { Clock } from '../../subgraphs/kit/clock.ts';
import { indexesOf } from '../../subgraphs/kit/documents.ts';
import { createLogger } from '../../platform/logger.ts';
import { openRepositories, type Draft, type Repository } from '../../subgraphs/kit/repository.ts';
import { RevisionCounter, revisionsCollection } from '../../subgraphs/kit/revisions.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { disclosure } from '../../subgraphs/kit/disclosure/configured.ts';
import { syntheticCases } from '../../subgraphs/demo-data/casePathways.ts';
import { graphqlBody, postGraphQL, testSubgraphConfig, TODAY, type GraphQLResponse } from '../support/hub.ts';

/*
 * The kept pathway aggregates (keptPathway.ts, yearTally.ts) against the straightforward
 * computation: every table computed afresh from the store by pathway.ts, on generated cases. Two
 * replicas of the coordination subgraph share one store, as replicas share a database; after
 * each kind of write through one, both (one counting only the cases written since, the other the
 * same) must publish exactly what the straightforward computation publishes, small counts
 * withheld alike. Today's overdue follow-ups must follow the clock with no write at all.
 */

const year = 2026;
const yearMonths = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
const country = 'bangladesh' as const;
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
let today = day(TODAY);
const clock: Clock = { now: () => new Date(today) };

const row = 'key count suppressed';
const table = `rows { ${row} } total { ${row} }`;
const timing = `sectorId reached { ${row} } withinThreeDays { ${row} } shareWithinThreeDays medianDays`;
const aggregates = /* GraphQL */ `
  query ($year: Int!) {
    pathwayAggregates(year: $year) {
      year
      suppressionThreshold
      disclosureControl { method threshold maxNoise variance base }
      casesByIncidentType { ${table} }
      casesByDistrict { ${table} }
      casesByMonth { ${table} }
      casesBySector { ${table} }
      timeToService { ${timing} }
      rape: timeToService(incidentType: RAPE) { ${timing} }
      forcedMarriage: timeToService(incidentType: FORCED_MARRIAGE) { ${timing} }
      justiceFunnel { ${row} }
      legalProtection { ${row} }
      referralOutcomes { ${table} }
      overdueFollowUps { ${table} }
    }
  }
`;

let store: ReturnType<typeof createNedbStore>;
let repos: { cases: Repository<CaseDoc>; referrals: Repository<ReferralDoc>; areas: Repository<AreaDoc> };
let signingKey: Key;
let replicas: RunningSubgraph[] = [];
let registry: { cases: Draft<CaseDoc>[]; referrals: Draft<ReferralDoc>[] };
let startReplica: (rereadAfterMs?: number) => Promise<RunningSubgraph>;

beforeAll(async () => {
  store = createNedbStore({});
  registry = registryDrafts(syntheticCases(country, 1500));
  const { cases: _demoCases, referrals: _demoReferrals, ...demo } = coordinationSubgraph.seed(country);
  const all = await openRepositories(store, coordinationSubgraph.documents);
  for (const [key, drafts] of Object.entries({ ...demo, ...registry })) await all[key as keyof typeof all].insertMany(drafts as never);
  repos = all;

  const keys = await generateDevelopmentKeys();
  signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  const gatewayPublicKey = await importKey(keys.gatewayPublic, internalTokenAlgorithm);
  // Its own clock decides the day (no fixed today), so the test can move it.
  const config = { ...testSubgraphConfig({ country }), today: undefined };
  startReplica = (rereadAfterMs) =>
    startSubgraph(coordinationSubgraph, {
      config: { ...config, pathwayRereadAfterMs: rereadAfterMs },
      port: 0,
      store,
      clock,
      logger: createLogger('silent'),
      gatewayPublicKey,
    });
  replicas = [await startReplica(), await startReplica()];
}, 60_000);
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
});

/** Sends an operation to a replica as the gateway would for the caller. */
async function send(replica: RunningSubgraph, query: string, variables: Record<string, unknown>, role: Role, sector: string | null = null) {
  const identity: Identity = { subject: `${role}@test`, role, sector, scopes: scopesByRole[role] };
  const headers = { [internalTokenHeader]: await signInternalToken(identity, 'coordination', signingKey, graphqlBody(query, variables)) };
  const answer: GraphQLResponse = await postGraphQL(replica.url, query, variables, headers);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

const published = async (replica: RunningSubgraph) => (await send(replica, aggregates, { year }, 'analyst')).pathwayAggregates;

/** The areas in listing order. */
const listedAreas = async () => (await repos.areas.find({})).sort((a, b) => a.order - b.order);

/** Every table computed afresh from what the store holds now, by the straightforward functions. */
async function straightforward() {
  const d = { months: yearMonths, ...(await readYear(repos, year)), today: clock.now(), disclosure };
  return {
    year,
    suppressionThreshold: disclosure.table.threshold,
    disclosureControl: disclosure.method,
    casesByDistrict: pathway.casesByDistrict(d, await listedAreas()),
    ...areaTables(d),
  };
}

/** The tables an area's cases have too, computed afresh. */
function areaTables(d: pathway.PathwayData) {
  return {
    casesByIncidentType: pathway.casesByIncidentType(d),
    casesByMonth: pathway.casesByMonth(d),
    casesBySector: pathway.casesBySector(d),
    timeToService: pathway.timeToService(d, null),
    rape: pathway.timeToService(d, 'RAPE'),
    forcedMarriage: pathway.timeToService(d, 'FORCED_MARRIAGE'),
    justiceFunnel: pathway.justiceFunnel(d),
    legalProtection: pathway.legalProtection(d),
    referralOutcomes: pathway.referralOutcomes(d),
    overdueFollowUps: pathway.overdueFollowUps(d),
  };
}

async function expectBothReplicasPublishTheStraightforwardTables() {
  const expected = await straightforward();
  for (const replica of replicas) expect(await published(replica)).toEqual(expected);
  return expected;
}

/** Every table of every district, from all the tally's months. */
function everyDistrictsTables(tally: YearTally) {
  const byDistrict = new Map<string, PathwayCells>();
  tally.addInto(byDistrict, yearMonths);
  return [...byDistrict.keys()].sort().map((district) => {
    const t = publishedTables(byDistrict.get(district)!, yearMonths, clock.now(), disclosure);
    return {
      district,
      ...Object.fromEntries(Object.entries(t).map(([name, publish]) => [name, (publish as (type: null) => unknown)(null)])),
      rape: t.timeToService('RAPE'),
    };
  });
}

const areaFields = `
  casesByIncidentType { ${table} } casesByMonth { ${table} } casesBySector { ${table} }
  timeToService { ${timing} } rape: timeToService(incidentType: RAPE) { ${timing} }
  forcedMarriage: timeToService(incidentType: FORCED_MARRIAGE) { ${timing} }
  justiceFunnel { ${row} } legalProtection { ${row} } referralOutcomes { ${table} } overdueFollowUps { ${table} }`;
const windowAggregates = /* GraphQL */ `
  query ($window: PathwayWindow!) {
    pathwayAggregates(window: $window) {
      period { from to months }
      casesByDistrict { ${table} }
      ${areaFields}
      districts: byArea { area { id } ${areaFields} }
      divisions: byArea(level: PROVINCE_OR_DIVISION) { area { id } ${areaFields} }
    }
  }
`;

/**
 * A window's tables computed afresh: the cases first reported in its months, read year by year;
 * an area's, those whose district is named like a district area at or below it.
 */
async function straightforwardWindow(window: { year?: number; quarter?: number; month?: number; lastMonths?: number; endingOn?: string }) {
  const now = clock.now();
  const last = window.endingOn ? new Date(`${window.endingOn}T00:00:00Z`) : now;
  const months: string[] = [];
  if (window.lastMonths) {
    for (let i = window.lastMonths - 1; i >= 0; i--)
      months.push(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  } else {
    const first = window.month ? window.month : window.quarter ? (window.quarter - 1) * 3 + 1 : 1;
    const count = window.month ? 1 : window.quarter ? 3 : 12;
    for (let m = first; m < first + count; m++) months.push(`${window.year}-${String(m).padStart(2, '0')}`);
  }
  const cases: CaseDoc[] = [];
  const referrals: ReferralDoc[] = [];
  for (const y of new Set(months.map((m) => Number(m.slice(0, 4))))) {
    const read = await readYear(repos, y);
    const inWindow = read.cases.filter((c) => months.includes(c.firstReportedOn.toISOString().slice(0, 7)));
    const codes = new Set(inWindow.map((c) => c._id));
    cases.push(...inWindow);
    referrals.push(...read.referrals.filter((r) => codes.has(r.caseId)));
  }
  const monthEnd = new Date(Date.UTC(Number(months.at(-1)!.slice(0, 4)), Number(months.at(-1)!.slice(5)), 0));
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const d = { months, cases, referrals, today: now, disclosure };
  const areas = await repos.areas.find({});
  const byId = new Map(areas.map((a) => [a._id, a]));
  const above = (a: AreaDoc, level: string): AreaDoc | undefined =>
    a.level === level ? a : a.parentId ? above(byId.get(a.parentId)!, level) : undefined;
  const districtNames = new Set(areas.filter((a) => a.level === 'DISTRICT').map((a) => a.name.toLowerCase()));
  const tablesOf = (id: string, areaCases: CaseDoc[]) => {
    const codes = new Set(areaCases.map((c) => c._id));
    const areaReferrals = referrals.filter((r) => codes.has(r.caseId));
    return { area: { id }, ...areaTables({ ...d, cases: areaCases, referrals: areaReferrals }) };
  };
  // Each area of the level, then the cases whose district names no district area.
  const areaTablesAt = (level: string) => [
    ...areas
      .filter((a) => a.level === level)
      .sort((a, b) => a.order - b.order)
      .map((area) => {
        const names = new Set(
          areas
            .filter((district) => district.level === 'DISTRICT' && above(district, level) === area)
            .map((district) => district.name.toLowerCase()),
        );
        return tablesOf(
          area._id,
          cases.filter((c) => names.has(c.district.toLowerCase())),
        );
      }),
    tablesOf(
      'UNPLACED',
      cases.filter((c) => !districtNames.has(c.district.toLowerCase())),
    ),
  ];
  return {
    period: {
      from: `${months[0]}-01`,
      to: (monthEnd < today ? monthEnd : today).toISOString().slice(0, 10),
      months,
    },
    casesByDistrict: pathway.casesByDistrict(d, await listedAreas()),
    ...areaTables(d),
    districts: areaTablesAt('DISTRICT'),
    divisions: areaTablesAt('PROVINCE_OR_DIVISION'),
  };
}

const counted = (c: Draft<CaseDoc>) => c.reportingConsent && c.firstReportedOn.getUTCFullYear() === year;

describe('kept pathway aggregates', () => {
  it('read through indexes every store declares: consenting cases by first report, referrals by case', () => {
    expect(indexesOf(caseDocuments.cases)).toContainEqual({ fields: { reportingConsent: 1, firstReportedOn: 1 }, unique: false });
    expect(indexesOf(caseDocuments.referrals)).toContainEqual({ fields: { caseId: 1 }, unique: false });
  });

  it('read and count a year in slices exactly as in one read and one count', async () => {
    const whole = await readYear(repos, year);
    const sliced = await readYearInSlices(repos, year, 3);
    const ids = (docs: { _id: string }[]) => docs.map((d) => d._id).sort();
    expect(ids(sliced.cases)).toEqual(ids(whole.cases));
    expect(ids(sliced.referrals)).toEqual(ids(whole.referrals));
    expect(whole.cases.length).toBeGreaterThan(1000);
    const inOne = await YearTally.of(year, disclosure, whole.cases, whole.referrals, whole.cases.length);
    const inSlices = await YearTally.of(year, disclosure, sliced.cases, sliced.referrals, 7);
    expect(everyDistrictsTables(inSlices)).toEqual(everyDistrictsTables(inOne));
    // As a replica counts: each slice as it is read, a turn for other work every few cases.
    const asRead = await YearTally.ofSlices(year, disclosure, yearInSlices(repos, year, 5), 7);
    expect(everyDistrictsTables(asRead)).toEqual(everyDistrictsTables(inOne));
  });

  it('publish a quarter, a month and the last 12 months, for the country and for each district and division, exactly as counted afresh', async () => {
    for (const window of [
      { year, quarter: 3 },
      { year, month: 2 },
      { lastMonths: 12, endingOn: '2026-11-20' },
    ]) {
      const expected = await straightforwardWindow(window);
      for (const replica of replicas) {
        const answer = (await send(replica, windowAggregates, { window }, 'analyst')).pathwayAggregates;
        expect(answer).toEqual(expected);
      }
      // The breakdowns are large enough to publish somewhere, and small enough to withhold somewhere.
      const districtCells = expected.districts.flatMap((a) => a.casesByIncidentType.rows);
      expect(districtCells.some((c) => c.suppressed)).toBe(true);
      expect(districtCells.some((c) => !c.suppressed)).toBe(true);
    }
  });

  it('publish exactly the straightforward tables, small counts withheld alike', async () => {
    const expected = await expectBothReplicasPublishTheStraightforwardTables();
    // The generated data is large enough to publish, and small enough somewhere to withhold.
    const cells = [
      ...expected.casesByDistrict.rows,
      ...expected.overdueFollowUps.rows,
      ...expected.referralOutcomes.rows,
      ...expected.forcedMarriage.flatMap((t) => [t.reached, t.withinThreeDays]),
    ];
    expect(cells.some((c) => c.suppressed)).toBe(true);
    expect(cells.some((c) => !c.suppressed)).toBe(true);
    // Asked again with nothing written, they answer from the kept tables, still the same.
    await expectBothReplicasPublishTheStraightforwardTables();
  });

  it('follow a referral status change made through the other replica', async () => {
    await expectBothReplicasPublishTheStraightforwardTables();
    const referral = registry.referrals.find((r) => r.status === 'PENDING' && counted(registry.cases.find((c) => c._id === r.caseId)!))!;
    await send(
      replicas[0]!,
      `mutation($input: ReferralStatusInput!) { updateReferralStatus(input: $input) { id } }`,
      { input: { referralId: referral._id, expectedVersion: 1, status: 'ACCEPTED' } },
      'sector-officer',
      referral.toSector,
    );
    await expectBothReplicasPublishTheStraightforwardTables();
    // The change is in the store (its published rows may round the same either way).
    expect((await repos.referrals.findById(referral._id))?.status).toBe('ACCEPTED');
  });

  it('follow a milestone, a withdrawn reporting consent and a new case', async () => {
    const before = await expectBothReplicasPublishTheStraightforwardTables();
    // A window and its breakdowns asked before the writes, so that they are kept and must follow them.
    const lastQuarter = { year, quarter: 4 };
    for (const replica of replicas) await send(replica, windowAggregates, { window: lastQuarter }, 'analyst');
    const investigated = registry.cases.find(
      (c) => counted(c) && c.holdingSector === 'police' && c.milestones.every((m) => m.kind !== 'INVESTIGATION_OPENED'),
    )!;
    await send(
      replicas[1]!,
      `mutation($input: CaseMilestoneInput!) { recordCaseMilestone(input: $input) { id } }`,
      { input: { caseId: investigated._id, expectedVersion: 1, kind: 'INVESTIGATION_OPENED', on: TODAY } },
      'sector-officer',
      'police',
    );
    const afterMilestone = await expectBothReplicasPublishTheStraightforwardTables();
    expect(afterMilestone.justiceFunnel).not.toEqual(before.justiceFunnel);

    const countedNow = async () => (await readYear(repos, year)).cases.length;
    const countedBefore = await countedNow();
    const withdrawn = registry.cases.find((c) => counted(c) && c._id !== investigated._id && c.holdingSector === 'health')!;
    await send(
      replicas[0]!,
      `mutation($input: CaseConsentInput!) { updateCaseConsent(input: $input) { id } }`,
      { input: { caseId: withdrawn._id, expectedVersion: 1, referralConsent: withdrawn.referralConsent, reportingConsent: false } },
      'sector-officer',
      'health',
    );
    await expectBothReplicasPublishTheStraightforwardTables();
    // The case left the count (its published total may round the same either way).
    expect(await countedNow()).toBe(countedBefore - 1);

    await send(
      replicas[1]!,
      `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
      {
        input: {
          intakePoint: 'police-intake-dhaka',
          district: 'Dhaka',
          firstReportedOn: TODAY,
          incidentType: 'FORCED_MARRIAGE',
          contexts: ['NONE'],
          referralConsent: [],
          reportingConsent: true,
        },
      },
      'sector-officer',
      'police',
    );
    await expectBothReplicasPublishTheStraightforwardTables();
    expect(await countedNow()).toBe(countedBefore);
    const expectedQuarter = await straightforwardWindow(lastQuarter);
    for (const replica of replicas)
      expect((await send(replica, windowAggregates, { window: lastQuarter }, 'analyst')).pathwayAggregates).toEqual(expectedQuarter);
  });

  it('read the year whole again when more was written than the revision counter remembers', async () => {
    const before = await expectBothReplicasPublishTheStraightforwardTables();
    // A change the counter never noted (written past the repositories), then more revisions than it keeps.
    const moved = registry.cases.find((c) => counted(c) && c.incidentType === 'PHYSICAL_ASSAULT')!;
    const stored = (await repos.cases.findById(moved._id))!;
    expect(await store.collection<CaseDoc>('cases').replaceOne({ _id: moved._id }, { ...stored, incidentType: 'FORCED_MARRIAGE' })).toBe(
      true,
    );
    const counter = new RevisionCounter(caseRegistryRevision, store.collection(revisionsCollection));
    for (let i = 0; i < 201; i++) await counter.bump([`CASE-BD-1999-${String(i).padStart(6, '0')}`]);
    const after = await expectBothReplicasPublishTheStraightforwardTables();
    expect(after.casesByIncidentType).not.toEqual(before.casesByIncidentType);
  });

  it('count follow-ups overdue on the day asked, with no write in between', async () => {
    const now = await expectBothReplicasPublishTheStraightforwardTables();
    today = day('2027-01-15');
    try {
      const later = await expectBothReplicasPublishTheStraightforwardTables();
      expect(later.overdueFollowUps.total).not.toEqual(now.overdueFollowUps.total);
    } finally {
      today = day(TODAY);
    }
  });

  it('count a write whose revision bump was lost once the kept year is older than the re-read age', async () => {
    const rereadAfterMs = 500;
    const fresh = await startReplica(rereadAfterMs);
    try {
      const before = await expectBothReplicasPublishTheStraightforwardTables();
      // A write the counter never hears of, as when a process dies between the write and its bump.
      const moved = registry.cases.find((c) => counted(c) && c.incidentType === 'SEXUAL_ASSAULT')!;
      const stored = (await repos.cases.findById(moved._id))!;
      await store.collection<CaseDoc>('cases').replaceOne({ _id: moved._id }, { ...stored, incidentType: 'DENIAL_OF_RESOURCES' });
      const expected = await straightforward();
      expect(expected.casesByIncidentType).not.toEqual(before.casesByIncidentType);

      // The new replica counted the year at start, before it was ready: its first answer comes
      // from that tally, which missed the write, like the older replicas' tallies.
      expect((await published(fresh)).casesByIncidentType).toEqual(before.casesByIncidentType);
      for (const replica of replicas) expect((await published(replica)).casesByIncidentType).toEqual(before.casesByIncidentType);

      // Past the re-read age, a request starts a whole read in the background and is answered
      // from the tally meanwhile; once the read is done, the write is counted.
      await sleep(rereadAfterMs + 100);
      await expect.poll(() => published(fresh), { interval: 100, timeout: 10_000 }).toEqual(expected);
      // Later writes are applied to the re-read tally as before.
      const stillPending = await repos.referrals.find({ status: 'PENDING' });
      const pendingReferral = stillPending.find((r) => r.caseId !== moved._id && counted(registry.cases.find((c) => c._id === r.caseId)!))!;
      const { version } = pendingReferral;
      await send(
        replicas[0]!,
        `mutation($input: ReferralStatusInput!) { updateReferralStatus(input: $input) { id } }`,
        { input: { referralId: pendingReferral._id, expectedVersion: version, status: 'ACCEPTED' } },
        'sector-officer',
        pendingReferral.toSector,
      );
      expect(await published(fresh)).toEqual(await straightforward());

      // Put the case back past the counter too, so the replicas that never saw the change agree again.
      await store.collection<CaseDoc>('cases').replaceOne({ _id: moved._id }, stored);
    } finally {
      await fresh.stop();
    }
  });
});
