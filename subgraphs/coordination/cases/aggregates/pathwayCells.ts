import { sectorIds } from '../../../../platform/catalog.ts';
import { addCell, addToCell, Cells, emptyCell, type Cell } from '../../../kit/disclosure/cells.ts';
import type { DisclosureControl } from '../../../kit/disclosure/publish.ts';
import { awaitingStatuses, escalation } from '../lifecycle.ts';
import { incidentTypes, referralStatuses, type IncidentType, type ReferralDoc } from '../models.ts';
import * as pathway from './pathway.ts';
import type { CountedCase, CountedReferral } from './yearData.ts';

/*
 * The cells of the pathway tables for one set of cases (a month of one district's, or a window's
 * of one area's): counts with the sum of their records' keys (kit/disclosure). Cells add up, so
 * the cells of a window and an area are those of its months and districts added together, and
 * publish exactly what counting its cases afresh would: the same cases, the same key sum, the same
 * noise. What each case adds (its share) is worked out with the per-case functions of pathway.ts,
 * and the tables are published with its `publish...` functions.
 */

/** What one counted case adds to the cells. */
export interface CaseShare {
  /** The case's record key; worked out when counted, kept only in memory. */
  key: number;
  incidentType: IncidentType;
  district: string;
  month: string;
  servedBy: string[];
  furthestStage: number;
  legalSteps: string[];
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

/** A case's share, given the referrals of it that count. */
export function shareOf(c: CountedCase, referrals: readonly CountedReferral[], disclosure: DisclosureControl): CaseShare {
  // One HMAC per referral: an awaiting referral's key is counted twice, by status and as awaiting.
  const referralKeys = referrals.map((r) => disclosure.keys.of('referral', r._id));
  return {
    key: disclosure.keys.of('case', c._id),
    incidentType: c.incidentType,
    district: c.district,
    month: pathway.monthOf(c),
    servedBy: [...pathway.servedBy(c, referrals)],
    furthestStage: pathway.furthestStage(c.milestones),
    legalSteps: pathway.legalStepsOf(c.milestones),
    serviceDays: pathway.serviceDaysOf(c),
    referrals: referrals.map((r, i) => ({ status: r.status, key: referralKeys[i]! })),
    awaiting: referrals.flatMap((r, i) => (awaitingStatuses.includes(r.status) ? [{ by: awaitingKey(r), key: referralKeys[i]! }] : [])),
  };
}

function addCells<K>(into: Cells<K>, from: Cells<K>) {
  for (const [key, cell] of from) {
    const known = into.get(key);
    if (known) addCell(known, cell);
    else into.set(key, { ...cell });
  }
}

export class PathwayCells {
  readonly allCases = emptyCell();
  readonly byIncidentType = new Cells();
  readonly byMonth = new Cells();
  readonly bySector = new Cells();
  readonly byFurthestStage = new Cells<number>();
  readonly byLegalStep = new Cells();
  readonly allReferrals = emptyCell();
  readonly byReferralStatus = new Cells();
  readonly serviceDays = pathway.emptyServiceDays();
  readonly awaiting = new Cells();
  /** Moves with every change, so tables published from these cells are kept until they change. */
  revision = 0;

  /** Counts a case's share in (by = 1) or takes it out (by = -1). */
  count(share: CaseShare, by: 1 | -1) {
    this.revision += 1;
    const { key } = share;
    addToCell(this.allCases, key, by);
    this.byIncidentType.add(share.incidentType, key, by);
    this.byMonth.add(share.month, key, by);
    for (const sector of share.servedBy) this.bySector.add(sector, key, by);
    this.byFurthestStage.add(share.furthestStage, key, by);
    for (const step of share.legalSteps) this.byLegalStep.add(step, key, by);
    for (const r of share.referrals) {
      this.byReferralStatus.add(r.status, r.key, by);
      addToCell(this.allReferrals, r.key, by);
    }
    for (const r of share.awaiting) this.awaiting.add(r.by, r.key, by);
    const type = incidentTypes.indexOf(share.incidentType);
    for (const [sector, days] of share.serviceDays) this.serviceDays.get(sector)?.[type]?.add(days, key, by);
  }

  /** Adds the cells of other cases (no case in both). */
  add(other: PathwayCells) {
    this.revision += 1;
    addCell(this.allCases, other.allCases);
    addCells(this.byIncidentType, other.byIncidentType);
    addCells(this.byMonth, other.byMonth);
    addCells(this.bySector, other.bySector);
    addCells(this.byFurthestStage, other.byFurthestStage);
    addCells(this.byLegalStep, other.byLegalStep);
    addCell(this.allReferrals, other.allReferrals);
    addCells(this.byReferralStatus, other.byReferralStatus);
    addCells(this.awaiting, other.awaiting);
    for (const [sector, byType] of other.serviceDays) {
      const into = this.serviceDays.get(sector)!;
      byType.forEach((days, type) => addCells(into[type]!, days));
    }
  }
}

/** The published tables of one set of cells, each worked out when first asked for. */
export interface PublishedTables {
  casesByIncidentType(): ReturnType<DisclosureControl['publishTable']>;
  casesByMonth(): ReturnType<DisclosureControl['publishTable']>;
  casesBySector(): ReturnType<DisclosureControl['publishTable']>;
  timeToService(incidentType: IncidentType | null): ReturnType<typeof pathway.publishTimeToService>;
  justiceFunnel(): ReturnType<typeof pathway.publishJusticeFunnel>;
  legalProtection(): ReturnType<typeof pathway.publishLegalProtection>;
  referralOutcomes(): ReturnType<DisclosureControl['publishTable']>;
  overdueFollowUps(): ReturnType<DisclosureControl['publishTable']>;
}

/** Tables published lately, kept with the cells they came from until those change or the day does. */
const publishedOf = new WeakMap<PathwayCells, { asOf: string; tables: PublishedTables }>();

/**
 * The tables of `cells` for the window's `months`, as published on `today`: each worked out when
 * first asked for, and kept for the next request while the cells and the day stay the same.
 */
export function publishedTables(
  cells: PathwayCells,
  months: readonly string[],
  today: Date,
  disclosure: DisclosureControl,
): PublishedTables {
  const asOf = `${cells.revision} ${months.join(',')} ${today.toISOString().slice(0, 10)}`;
  const kept = publishedOf.get(cells);
  if (kept?.asOf === asOf) return kept.tables;
  const publish = disclosure.publishTable;
  const all = () => ({ ...cells.allCases });
  const once = <T>(work: () => T): (() => T) => {
    let done: { value: T } | undefined;
    return () => (done ??= { value: work() }).value;
  };
  const timings = new Map<IncidentType | null, ReturnType<typeof pathway.publishTimeToService>>();
  const tables: PublishedTables = {
    casesByIncidentType: once(() => publish(cells.byIncidentType.rows(incidentTypes), all())),
    casesByMonth: once(() => publish(cells.byMonth.rows(pathway.monthsBegun(months, today)), all())),
    casesBySector: once(() => publish(cells.bySector.rows(sectorIds), all())),
    timeToService: (incidentType) => {
      let timing = timings.get(incidentType);
      if (!timing) timings.set(incidentType, (timing = pathway.publishTimeToService(cells.serviceDays, incidentType, disclosure)));
      return timing;
    },
    justiceFunnel: once(() => pathway.publishJusticeFunnel(cells.byFurthestStage, disclosure)),
    legalProtection: once(() => pathway.publishLegalProtection(cells.byLegalStep, disclosure)),
    referralOutcomes: once(() => publish(cells.byReferralStatus.rows(referralStatuses), { ...cells.allReferrals })),
    overdueFollowUps: once(() => overdueFollowUps(cells.awaiting, today, disclosure)),
  };
  publishedOf.set(cells, { asOf, tables });
  return tables;
}

/** Follow-ups overdue on `today`, by receiving sector. */
function overdueFollowUps(awaiting: Cells, today: Date, disclosure: DisclosureControl) {
  const overdue = new Cells();
  const total: Cell = emptyCell();
  for (const [key, cell] of awaiting) {
    const [status, toSector, day] = key.split(' ') as [ReferralDoc['status'], string, string];
    if (!escalation({ status, followUpBy: new Date(`${day}T00:00:00Z`) }, today).escalated) continue;
    const sectorCell = overdue.get(toSector) ?? emptyCell();
    addCell(sectorCell, cell);
    overdue.set(toSector, sectorCell);
    addCell(total, cell);
  }
  return disclosure.publishTable(overdue.rows(sectorIds), total);
}
