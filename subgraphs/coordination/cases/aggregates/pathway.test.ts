import { describe, expect, it } from 'vitest';
import { noiseParameters } from '../../../kit/disclosure/configured.ts';
import { disclosureControl, type PublishedCount } from '../../../kit/disclosure/publish.ts';
import type { AreaDoc } from '../../areas/models.ts';
import type { CaseDoc, ReferralDoc } from '../models.ts';
import {
  casesByDistrict,
  casesByMonth,
  casesBySector,
  justiceFunnel,
  overdueFollowUps,
  referralOutcomes,
  timeToService,
  type PathwayData,
} from './pathway.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));

function caseDoc(i: number, overrides: Partial<CaseDoc> = {}): CaseDoc {
  return {
    _id: `CASE-BD-2026-${String(i).padStart(6, '0')}`,
    version: 1,
    holdingSector: 'health',
    intakePoint: 'bd-occ-dhaka',
    district: `District ${i % 40}`,
    firstReportedOn: day(i % 300),
    incidentOn: null,
    incidentType: i % 3 === 0 ? 'RAPE' : 'PHYSICAL_ASSAULT',
    contexts: ['NONE'],
    referralConsent: ['police'],
    reportingConsent: true,
    consentRecordedOn: day(i % 300),
    milestones: [],
    createdAt: day(0),
    updatedAt: day(0),
    ...overrides,
  };
}

const { maxNoise } = noiseParameters;
const controlsBy = new Map<number, ReturnType<typeof disclosureControl>>();
const controls = (threshold: number) =>
  controlsBy.get(threshold) ??
  controlsBy.set(threshold, disclosureControl(Buffer.alloc(32, 7), { ...noiseParameters, threshold })).get(threshold)!;

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);

const data = (cases: CaseDoc[], referrals: ReferralDoc[] = [], threshold = 5): PathwayData => ({
  months: monthsOf(2026),
  cases,
  referrals,
  today: day(330),
  disclosure: controls(threshold),
});

/** A published count of `n` records: n within the noise, never below the threshold. */
function expectPublished(published: PublishedCount, n: number, threshold = 5) {
  expect(published.suppressed).toBe(false);
  expect(Math.abs(published.count! - n)).toBeLessThanOrEqual(maxNoise);
  expect(published.count!).toBeGreaterThanOrEqual(threshold);
}
const withheld = { count: null, suppressed: true };

describe('pathway aggregates', () => {
  it('count a case reaching a later funnel stage as having passed the earlier ones, each stage a cell of its own', () => {
    const cases = Array.from({ length: 40 }, (_, i) =>
      caseDoc(i, { milestones: i < 30 ? [{ kind: i < 12 ? 'CONVICTED' : 'REPORT_REGISTERED', on: day(5) }] : [] }),
    );
    const funnel = justiceFunnel(data(cases));
    expect(funnel.map((r) => r.key)).toEqual(['REPORTED', 'INVESTIGATED', 'CHARGED', 'TRIED', 'CONVICTED']);
    expectPublished(funnel[0]!, 30);
    for (const stage of funnel.slice(1)) expectPublished(stage, 12);
    // The four later stages hold the same 12 cases: the same cell, so the same published count.
    expect(new Set(funnel.slice(1).map((r) => r.count)).size).toBe(1);
  });

  it('withhold a funnel stage below the threshold, and never show it as 0', () => {
    const cases = Array.from({ length: 40 }, (_, i) =>
      caseDoc(i, { milestones: [{ kind: i < 3 ? 'CHARGED' : 'REPORT_REGISTERED', on: day(5) }] }),
    );
    const [reported, investigated, charged, tried] = justiceFunnel(data(cases));
    expectPublished(reported!, 40);
    expect(investigated).toEqual({ key: 'INVESTIGATED', ...withheld });
    expect(charged).toEqual({ key: 'CHARGED', ...withheld });
    expect(tried).toEqual({ key: 'TRIED', ...withheld });
  });

  it('publish no month still to come: it is known to be empty', () => {
    const cases = Array.from({ length: 40 }, (_, i) => caseDoc(i));
    const d = { ...data(cases), today: new Date(Date.UTC(2026, 3, 10)) };
    expect(casesByMonth(d).rows.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(casesByMonth({ ...d, months: monthsOf(2025) }).rows).toHaveLength(12);
    expect(casesByMonth({ ...d, months: ['2026-03', '2026-04', '2026-05'] }).rows.map((r) => r.key)).toEqual(['2026-03', '2026-04']);
  });

  it('measure time to service from first report to the sector’s earliest step', () => {
    const cases = Array.from({ length: 20 }, (_, i) =>
      caseDoc(i * 3, { firstReportedOn: day(10), milestones: [{ kind: 'HEALTH_EXAMINED', on: day(10 + (i < 15 ? 1 : 6)) }] }),
    );
    const health = timeToService(data(cases), 'RAPE').find((t) => t.sectorId === 'health')!;
    expectPublished(health.reached, 20);
    expectPublished(health.withinThreeDays, 15);
    // The share is worked out from the published counts, never above 1.
    expect(health.shareWithinThreeDays).toBe(Math.min(1, health.withinThreeDays.count! / health.reached.count!));
    expect(health.medianDays).toBe(1);
  });

  it('count overdue follow-ups only on open referrals', () => {
    const referral = (i: number, status: ReferralDoc['status']): ReferralDoc => ({
      _id: `CASE-BD-2026-000001/police/${i}`,
      version: 1,
      caseId: 'CASE-BD-2026-000001',
      fromSector: 'health',
      toSector: 'police',
      reason: 'r',
      status,
      followUpBy: day(100),
      history: [],
      createdAt: day(90),
      updatedAt: day(90),
    });
    const referrals = [
      ...Array.from({ length: 6 }, (_, i) => referral(i, 'PENDING')),
      ...Array.from({ length: 6 }, (_, i) => referral(10 + i, 'DONE')),
    ];
    expectPublished(overdueFollowUps(data([caseDoc(1)], referrals)).total, 6);
    expect(overdueFollowUps(data([caseDoc(1)], referrals.slice(3))).total).toEqual({ key: 'TOTAL', ...withheld });
    expectPublished(
      referralOutcomes(data([caseDoc(1)], referrals)).rows.find((r) => r.key === 'DONE')!,
      6,
    );
  });

  it('count a case for its holder and every sector that took a referral of it on, once each', () => {
    const referral = (i: number, toSector: string, status: ReferralDoc['status']): ReferralDoc => ({
      _id: `${caseDoc(i)._id}/${toSector}/1`,
      version: 1,
      caseId: caseDoc(i)._id,
      fromSector: 'health',
      toSector,
      reason: 'r',
      status,
      followUpBy: day(100),
      history: [],
      createdAt: day(90),
      updatedAt: day(90),
    });
    const cases = Array.from({ length: 12 }, (_, i) => caseDoc(i));
    const referrals = cases.flatMap((_, i) => [referral(i, 'police', i < 8 ? 'ACCEPTED' : 'REJECTED'), referral(i, 'justice', 'PENDING')]);
    const bySector = casesBySector(data(cases, referrals));
    const count = (sector: string) => bySector.rows.find((r) => r.key === sector)!;
    expectPublished(count('health'), 12);
    expectPublished(count('police'), 8);
    expect(count('justice')).toEqual({ key: 'justice', ...withheld });
    // The holder's row and the total hold the same 12 cases: one cell, one published count.
    expect(bySector.total.count).toBe(count('health').count);
  });

  it('withhold the median of fewer cases than twice the threshold, even when reached is published', () => {
    const cases = [1, 2, 4, 7, 9, 10, 12, 15, 20].map((days, i) =>
      caseDoc(i * 3, { firstReportedOn: day(10), milestones: [{ kind: 'HEALTH_EXAMINED', on: day(10 + days) }] }),
    );
    const health = timeToService(data(cases, [], 5), null).find((t) => t.sectorId === 'health')!;
    expectPublished(health.reached, 9);
    expect(health.medianDays).toBeNull();
  });

  it('publish the median only as the band it falls in, so one more survivor does not show her days', () => {
    const days = [0, 1, 1, 1, 1, 1, 2, 2, 4, 5, 6, 6];
    const timing = (ds: number[]) => {
      const cases = ds.map((d, i) =>
        caseDoc(i * 3, { firstReportedOn: day(10), milestones: [{ kind: 'HEALTH_EXAMINED', on: day(10 + d) }] }),
      );
      return timeToService(data(cases, [], 5), null).find((t) => t.sectorId === 'health')!;
    };
    // Exact, the median would be 1.5 and then 2: the new case took more than a day.
    const [before, after] = [timing(days), timing([...days, 40])];
    expect(before.medianDays).toBe(3);
    expect(after.medianDays).toBe(before.medianDays);
  });

  it('list every district area in listing order, and the cases of a district naming none in one UNPLACED row', () => {
    const area = (_id: string, name: string, level: AreaDoc['level'], parentId: string | null, order: number): AreaDoc => ({
      _id,
      version: 1,
      code: _id,
      name,
      level,
      parentId,
      order,
    });
    const areas = [
      area('c', 'Country', 'COUNTRY', null, 0),
      area('p', 'Province', 'PROVINCE_OR_DIVISION', 'c', 1),
      area('d3', 'District 3', 'DISTRICT', 'p', 2),
      area('d0', 'District 0', 'DISTRICT', 'p', 3),
      area('d9', 'District 9', 'DISTRICT', 'p', 4),
    ];
    const cases = [0, 3, 12, 15, 15].map((i) => caseDoc(i));
    const rows = casesByDistrict(data(cases, [], 1), areas).rows;
    // District 9 has no case and is listed; District 12 and 15 name no area and are never keys.
    expect(rows.map((r) => r.key)).toEqual(['d3', 'd0', 'd9', 'UNPLACED']);
    [1, 1, 0, 3].forEach((n, i) => (n ? expectPublished(rows[i]!, n, 1) : expect(rows[i]!.count ?? 0).toBe(0)));
  });
});

describe('placing cases by district name', () => {
  it('places no case by a name two district areas share: both stay empty and the case is UNPLACED', () => {
    const area = (_id: string, name: string, level: AreaDoc['level'], parentId: string | null, order: number): AreaDoc => ({
      _id,
      version: 1,
      code: _id,
      name,
      level,
      parentId,
      order,
    });
    const areas = [
      area('c', 'Country', 'COUNTRY', null, 0),
      area('p1', 'North', 'PROVINCE_OR_DIVISION', 'c', 1),
      area('p2', 'South', 'PROVINCE_OR_DIVISION', 'c', 2),
      area('twin-north', 'Twin', 'DISTRICT', 'p1', 3),
      area('twin-south', 'Twin', 'DISTRICT', 'p2', 4),
    ];
    const cases = [0, 1, 2, 3, 4, 5].map((i) => caseDoc(i, { district: 'Twin' }));
    const rows = casesByDistrict(data(cases, [], 1), areas).rows;
    expect(rows.map((r) => r.key)).toEqual(['twin-north', 'twin-south', 'UNPLACED']);
    expect(rows[0]!.count ?? 0).toBe(0);
    expect(rows[1]!.count ?? 0).toBe(0);
    expectPublished(rows[2]!, 6, 1);
  });
});
