import { describe, expect, it } from 'vitest';
import type { CaseDoc, ReferralDoc } from '../models.ts';
import {
  casesByDistrict,
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

const data = (cases: CaseDoc[], referrals: ReferralDoc[] = [], threshold = 5): PathwayData => ({
  year: 2026,
  cases,
  referrals,
  today: day(330),
  threshold,
});

describe('pathway aggregates', () => {
  it('count a case reaching a later funnel stage as having passed the earlier ones', () => {
    const cases = Array.from({ length: 40 }, (_, i) =>
      caseDoc(i, { milestones: i < 30 ? [{ kind: i < 12 ? 'CONVICTED' : 'REPORT_REGISTERED', on: day(5) }] : [] }),
    );
    const funnel = justiceFunnel(data(cases));
    expect(funnel.map((r) => r.key)).toEqual(['REPORTED', 'INVESTIGATED', 'CHARGED', 'TRIED', 'CONVICTED']);
    // 12 convicted passed every stage; no one dropping out between stages is itself a count
    // below the threshold, so the stages that would show it are withheld.
    expect(funnel.map((r) => r.count)).toEqual([30, null, null, null, 12]);
  });

  it('withhold the stage after a drop-out too small to publish', () => {
    const cases = Array.from({ length: 40 }, (_, i) =>
      caseDoc(i, { milestones: [{ kind: i < 37 ? 'INVESTIGATION_OPENED' : 'REPORT_REGISTERED', on: day(5) }] }),
    );
    const [reported, investigated] = justiceFunnel(data(cases));
    expect(reported).toEqual({ key: 'REPORTED', count: 40, suppressed: false });
    expect(investigated).toEqual({ key: 'INVESTIGATED', count: null, suppressed: true });
  });

  it('measure time to service from first report to the sector’s earliest step', () => {
    const cases = Array.from({ length: 20 }, (_, i) =>
      caseDoc(i * 3, { firstReportedOn: day(10), milestones: [{ kind: 'HEALTH_EXAMINED', on: day(10 + (i < 15 ? 1 : 6)) }] }),
    );
    const health = timeToService(data(cases), 'RAPE').find((t) => t.sectorId === 'health')!;
    expect(health.reached.count).toBe(20);
    expect(health.withinThreeDays.count).toBe(15);
    expect(health.shareWithinThreeDays).toBe(0.75);
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
    expect(overdueFollowUps(data([caseDoc(1)], referrals)).total.count).toBe(6);
    expect(referralOutcomes(data([caseDoc(1)], referrals)).rows.find((r) => r.key === 'DONE')!.count).toBe(6);
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
    expect(count('health')).toEqual({ key: 'health', count: 12, suppressed: false });
    expect(count('police')).toEqual({ key: 'police', count: 8, suppressed: false });
    expect(count('justice')).toEqual({ key: 'justice', count: null, suppressed: true });
    expect(bySector.total.count).toBe(12);
  });

  it('give the median of an even number of days as the mean of the middle two', () => {
    const cases = [1, 2, 4, 7, 9, 10].map((days, i) =>
      caseDoc(i * 3, { firstReportedOn: day(10), milestones: [{ kind: 'HEALTH_EXAMINED', on: day(10 + days) }] }),
    );
    const health = timeToService(data(cases, [], 1), null).find((t) => t.sectorId === 'health')!;
    expect(health.medianDays).toBe(5.5);
  });

  it('list the districts the cases came from, in order, each case once', () => {
    const cases = [0, 3, 12, 15, 15].map((i) => caseDoc(i));
    expect(casesByDistrict(data(cases, [], 1)).rows).toEqual([
      { key: 'District 0', count: 1, suppressed: false },
      { key: 'District 12', count: 1, suppressed: false },
      { key: 'District 15', count: 2, suppressed: false },
      { key: 'District 3', count: 1, suppressed: false },
    ]);
  });
});
