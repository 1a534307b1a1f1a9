import { sectorIds } from '../../../catalog.ts';
import { daysBetween } from '../../../kit/clock.ts';
import { publish, suppressedTable, suppressionPlan, type AdditiveGroup } from '../../../kit/suppression.ts';
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
 * The pathway aggregates, computed from one year's consenting cases and their referrals as the
 * registry holds them. Pure functions over arrays: one store read per question, whatever the
 * number of cases, and every published count goes through small-cell suppression together with
 * the counts it adds up with.
 *
 * This is the straightforward definition. The subgraph answers from a tally kept up to date case
 * by case (yearTally.ts); it counts with the per-case functions and publishes with the
 * `publish...` functions here, and is tested to publish exactly what these functions do.
 */

export interface PathwayData {
  year: number;
  cases: readonly CaseDoc[];
  referrals: readonly ReferralDoc[];
  today: Date;
  threshold: number;
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

function tally<T>(items: readonly T[], keyOf: (item: T) => string | null, keys: readonly string[]): [string, number][] {
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts];
}

export const casesByIncidentType = (d: PathwayData) =>
  suppressedTable(
    tally(d.cases, (c) => c.incidentType, incidentTypes),
    d.cases.length,
    d.threshold,
  );

export const casesByDistrict = (d: PathwayData) =>
  suppressedTable(
    tally(d.cases, (c) => c.district, [...new Set(d.cases.map((c) => c.district))].sort()),
    d.cases.length,
    d.threshold,
  );

export function casesByMonth(d: PathwayData) {
  const months = Array.from({ length: 12 }, (_, m) => `${d.year}-${String(m + 1).padStart(2, '0')}`);
  return suppressedTable(tally(d.cases, monthOf, months), d.cases.length, d.threshold);
}

/** Cases each sector served. A case may be served by several sectors, so rows do not add up to the total. */
export function casesBySector(d: PathwayData) {
  const counts = new Map(sectorIds.map((s) => [s, 0]));
  for (const set of servingSectors(d).values()) for (const s of set) counts.set(s, (counts.get(s) ?? 0) + 1);
  return publishCasesBySector(counts, d.cases.length, d.threshold);
}

/** The cases-by-sector table from the number of cases each sector served. */
export function publishCasesBySector(served: ReadonlyMap<string, number>, total: number, threshold: number) {
  const rows = sectorIds.map((s) => [s, served.get(s) ?? 0] as const);
  const withheld = suppressionPlan({ values: [...rows.map(([, n]) => n), total], threshold });
  return {
    rows: rows.map(([key, n], i) => ({ key, ...publish(n, withheld[i]!) })),
    total: { key: 'TOTAL', ...publish(total, withheld[rows.length]!) },
  };
}

export const referralOutcomes = (d: PathwayData) =>
  suppressedTable(
    tally(d.referrals, (r) => r.status, referralStatuses),
    d.referrals.length,
    d.threshold,
  );

/** Referrals still awaiting their service after the follow-up day (escalated), by receiving sector. */
export function overdueFollowUps(d: PathwayData) {
  const overdue = d.referrals.filter((r) => escalation(r, d.today).escalated);
  return suppressedTable(
    tally(overdue, (r) => r.toSector, sectorIds),
    overdue.length,
    d.threshold,
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
 * counts as having passed the earlier ones). The drop-outs between stages are never published
 * but can be derived, so a small drop-out withholds the stage after it.
 */
export function justiceFunnel(d: PathwayData) {
  const byFurthest = new Map<number, number>();
  for (const c of d.cases) {
    const furthest = furthestStage(c.milestones);
    byFurthest.set(furthest, (byFurthest.get(furthest) ?? 0) + 1);
  }
  return publishJusticeFunnel(byFurthest, d.threshold);
}

/** The furthest funnel stage a case reached (its index), or -1 for none. */
export function furthestStage(milestones: readonly Pick<MilestoneDoc, 'kind'>[]): number {
  const reached = new Set(milestones.map((m) => m.kind));
  return funnel.reduce((last, [, kind], i) => (reached.has(kind) ? i : last), -1);
}

/** The funnel from the number of cases by the furthest stage they reached. */
export function publishJusticeFunnel(casesByFurthestStage: ReadonlyMap<number, number>, threshold: number) {
  const stages = funnel.map((_, i) => [...casesByFurthestStage].reduce((n, [furthest, cases]) => (furthest >= i ? n + cases : n), 0));
  const drops = stages.slice(0, -1).map((n, i) => n - stages[i + 1]!);
  const values = [...stages, ...drops];
  const hidden = new Set(drops.map((_, i) => stages.length + i));
  const groups: AdditiveGroup[] = drops.map((_, i) => ({ total: i, members: [i + 1, stages.length + i] }));
  const withheld = suppressionPlan({ values, threshold, groups, hidden });
  return funnel.map(([key], i) => ({ key, ...publish(stages[i]!, withheld[i]!) }));
}

/** How many cases took each number of days. */
export type DayCounts = Map<number, number>;

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
export const emptyServiceDays = () => new Map(sectorIds.map((s) => [s, incidentTypes.map((): DayCounts => new Map())]));

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
    for (const [sector, days] of serviceDaysOf(c)) {
      const counts = bySector.get(sector)?.[type];
      counts?.set(days, (counts.get(days) ?? 0) + 1);
    }
  }
  serviceDaysCache.set(d, bySector);
  return bySector;
}

/** How soon after first report each sector first served the cases it reached (its earliest milestone). */
export function timeToService(d: PathwayData, incidentType: IncidentType | null) {
  return publishTimeToService(serviceDays(d), incidentType, d.threshold);
}

const casesIn = (counts: DayCounts, within = Infinity) => {
  let n = 0;
  for (const [days, cases] of counts) if (days <= within) n += cases;
  return n;
};

/** Time to service from the days each sector took, per incident type. */
export function publishTimeToService(all: ReadonlyMap<string, readonly DayCounts[]>, incidentType: IncidentType | null, threshold: number) {
  const within = 3; // days: the 72 hours that matter for emergency contraception and post-exposure treatment
  const types = incidentTypes;
  return sectorIds.map((sector) => {
    const days = all.get(sector)!;
    // Per incident type and in total: reached = within + later (later is derived, never published).
    const reached = days.map((counts) => casesIn(counts));
    const soon = days.map((counts) => casesIn(counts, within));
    const later = reached.map((n, i) => n - soon[i]!);
    const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
    const n = types.length;
    const values = [...reached, sum(reached), ...soon, sum(soon), ...later, sum(later)];
    const [reachedAt, soonAt, laterAt] = [0, n + 1, 2 * (n + 1)];
    const range = (start: number) => Array.from({ length: n }, (_, i) => start + i);
    const groups: AdditiveGroup[] = [
      { total: reachedAt + n, members: range(reachedAt) },
      { total: soonAt + n, members: range(soonAt) },
      { total: reachedAt + n, members: [soonAt + n, laterAt + n] },
      ...types.map((_, i) => ({ total: reachedAt + i, members: [soonAt + i, laterAt + i] })),
    ];
    const withheld = suppressionPlan({ values, threshold, groups, hidden: new Set(range(laterAt).concat(laterAt + n)) });
    const at = incidentType ? types.indexOf(incidentType) : n;
    const reachedCount = publish(values[reachedAt + at]!, withheld[reachedAt + at]!);
    const soonCount = publish(values[soonAt + at]!, withheld[soonAt + at]!);
    return {
      sectorId: sector,
      reached: { key: sector, ...reachedCount },
      withinThreeDays: { key: sector, ...soonCount },
      shareWithinThreeDays:
        reachedCount.suppressed || soonCount.suppressed || !reachedCount.count ? null : soonCount.count! / reachedCount.count,
      medianDays: reachedCount.suppressed ? null : median(incidentType ? [days[at]!] : days),
    };
  });
}

/** The median number of days over one or several sets of counts. */
function median(sets: readonly DayCounts[]): number | null {
  const merged = new Map<number, number>();
  for (const counts of sets) for (const [days, n] of counts) merged.set(days, (merged.get(days) ?? 0) + n);
  const total = casesIn(merged);
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
