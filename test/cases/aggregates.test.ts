import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noiseParameters } from '../../subgraphs/kit/disclosure/configured.ts';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import { caseRegistryRevision } from '../../subgraphs/coordination/cases/models.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { RevisionCounter, revisionsCollection } from '../../subgraphs/kit/revisions.ts';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';
import { auditor, dashboard, officer, referCase, registered } from './caseFixtures.ts';

/*
 * The pathway aggregates through the gateway, on the demo data: what the lead ministry asks,
 * counted only over cases with reporting consent, small counts withheld and every other count
 * perturbed by the cell-key method (kit/disclosure; the attacks are in disclosureAttacks.test.ts).
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const row = 'key count suppressed';
const table = `rows { ${row} } total { ${row} }`;
const aggregates = /* GraphQL */ `
  query($year: Int!, $type: IncidentType) {
    pathwayAggregates(year: $year) {
      year suppressionThreshold
      casesByIncidentType { ${table} }
      casesByDistrict { ${table} }
      casesByMonth { ${table} }
      casesBySector { ${table} }
      timeToService(incidentType: $type) { sectorId reached { ${row} } withinThreeDays { ${row} } shareWithinThreeDays medianDays }
      justiceFunnel { ${row} }
      referralOutcomes { ${table} }
      overdueFollowUps { ${table} }
    }
  }
`;

type Row = { key: string; count: number | null; suppressed: boolean };

async function ask(type: string | null = null, as = analyst) {
  const { data, errors } = await hub.query(aggregates, { year: 2026, type }, as);
  expect(errors).toBeUndefined();
  return data!.pathwayAggregates;
}

/** Every published count is at least the threshold; withheld ones are null, never 0. Returns how many were withheld. */
function expectSafe(rows: Row[], threshold: number): number {
  const withheld = rows.filter((r) => r.suppressed);
  expect(withheld.filter((r) => r.count !== null)).toEqual([]);
  expect(rows.filter((r) => !r.suppressed && !(r.count! >= threshold))).toEqual([]);
  return withheld.length;
}

const { maxNoise } = noiseParameters;
const near = (published: number, n: number) => expect(Math.abs(published - n), `${published} for ${n}`).toBeLessThanOrEqual(maxNoise);

describe('pathway aggregates on the demo data', () => {
  it('answer every pathway question, counting only cases with reporting consent', async () => {
    const a = await ask();
    const consenting = await hub.stores.get('coordination')!.collection('cases').count({ reportingConsent: true });
    const all = await hub.stores.get('coordination')!.collection('cases').count({});
    expect(consenting).toBeGreaterThan(200);
    expect(consenting).toBeLessThan(all);
    for (const t of [a.casesByIncidentType, a.casesByDistrict, a.casesByMonth, a.casesBySector]) {
      near(t.total.count, consenting);
      // The same cases, so the same cell: every table gives the same total.
      expect(t.total.count).toBe(a.casesByIncidentType.total.count);
    }
    // Each case is in one row of these (not of casesBySector: a case has several sectors).
    for (const t of [a.casesByIncidentType, a.casesByDistrict, a.casesByMonth]) {
      const shown = t.rows.filter((r: Row) => !r.suppressed).reduce((s: number, r: Row) => s + r.count!, 0);
      expect(shown).toBeLessThanOrEqual(consenting + maxNoise * t.rows.length);
    }
    expect(a.casesBySector.rows.map((r: Row) => r.key)).toEqual(['health', 'police', 'justice', 'social-welfare', 'education']);
    expect(a.casesBySector.rows.find((r: Row) => r.key === 'health').count).toBeGreaterThan(100);
    expect(a.referralOutcomes.rows.map((r: Row) => r.key)).toEqual(['PENDING', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'DONE', 'REVOKED']);
    expect(a.overdueFollowUps.total.count).toBeGreaterThanOrEqual(a.suppressionThreshold);
  });

  it('shows the justice attrition funnel narrowing at each stage', async () => {
    const { justiceFunnel } = await ask();
    expect(justiceFunnel.map((r: Row) => r.key)).toEqual(['REPORTED', 'INVESTIGATED', 'CHARGED', 'TRIED', 'CONVICTED']);
    const shown = justiceFunnel.filter((r: Row) => !r.suppressed).map((r: Row) => r.count!);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < shown.length; i += 1) expect(shown[i]).toBeLessThan(shown[i - 1]);
  });

  it('gives the share of rape cases seen by health within 72 hours of first report', async () => {
    const { timeToService } = await ask('RAPE');
    const health = timeToService.find((t: { sectorId: string }) => t.sectorId === 'health');
    expect(health.reached.count).toBeGreaterThan(20);
    expect(health.shareWithinThreeDays).toBeGreaterThan(0.5);
    expect(health.shareWithinThreeDays).toBeLessThanOrEqual(1);
    expect(health.shareWithinThreeDays).toBeCloseTo(health.withinThreeDays.count / health.reached.count, 10);
    // More than half within three days: the median is three days at most, and a median of whole days.
    expect(health.medianDays).toBeLessThanOrEqual(3);
    expect(Number.isInteger(health.medianDays * 2), `median ${health.medianDays}`).toBe(true);
    const justice = timeToService.find((t: { sectorId: string }) => t.sectorId === 'justice');
    expect(justice.reached.suppressed).toBe(false);
    expect(justice.medianDays).toBeGreaterThan(health.medianDays);
  });

  it('never publishes a count below the threshold, nor 0 for a withheld one', async () => {
    let withheld = 0;
    const withheldReach: string[] = [];
    for (const type of [null, 'RAPE', 'SEXUAL_ASSAULT', 'FORCED_MARRIAGE']) {
      const a = await ask(type);
      for (const t of [a.casesByIncidentType, a.casesByDistrict, a.casesByMonth, a.referralOutcomes, a.overdueFollowUps]) {
        withheld += expectSafe([...t.rows, t.total], a.suppressionThreshold);
      }
      withheld += expectSafe([...a.casesBySector.rows, ...a.justiceFunnel], a.suppressionThreshold);
      for (const s of a.timeToService) withheld += expectSafe([s.reached, s.withinThreeDays], a.suppressionThreshold);
      // A median or a share of a withheld count would give the count away: both are withheld with it.
      const noReach = a.timeToService.filter((s: any) => s.reached.suppressed);
      expect(noReach.map((s: any) => [s.sectorId, s.medianDays, s.shareWithinThreeDays])).toEqual(
        noReach.map((s: any) => [s.sectorId, null, null]),
      );
      const noShare = a.timeToService.filter((s: any) => s.withinThreeDays.suppressed);
      expect(noShare.map((s: any) => [s.sectorId, s.shareWithinThreeDays])).toEqual(noShare.map((s: any) => [s.sectorId, null]));
      withheldReach.push(...noReach.map((s: any) => `${type}/${s.sectorId}`));
    }
    // The demo data has small counts, so the rules above were put to work.
    expect(withheld).toBeGreaterThan(10);
    expect(withheldReach.length, 'no sector reached too few survivors to publish').toBeGreaterThan(0);
  });

  it('publishes no month still to come: it is known to be empty, so it is no cell', async () => {
    const { casesByMonth } = await ask();
    // The test hub's day is in November 2026.
    expect(casesByMonth.rows.map((r: Row) => r.key)).toEqual(
      Array.from({ length: 11 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`),
    );
  });
});

describe('who may read aggregates, and what they refuse', () => {
  it('answers the lead ministry, dashboards and sector officers, and refuses auditors', async () => {
    for (const caller of [analyst, dashboard, officer('police')]) expect((await ask(null, caller)).year).toBe(2026);
    const { errors } = await hub.query(aggregates, { year: 2026 }, auditor);
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses a year outside the registry, naming the field', async () => {
    const { errors } = await hub.query(aggregates, { year: 2031 });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain('year must be a year from 1990 to 2026');
  });
});

describe('what gets counted', () => {
  const districtRow = async (district: string) =>
    (await ask()).casesByDistrict.rows.find((r: Row) => r.key === district) as Row | undefined;

  it('leaves out every case without reporting consent', async () => {
    const before = (await ask()).casesByDistrict.total.count;
    for (let i = 0; i < 6; i += 1) await registered(hub, 'health', { district: 'Consentless District', reportingConsent: false });
    expect(await districtRow('Consentless District')).toBeUndefined();
    expect((await ask()).casesByDistrict.total.count).toBe(before);
  });

  it('withholds a row with fewer cases than the threshold, and publishes it perturbed from the threshold on', async () => {
    // A district naming no district area: its cases are the UNPLACED row, listed (withheld, as empty) before any came.
    expect(await districtRow('UNPLACED')).toEqual({ key: 'UNPLACED', count: null, suppressed: true });
    for (let i = 0; i < 3; i += 1) await registered(hub, 'health', { district: 'Small District' });
    const a = await ask();
    expect(await districtRow('Small District')).toBeUndefined();
    expect(await districtRow('UNPLACED')).toEqual({ key: 'UNPLACED', count: null, suppressed: true });
    expect(a.casesByDistrict.total.suppressed).toBe(false);
    for (let i = 0; i < 2; i += 1) await registered(hub, 'health', { district: 'Small District' });
    const five = (await districtRow('UNPLACED'))!;
    expect(five.suppressed).toBe(false);
    // Five is the threshold and a multiple of the rounding base: it has no noise.
    expect(five.count).toBe(5);
  });
});

/*
 * Case codes carry the year of first report, and nothing in the API changes a first report; a
 * correction written to the registry (a mistyped day put right, an import from an earlier system)
 * can still leave a case coded in one year and first reported in the next. A case counts in the
 * month of its first report, and its referrals count with it, whatever year its code carries.
 */
describe('a case whose first report is corrected into another year', () => {
  const byArea = /* GraphQL */ `
    query ($window: PathwayWindow!) {
      pathwayAggregates(window: $window) {
        byArea { area { id } casesByIncidentType { total { ${row} } } referralOutcomes { total { ${row} } } }
      }
    }
  `;
  /** The cases and referrals counted in the window among the cases whose district names no area (the demo has none). */
  async function unplaced(window: Record<string, unknown>) {
    const { data, errors } = await hub.query(byArea, { window });
    expect(errors).toBeUndefined();
    const area = data!.pathwayAggregates.byArea.find((a: { area: { id: string } }) => a.area.id === 'UNPLACED');
    return { cases: area.casesByIncidentType.total as Row, referrals: area.referralOutcomes.total as Row };
  }
  const withheld = { key: 'TOTAL', count: null, suppressed: true };
  const december = { year: 2025, month: 12 };
  const january = { year: 2026, month: 1 };
  const bothYears = { lastMonths: 12, endingOn: '2026-01-31' };
  const moved = 8;

  /** Both the cases and their referrals published, within the noise of `moved`. */
  function expectAllCounted(published: { cases: Row; referrals: Row }) {
    for (const [what, cell] of Object.entries(published)) {
      expect(cell.suppressed, `${what}: ${JSON.stringify(cell)}`).toBe(false);
      near(cell.count!, moved);
    }
  }

  it('counts its referrals with it in the year of its first report, kept up to date and read whole alike, never twice', async () => {
    const store = hub.stores.get('coordination')!;
    const codes: string[] = [];
    for (let i = 0; i < moved; i += 1) {
      const code = await registered(hub, 'health', {
        district: 'Corrected District',
        firstReportedOn: '2025-12-31',
        incidentOn: '2025-12-30',
      });
      const { errors } = await hub.query(
        referCase,
        { input: { caseId: code, toSectorId: 'police', reason: 'Survivor asked to report', followUpBy: '2026-12-04' } },
        officer('health'),
      );
      expect(errors).toBeUndefined();
      codes.push(code);
    }
    expect(codes.every((c) => c.startsWith('CASE-BD-2025-'))).toBe(true);
    expectAllCounted(await unplaced(december));
    expect(await unplaced(january)).toEqual({ cases: withheld, referrals: withheld });

    // The first report corrected to 2 January, written as every registry write is (bumping its revision).
    const repos = await openRepositories(store, coordinationSubgraph.documents);
    for (const code of codes) {
      const { version, ...current } = (await repos.cases.findById(code))!;
      await repos.cases.replace({ ...current, firstReportedOn: new Date('2026-01-02T00:00:00Z') }, version);
    }
    const corrected = [await unplaced(january), await unplaced(december), await unplaced(bothYears)];
    expectAllCounted(corrected[0]!);
    expect(corrected[1]).toEqual({ cases: withheld, referrals: withheld });
    expectAllCounted(corrected[2]!);

    // More writes than the revision counter remembers: both years are read whole again, and agree.
    const counter = new RevisionCounter(caseRegistryRevision, store.collection(revisionsCollection));
    for (let i = 0; i < 201; i += 1) await counter.bump([`CASE-BD-1999-${String(i).padStart(6, '0')}`]);
    expect([await unplaced(january), await unplaced(december), await unplaced(bothYears)]).toEqual(corrected);
  });
});
