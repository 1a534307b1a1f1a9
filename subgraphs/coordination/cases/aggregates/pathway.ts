import { sectorIds } from '../../../../platform/catalog.ts';
import { daysBetween } from '../../../kit/clock.ts';
import { Cells, mergeCells, type Cell } from '../../../kit/disclosure/cells.ts';
import type { DisclosureControl } from '../../../kit/disclosure/publish.ts';
import type { AreaDoc } from '../../areas/models.ts';
import { areaAtLevelOf } from '../../areas/tree.ts';
import { escalation } from '../lifecycle.ts';
import {
  incidentTypes,
  milestoneSectors,
  referralStatuses,
  type CaseDoc,
  type IncidentType,
  type MilestoneDoc,
  type MilestoneKind,
  type ReferralDoc,
} from '../models.ts';

/*
 * The pathway aggregates, computed from one window's consenting cases and their referrals as the
 * registry holds them (for an area's tables: the area's cases and their referrals). Pure functions over arrays: one store read per question, whatever the
 * number of cases, and every published count goes through the disclosure control
 * (kit/disclosure): each cell carries the number of records it counts and the sum of their
 * record keys, and is published with the noise its count and key give, or withheld.
 *
 * This is the straightforward definition. The subgraph answers from a tally kept up to date case
 * by case (yearTally.ts); it counts with the per-case functions and publishes with the
 * `publish...` functions here, and is tested to publish exactly what these functions do.
 */

export interface PathwayData {
  /** The window's calendar months (`2026-03`), in order. */
  months: readonly string[];
  cases: readonly CaseDoc[];
  referrals: readonly ReferralDoc[];
  today: Date;
  disclosure: DisclosureControl;
}

/** Referral statuses in which the receiving sector has taken the case on. */
const servingStatuses = new Set(['ACCEPTED', 'IN_PROGRESS', 'DONE']);

/** The sectors that served each case. */
function servingSectors(data: PathwayData): Map<string, Set<string>> {
  const referralsOf = new Map<string, ReferralDoc[]>();
  for (const r of data.referrals) {
    const list = referralsOf.get(r.caseId);
    if (list) list.push(r);
    else referralsOf.set(r.caseId, [r]);
  }
  return new Map(data.cases.map((c) => [c._id, servedBy(c, referralsOf.get(c._id) ?? [])]));
}

/** The sectors that served a case: its holder and every sector that accepted a referral of it. */
export function servedBy(c: Pick<CaseDoc, 'holdingSector'>, referrals: readonly Pick<ReferralDoc, 'status' | 'toSector'>[]): Set<string> {
  const serving = new Set([c.holdingSector]);
  for (const r of referrals) if (servingStatuses.has(r.status)) serving.add(r.toSector);
  return serving;
}

/** The month of first report, as casesByMonth keys it. */
export const monthOf = (c: Pick<CaseDoc, 'firstReportedOn'>) => c.firstReportedOn.toISOString().slice(0, 7);

/**
 * The window's months that have begun by `today`: a month still to come is known to be empty, so
 * it is not published as a cell at all (a withheld cell beside it would be recovered exactly from
 * the total).
 */
export function monthsBegun(months: readonly string[], today: Date): string[] {
  const thisMonth = today.toISOString().slice(0, 7);
  return months.filter((m) => m <= thisMonth);
}

const caseKey = (d: PathwayData, c: Pick<CaseDoc, '_id'>) => d.disclosure.keys.of('case', c._id);
const referralKey = (d: PathwayData, r: Pick<ReferralDoc, '_id'>) => d.disclosure.keys.of('referral', r._id);

function cellsOf<T>(items: readonly T[], keyOf: (item: T) => string, recordKey: (item: T) => number): Cells {
  const cells = new Cells();
  for (const item of items) cells.add(keyOf(item), recordKey(item));
  return cells;
}

/** The cell of every case of the year: the total of the case tables. */
const allCases = (d: PathwayData) => mergeCells(d.cases.map((c) => ({ count: 1, keySum: caseKey(d, c) })));
const allOf = (d: PathwayData, referrals: readonly ReferralDoc[]) =>
  mergeCells(referrals.map((r) => ({ count: 1, keySum: referralKey(d, r) })));

export const casesByIncidentType = (d: PathwayData) =>
  d.disclosure.publishTable(
    cellsOf(
      d.cases,
      (c) => c.incidentType,
      (c) => caseKey(d, c),
    ).rows(incidentTypes),
    allCases(d),
  );

/**
 * Cases by district area: every district area a row, in listing order, with cases or not, and the
 * cases whose district names no district area in one `UNPLACED` row, always listed.
 */
export function casesByDistrict(d: PathwayData, areas: readonly AreaDoc[]) {
  const areaOf = areaAtLevelOf(areas, 'DISTRICT');
  const cells = cellsOf(
    d.cases,
    (c) => areaOf(c.district)?._id ?? 'UNPLACED',
    (c) => caseKey(d, c),
  );
  const districts = areas.filter((a) => a.level === 'DISTRICT').map((a) => a._id);
  return d.disclosure.publishTable(cells.rows([...districts, 'UNPLACED']), allCases(d));
}

export const casesByMonth = (d: PathwayData) =>
  d.disclosure.publishTable(cellsOf(d.cases, monthOf, (c) => caseKey(d, c)).rows(monthsBegun(d.months, d.today)), allCases(d));

/** Cases each sector served. A case may be served by several sectors, so rows do not add up to the total. */
export function casesBySector(d: PathwayData) {
  const served = new Cells();
  for (const [id, set] of servingSectors(d)) for (const s of set) served.add(s, d.disclosure.keys.of('case', id));
  return d.disclosure.publishTable(served.rows(sectorIds), allCases(d));
}

export const referralOutcomes = (d: PathwayData) =>
  d.disclosure.publishTable(
    cellsOf(
      d.referrals,
      (r) => r.status,
      (r) => referralKey(d, r),
    ).rows(referralStatuses),
    allOf(d, d.referrals),
  );

/** Referrals still awaiting their service after the follow-up day (escalated), by receiving sector. */
export function overdueFollowUps(d: PathwayData) {
  const overdue = d.referrals.filter((r) => escalation(r, d.today).escalated);
  return d.disclosure.publishTable(
    cellsOf(
      overdue,
      (r) => r.toSector,
      (r) => referralKey(d, r),
    ).rows(sectorIds),
    allOf(d, overdue),
  );
}

const funnel: readonly [string, MilestoneKind][] = [
  ['REPORTED', 'REPORT_REGISTERED'],
  ['INVESTIGATED', 'INVESTIGATION_OPENED'],
  ['CHARGED', 'CHARGED'],
  ['TRIED', 'TRIAL_STARTED'],
  ['CONVICTED', 'CONVICTED'],
];

/**
 * The justice attrition funnel: cases that reached each stage (a case that reached a later stage
 * counts as having passed the earlier ones). Each stage is a cell of its own, perturbed by its
 * own key, so a drop-out between two stages is never known exactly.
 */
export function justiceFunnel(d: PathwayData) {
  const byFurthest = new Cells<number>();
  for (const c of d.cases) byFurthest.add(furthestStage(c.milestones), caseKey(d, c));
  return publishJusticeFunnel(byFurthest, d.disclosure);
}

/** The furthest funnel stage a case reached (its index), or -1 for none. */
export function furthestStage(milestones: readonly Pick<MilestoneDoc, 'kind'>[]): number {
  const reached = new Set(milestones.map((m) => m.kind));
  return funnel.reduce((last, [, kind], i) => (reached.has(kind) ? i : last), -1);
}

/** The funnel from the cases by the furthest stage they reached. */
export function publishJusticeFunnel(casesByFurthestStage: ReadonlyMap<number, Cell>, disclosure: DisclosureControl) {
  return funnel.map(([key], i) => ({
    key,
    ...disclosure.publish(mergeCells([...casesByFurthestStage].filter(([furthest]) => furthest >= i).map(([, cell]) => cell))),
  }));
}

/**
 * Legal aid and protection orders, each row a cell of its own: cases whose survivor received
 * legal aid, and cases with a protection order applied for (a decided one was applied for, even
 * when only the decision was reported), granted, refused.
 */
const legalSteps: readonly [string, readonly MilestoneKind[]][] = [
  ['LEGAL_AID_RECEIVED', ['LEGAL_AID_STARTED']],
  ['PROTECTION_ORDER_APPLIED', ['PROTECTION_ORDER_APPLIED', 'PROTECTION_ORDER_GRANTED', 'PROTECTION_ORDER_REFUSED']],
  ['PROTECTION_ORDER_GRANTED', ['PROTECTION_ORDER_GRANTED']],
  ['PROTECTION_ORDER_REFUSED', ['PROTECTION_ORDER_REFUSED']],
];
export const legalStepKeys = legalSteps.map(([key]) => key);

/** The legal steps (legalProtection rows) a case counts in. */
export function legalStepsOf(milestones: readonly Pick<MilestoneDoc, 'kind'>[]): string[] {
  const reached = new Set(milestones.map((m) => m.kind));
  return legalSteps.filter(([, kinds]) => kinds.some((k) => reached.has(k))).map(([key]) => key);
}

export function legalProtection(d: PathwayData) {
  const cells = new Cells();
  for (const c of d.cases) for (const step of legalStepsOf(c.milestones)) cells.add(step, caseKey(d, c));
  return publishLegalProtection(cells, d.disclosure);
}

/** The legal steps from the cases counted in each. */
export function publishLegalProtection(casesByStep: Cells, disclosure: DisclosureControl) {
  return legalStepKeys.map((key) => ({ key, ...disclosure.publish(casesByStep.cell(key)) }));
}

/** The cases that took each number of days. */
export type DayCounts = Cells<number>;

/** Days from first report to each sector's earliest step, for one case. */
export function serviceDaysOf(c: Pick<CaseDoc, 'firstReportedOn' | 'milestones'>): [sector: string, days: number][] {
  const earliest = new Map<string, number>();
  for (const m of c.milestones) {
    const sector = milestoneSectors[m.kind];
    const t = m.on.getTime();
    const known = earliest.get(sector);
    if (known === undefined || t < known) earliest.set(sector, t);
  }
  return [...earliest].map(([sector, t]) => [sector, daysBetween(c.firstReportedOn, new Date(t))]);
}

/** Days to service per sector and incident type (in `incidentTypes` order), as counts per number of days. */
export const emptyServiceDays = () => new Map(sectorIds.map((s) => [s, incidentTypes.map((): DayCounts => new Cells<number>())]));

/**
 * Days to service for the year's cases: one pass over the cases, kept for the request so that
 * asking for several incident types reads it once.
 */
const serviceDaysCache = new WeakMap<PathwayData, Map<string, DayCounts[]>>();
function serviceDays(d: PathwayData): Map<string, DayCounts[]> {
  const cached = serviceDaysCache.get(d);
  if (cached) return cached;
  const bySector = emptyServiceDays();
  for (const c of d.cases) {
    const type = incidentTypes.indexOf(c.incidentType);
    for (const [sector, days] of serviceDaysOf(c)) bySector.get(sector)?.[type]?.add(days, caseKey(d, c));
  }
  serviceDaysCache.set(d, bySector);
  return bySector;
}

/** How soon after first report each sector first served the cases it reached (its earliest milestone). */
export function timeToService(d: PathwayData, incidentType: IncidentType | null) {
  return publishTimeToService(serviceDays(d), incidentType, d.disclosure);
}

const casesIn = (counts: ReadonlyMap<number, Cell>, within = Infinity) =>
  mergeCells([...counts].filter(([days]) => days <= within).map(([, cell]) => cell));

/**
 * Time to service from the days each sector took, per incident type. Reached and within three
 * days are cells of their own; the share is worked out from the published counts.
 */
export function publishTimeToService(
  all: ReadonlyMap<string, readonly DayCounts[]>,
  incidentType: IncidentType | null,
  disclosure: DisclosureControl,
) {
  const within = 3; // days: the 72 hours that matter for emergency contraception and post-exposure treatment
  return sectorIds.map((sector) => {
    const days = all.get(sector)!;
    const asked = incidentType ? [days[incidentTypes.indexOf(incidentType)]!] : days;
    const reachedCell = mergeCells(asked.map((counts) => casesIn(counts)));
    const soonCell = mergeCells(asked.map((counts) => casesIn(counts, within)));
    const reached = disclosure.publish(reachedCell);
    const soon = disclosure.publish(soonCell);
    return {
      sectorId: sector,
      reached: { key: sector, ...reached },
      withinThreeDays: { key: sector, ...soon },
      shareWithinThreeDays: reached.suppressed || soon.suppressed || !reached.count ? null : Math.min(1, soon.count! / reached.count),
      medianDays: publishMedian(reachedCell.count, median(asked), disclosure),
    };
  });
}

/**
 * The bands a published median falls in, by their upper ends in days: same day, a day, the 72
 * hours, a week, two weeks, a month, three months, six months, a year (and beyond).
 */
export const medianBands = [0, 1, 3, 7, 14, 30, 90, 180, 365] as const;

/**
 * A median is no count and the cell key does not perturb it: exact, two sets of cases one survivor
 * apart would give her days away (docs/disclosure-control.md, "Medians"). So it is published only
 * over at least twice the threshold of cases, and only as the upper end of its band, which one
 * more case moves only when the median sits at a band's edge.
 */
function publishMedian(cases: number, exact: number | null, disclosure: DisclosureControl): number | null {
  if (exact === null || cases < 2 * disclosure.table.threshold) return null;
  return medianBands.find((upTo) => exact <= upTo) ?? medianBands[medianBands.length - 1]!;
}

/** The median number of days over one or several sets of counts. */
function median(sets: readonly DayCounts[]): number | null {
  const merged = new Map<number, number>();
  for (const counts of sets) for (const [days, cell] of counts) merged.set(days, (merged.get(days) ?? 0) + cell.count);
  const total = [...merged.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...merged.keys()].sort((a, b) => a - b);
  const nth = (i: number) => {
    let seen = 0;
    for (const days of sorted) if ((seen += merged.get(days)!) > i) return days;
    throw new Error('unreachable: fewer counts than their total');
  };
  const mid = Math.floor(total / 2);
  return total % 2 ? nth(mid) : (nth(mid - 1) + nth(mid)) / 2;
}
