import { setImmediate as nextTurn } from 'node:timers/promises';
import { sectorIds } from '../../../../platform/catalog.ts';
import { addCell, addToCell, Cells, emptyCell } from '../../../kit/disclosure/cells.ts';
import type { DisclosureControl } from '../../../kit/disclosure/publish.ts';
import { awaitingStatuses, escalation } from '../lifecycle.ts';
import { incidentTypes, referralStatuses, type CaseDoc, type IncidentType, type ReferralDoc } from '../models.ts';
import * as pathway from './pathway.ts';

/*
 * A year's pathway aggregates as running counts, kept up to date case by case: what each counted
 * case adds (its share) is noted, so a case written since can be taken out and counted again
 * without reading the rest of the year. Each share is worked out with the per-case functions of
 * pathway.ts, and the tables are published with its `publish...` functions, so the result is the
 * straightforward computation's, count for count (test/cases/pathwayKept.test.ts holds it to that).
 * Each count is kept with the sum of its records' keys (kit/disclosure), so a table is published
 * from the kept cells without touching a case again.
 */

/** What one counted case adds to its year's counts. */
interface CaseShare {
  /** The case's record key; worked out when counted, kept only in memory. */
  key: number;
  incidentType: IncidentType;
  district: string;
  month: string;
  servedBy: string[];
  furthestStage: number;
  serviceDays: [sector: string, days: number][];
  /** Its referrals' statuses, with their record keys. */
  referrals: { status: string; key: number }[];
  /** Its referrals still awaiting service (the only ones that can be overdue), by `awaitingKey`. */
  awaiting: { by: string; key: number }[];
}

/**
 * Whether a referral is overdue on a day depends only on its status, its follow-up day and the
 * day asked (lifecycle.ts `escalation`), so awaiting referrals are counted by those and the
 * receiving sector: a few hundred counts, whatever the number of referrals.
 */
const awaitingKey = (r: Pick<ReferralDoc, 'status' | 'toSector' | 'followUpBy'>) =>
  [r.status, r.toSector, r.followUpBy.toISOString().slice(0, 10)].join(' ');

/** A case's share, given the referrals of it that count (those under the year's case codes). */
function shareOf(c: CaseDoc, referrals: readonly ReferralDoc[], disclosure: DisclosureControl): CaseShare {
  const referralKey = (r: ReferralDoc) => disclosure.keys.of('referral', r._id);
  return {
    key: disclosure.keys.of('case', c._id),
    incidentType: c.incidentType,
    district: c.district,
    month: pathway.monthOf(c),
    servedBy: [...pathway.servedBy(c, referrals)],
    furthestStage: pathway.furthestStage(c.milestones),
    serviceDays: pathway.serviceDaysOf(c),
    referrals: referrals.map((r) => ({ status: r.status, key: referralKey(r) })),
    awaiting: referrals.filter((r) => awaitingStatuses.includes(r.status)).map((r) => ({ by: awaitingKey(r), key: referralKey(r) })),
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

export class YearTally {
  private readonly shares = new Map<string, CaseShare>();
  private readonly allCases = emptyCell();
  private readonly byIncidentType = new Cells();
  private readonly byDistrict = new Cells();
  private readonly byMonth = new Cells();
  private readonly bySector = new Cells();
  private readonly byFurthestStage = new Cells<number>();
  private readonly allReferrals = emptyCell();
  private readonly byReferralStatus = new Cells();
  private readonly serviceDays = pathway.emptyServiceDays();
  private readonly awaiting = new Cells();

  constructor(
    readonly year: number,
    readonly disclosure: DisclosureControl,
    readonly codePrefix: string,
  ) {}

  /**
   * Counts the year's cases (each counted one) with their referrals, as readYear returns them, a
   * slice of cases at a time with a turn for other work between slices: counting a large year
   * takes most of a second, which requests arriving meanwhile would otherwise wait out.
   */
  static async of(
    year: number,
    disclosure: DisclosureControl,
    codePrefix: string,
    cases: readonly CaseDoc[],
    referrals: readonly ReferralDoc[],
    casesPerSlice = 2000,
  ): Promise<YearTally> {
    const tally = new YearTally(year, disclosure, codePrefix);
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
      this.replace(c._id, counted ? shareOf(c, byCase.get(c._id) ?? [], this.disclosure) : null);
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
    const { key } = share;
    addToCell(this.allCases, key, by);
    this.byIncidentType.add(share.incidentType, key, by);
    this.byDistrict.add(share.district, key, by);
    this.byMonth.add(share.month, key, by);
    for (const sector of share.servedBy) this.bySector.add(sector, key, by);
    this.byFurthestStage.add(share.furthestStage, key, by);
    for (const r of share.referrals) {
      this.byReferralStatus.add(r.status, r.key, by);
      addToCell(this.allReferrals, r.key, by);
    }
    for (const r of share.awaiting) this.awaiting.add(r.by, r.key, by);
    const type = incidentTypes.indexOf(share.incidentType);
    for (const [sector, days] of share.serviceDays) this.serviceDays.get(sector)?.[type]?.add(days, key, by);
  }

  /** Every table that does not depend on the day asked. */
  tables() {
    const publish = this.disclosure.publishTable;
    const all = { ...this.allCases };
    return {
      year: this.year,
      suppressionThreshold: this.disclosure.table.threshold,
      disclosureControl: this.disclosure.method,
      casesByIncidentType: publish(this.byIncidentType.rows(incidentTypes), all),
      casesByDistrict: publish(this.byDistrict.rows([...this.byDistrict.keys()].sort()), all),
      casesBySector: publish(this.bySector.rows(sectorIds), all),
      justiceFunnel: pathway.publishJusticeFunnel(this.byFurthestStage, this.disclosure),
      referralOutcomes: publish(this.byReferralStatus.rows(referralStatuses), { ...this.allReferrals }),
      timeToService: new Map(
        [null, ...incidentTypes].map((type) => [type, pathway.publishTimeToService(this.serviceDays, type, this.disclosure)]),
      ),
    };
  }

  /** Cases by month of first report, for the months begun by `today` (those to come are not cells). */
  casesByMonth(today: Date) {
    return this.disclosure.publishTable(this.byMonth.rows(pathway.monthsBegun(this.year, today)), { ...this.allCases });
  }

  /** Follow-ups overdue on `today`, by receiving sector. */
  overdueFollowUps(today: Date) {
    const overdue = new Cells();
    const total = emptyCell();
    for (const [key, cell] of this.awaiting) {
      const [status, toSector, day] = key.split(' ') as [ReferralDoc['status'], string, string];
      if (!escalation({ status, followUpBy: new Date(`${day}T00:00:00Z`) }, today).escalated) continue;
      const sectorCell = overdue.get(toSector) ?? emptyCell();
      addCell(sectorCell, cell);
      overdue.set(toSector, sectorCell);
      addCell(total, cell);
    }
    return this.disclosure.publishTable(overdue.rows(sectorIds), total);
  }
}
