import { setImmediate as nextTurn } from 'node:timers/promises';
import { sectorIds } from '../../../catalog.ts';
import { suppressedTable } from '../../../kit/suppression.ts';
import { awaitingStatuses, escalation } from '../lifecycle.ts';
import { incidentTypes, referralStatuses, type CaseDoc, type IncidentType, type ReferralDoc } from '../models.ts';
import * as pathway from './pathway.ts';

/*
 * A year's pathway aggregates as running counts, kept up to date case by case: what each counted
 * case adds (its share) is noted, so a case written since can be taken out and counted again
 * without reading the rest of the year. Each share is worked out with the per-case functions of
 * pathway.ts, and the tables are published with its `publish...` functions, so the result is the
 * straightforward computation's, count for count (test/cases/pathwayKept.test.ts holds it to that).
 */

/** What one counted case adds to its year's counts. */
interface CaseShare {
  incidentType: IncidentType;
  district: string;
  month: string;
  servedBy: string[];
  furthestStage: number;
  serviceDays: [sector: string, days: number][];
  referralStatuses: string[];
  /** Its referrals still awaiting service (the only ones that can be overdue), as `awaitingKey`s. */
  awaiting: string[];
}

/**
 * Whether a referral is overdue on a day depends only on its status, its follow-up day and the
 * day asked (lifecycle.ts `escalation`), so awaiting referrals are counted by those and the
 * receiving sector: a few hundred counts, whatever the number of referrals.
 */
const awaitingKey = (r: Pick<ReferralDoc, 'status' | 'toSector' | 'followUpBy'>) =>
  [r.status, r.toSector, r.followUpBy.toISOString().slice(0, 10)].join(' ');

/** A case's share, given the referrals of it that count (those under the year's case codes). */
function shareOf(c: CaseDoc, referrals: readonly ReferralDoc[]): CaseShare {
  return {
    incidentType: c.incidentType,
    district: c.district,
    month: pathway.monthOf(c),
    servedBy: [...pathway.servedBy(c, referrals)],
    furthestStage: pathway.furthestStage(c.milestones),
    serviceDays: pathway.serviceDaysOf(c),
    referralStatuses: referrals.map((r) => r.status),
    awaiting: referrals.filter((r) => awaitingStatuses.includes(r.status)).map(awaitingKey),
  };
}

function referralsByCase(referrals: readonly ReferralDoc[]): Map<string, ReferralDoc[]> {
  const byCase = new Map<string, ReferralDoc[]>();
  for (const r of referrals) {
    const list = byCase.get(r.caseId);
    if (list) list.push(r);
    else byCase.set(r.caseId, [r]);
  }
  return byCase;
}

/** Counts by key that drop a key when its count falls to 0, as a count over a list never shows it. */
class Counts<K = string> extends Map<K, number> {
  add(key: K, by: number) {
    const n = (this.get(key) ?? 0) + by;
    if (n === 0) this.delete(key);
    else this.set(key, n);
  }
  rows(keys: readonly K[]): [K, number][] {
    return keys.map((k) => [k, this.get(k) ?? 0]);
  }
}

export class YearTally {
  private readonly shares = new Map<string, CaseShare>();
  private readonly byIncidentType = new Counts();
  private readonly byDistrict = new Counts();
  private readonly byMonth = new Counts();
  private readonly bySector = new Counts();
  private readonly byFurthestStage = new Counts<number>();
  private readonly byReferralStatus = new Counts();
  private referralCount = 0;
  private readonly serviceDays = pathway.emptyServiceDays();
  private readonly awaiting = new Counts();

  constructor(
    readonly year: number,
    readonly threshold: number,
    readonly codePrefix: string,
  ) {}

  /**
   * Counts the year's cases (each counted one) with their referrals, as readYear returns them, a
   * slice of cases at a time with a turn for other work between slices: counting a large year
   * takes most of a second, which requests arriving meanwhile would otherwise wait out.
   */
  static async of(
    year: number,
    threshold: number,
    codePrefix: string,
    cases: readonly CaseDoc[],
    referrals: readonly ReferralDoc[],
    casesPerSlice = 2000,
  ): Promise<YearTally> {
    const tally = new YearTally(year, threshold, codePrefix);
    const byCase = referralsByCase(referrals);
    for (let from = 0; from < cases.length; from += casesPerSlice) {
      const slice = cases.slice(from, from + casesPerSlice);
      tally.recount(
        [],
        slice,
        slice.flatMap((c) => byCase.get(c._id) ?? []),
      );
      await nextTurn();
    }
    return tally;
  }

  /**
   * Counts cases again as the store now holds them: `cases` and `referrals` are what the store
   * returned for the case codes `codes`; a case missing from `cases`, or no longer counted (no
   * reporting consent, first reported in another year), is taken out.
   */
  recount(codes: readonly string[], cases: readonly CaseDoc[], referrals: readonly ReferralDoc[]) {
    const byCase = referralsByCase(referrals.filter((r) => r.caseId.startsWith(this.codePrefix)));
    for (const c of cases) {
      const counted = c.reportingConsent && c.firstReportedOn.getUTCFullYear() === this.year;
      this.replace(c._id, counted ? shareOf(c, byCase.get(c._id) ?? []) : null);
    }
    const gone = codes.filter((code) => !cases.some((c) => c._id === code));
    for (const code of gone) this.replace(code, null);
  }

  private replace(code: string, share: CaseShare | null) {
    const before = this.shares.get(code);
    if (before) this.count(before, -1);
    if (share) this.count(share, 1);
    if (share) this.shares.set(code, share);
    else this.shares.delete(code);
  }

  private count(share: CaseShare, by: 1 | -1) {
    this.byIncidentType.add(share.incidentType, by);
    this.byDistrict.add(share.district, by);
    this.byMonth.add(share.month, by);
    for (const sector of share.servedBy) this.bySector.add(sector, by);
    this.byFurthestStage.add(share.furthestStage, by);
    for (const status of share.referralStatuses) this.byReferralStatus.add(status, by);
    this.referralCount += by * share.referralStatuses.length;
    for (const key of share.awaiting) this.awaiting.add(key, by);
    const type = incidentTypes.indexOf(share.incidentType);
    for (const [sector, days] of share.serviceDays) {
      const counts = this.serviceDays.get(sector)?.[type];
      if (!counts) continue;
      const n = (counts.get(days) ?? 0) + by;
      if (n === 0) counts.delete(days);
      else counts.set(days, n);
    }
  }

  /** Every table that does not depend on the day asked. */
  tables() {
    const total = this.shares.size;
    const months = Array.from({ length: 12 }, (_, m) => `${this.year}-${String(m + 1).padStart(2, '0')}`);
    return {
      year: this.year,
      suppressionThreshold: this.threshold,
      casesByIncidentType: suppressedTable(this.byIncidentType.rows(incidentTypes), total, this.threshold),
      casesByDistrict: suppressedTable(this.byDistrict.rows([...this.byDistrict.keys()].sort()), total, this.threshold),
      casesByMonth: suppressedTable(this.byMonth.rows(months), total, this.threshold),
      casesBySector: pathway.publishCasesBySector(this.bySector, total, this.threshold),
      justiceFunnel: pathway.publishJusticeFunnel(this.byFurthestStage, this.threshold),
      referralOutcomes: suppressedTable(this.byReferralStatus.rows(referralStatuses), this.referralCount, this.threshold),
      timeToService: new Map(
        [null, ...incidentTypes].map((type) => [type, pathway.publishTimeToService(this.serviceDays, type, this.threshold)]),
      ),
    };
  }

  /** Follow-ups overdue on `today`, by receiving sector. */
  overdueFollowUps(today: Date) {
    const overdue = new Counts();
    let total = 0;
    for (const [key, referrals] of this.awaiting) {
      const [status, toSector, day] = key.split(' ') as [ReferralDoc['status'], string, string];
      if (!escalation({ status, followUpBy: new Date(`${day}T00:00:00Z`) }, today).escalated) continue;
      overdue.add(toSector, referrals);
      total += referrals;
    }
    return suppressedTable(overdue.rows(sectorIds), total, this.threshold);
  }
}
