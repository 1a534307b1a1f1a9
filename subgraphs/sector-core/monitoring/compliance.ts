import { daysBetween } from '../../kit/clock.ts';
import { isoDay } from '../../kit/plausibleDates.ts';
import { deliveryState } from '../delivery.ts';
import type { ActionRecordDoc } from '../models.ts';
import type { PeriodReport } from './reporting.ts';

/*
 * The compliance scoreboard's rule, after South Africa's s.62 duty to check that each organ of
 * state meets the responsibilities allocated to it, usable for any country. Each rule that a
 * sector breaks gives a reason with the status it leads to; the sector's status is the worst of
 * them. The limits are constants here so the scoreboard and its documentation cannot disagree.
 */

export type ComplianceStatus = 'MEETING_OBLIGATIONS' | 'AT_RISK' | 'FAILING';
export type ComplianceRule =
  'ACTIONS_OVERDUE' | 'ACTIONS_AT_RISK' | 'ACTIONS_NOT_REPORTED' | 'REPORTS_MISSING' | 'REPORTS_LATE' | 'NO_RECENT_UPDATE';

/** Overdue actions up to this many put a sector at risk; more make it failing. */
export const OVERDUE_ACTIONS_AT_RISK = 1;
/** A sector silent this many days is at risk... */
export const STALE_AFTER_DAYS = 45;
/** ...and this many days, failing: two quarters of the slowest body's cadence without a word. */
export const SILENT_AFTER_DAYS = 90;
/** Late reports count against a sector for periods that ended within this many days. */
export const LATE_WINDOW_DAYS = 180;

/**
 * One reason, as codes and parameters that a reader's tool words in its own language; `detail` is
 * the older English sentence, kept for callers that still read it.
 */
export interface ComplianceReason {
  rule: ComplianceRule;
  status: Exclude<ComplianceStatus, 'MEETING_OBLIGATIONS'>;
  detail: string;
  count: number;
  actionIds: string[];
  reports: PeriodReport[];
  windowDays: number | null;
  daysSinceLastUpdate: number | null;
  lastUpdateAt: Date | null;
}

const none = { count: 0, actionIds: [], reports: [], windowDays: null, daysSinceLastUpdate: null, lastUpdateAt: null };
const aboutActions = (actionIds: string[]) => ({ ...none, count: actionIds.length, actionIds });
const aboutReports = (reports: PeriodReport[]) => ({ ...none, count: reports.length, reports });

export interface ComplianceInput {
  responsibilities: number;
  records: readonly Pick<ActionRecordDoc, '_id' | 'dueDate' | 'status'>[];
  reports: readonly PeriodReport[];
  /** The latest moment the sector wrote anything: a progress report, a status, a value. */
  lastUpdateAt: Date | null;
}

export interface Compliance {
  status: ComplianceStatus;
  reasons: ComplianceReason[];
  responsibilities: number;
  actionsLed: number;
  overdueActionIds: string[];
  reportsMissing: PeriodReport[];
  reportsLate: PeriodReport[];
  lastUpdateAt: Date | null;
  daysSinceLastUpdate: number | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const listReports = (reports: readonly PeriodReport[]) => reports.map((r) => `${r.dataSetId} ${r.period.id}`).join(', ');

/** The sector's compliance on `today`, with every reason behind its status. */
export function assessCompliance(input: ComplianceInput, today: Date): Compliance {
  const reasons: ComplianceReason[] = [];
  const states = input.records.map((r) => ({ id: r._id, state: deliveryState(r, today) }));
  const ids = (state: string) => states.filter((s) => s.state === state).map((s) => s.id);

  const overdue = ids('OVERDUE');
  if (overdue.length > 0) {
    reasons.push({
      rule: 'ACTIONS_OVERDUE',
      status: overdue.length > OVERDUE_ACTIONS_AT_RISK ? 'FAILING' : 'AT_RISK',
      detail: `${plural(overdue.length, 'action')} past due and not completed: ${overdue.join(', ')}`,
      ...aboutActions(overdue),
    });
  }
  const atRisk = ids('AT_RISK');
  if (atRisk.length > 0)
    reasons.push({
      rule: 'ACTIONS_AT_RISK',
      status: 'AT_RISK',
      detail: `${plural(atRisk.length, 'action')} at risk: ${atRisk.join(', ')}`,
      ...aboutActions(atRisk),
    });
  const silent = ids('NOT_REPORTED');
  if (silent.length > 0) {
    reasons.push({
      rule: 'ACTIONS_NOT_REPORTED',
      status: 'AT_RISK',
      detail: `${plural(silent.length, 'action')} with no status or due date recorded: ${silent.join(', ')}`,
      ...aboutActions(silent),
    });
  }

  const missing = input.reports.filter((r) => r.state === 'MISSING');
  if (missing.length > 0) {
    reasons.push({
      rule: 'REPORTS_MISSING',
      status: 'FAILING',
      detail: `${plural(missing.length, 'report')} missing: ${listReports(missing)}`,
      ...aboutReports(missing),
    });
  }
  const late = input.reports.filter((r) => r.state === 'LATE' && daysBetween(r.period.end, today) <= LATE_WINDOW_DAYS);
  if (late.length > 0) {
    reasons.push({
      rule: 'REPORTS_LATE',
      status: 'AT_RISK',
      detail: `${plural(late.length, 'report')} late in the last ${LATE_WINDOW_DAYS} days: ${listReports(late)}`,
      ...aboutReports(late),
      windowDays: LATE_WINDOW_DAYS,
    });
  }

  const age = input.lastUpdateAt ? daysBetween(input.lastUpdateAt, today) : null;
  if (age === null || age >= STALE_AFTER_DAYS) {
    reasons.push({
      rule: 'NO_RECENT_UPDATE',
      status: age === null || age >= SILENT_AFTER_DAYS ? 'FAILING' : 'AT_RISK',
      detail: age === null ? 'no update ever recorded' : `last update ${age} days ago (${isoDay(input.lastUpdateAt!)})`,
      ...none,
      daysSinceLastUpdate: age,
      lastUpdateAt: input.lastUpdateAt,
    });
  }

  const status: ComplianceStatus = reasons.some((r) => r.status === 'FAILING')
    ? 'FAILING'
    : reasons.length > 0
      ? 'AT_RISK'
      : 'MEETING_OBLIGATIONS';
  return {
    status,
    reasons,
    responsibilities: input.responsibilities,
    actionsLed: input.records.length,
    overdueActionIds: overdue,
    reportsMissing: missing,
    reportsLate: late,
    lastUpdateAt: input.lastUpdateAt,
    daysSinceLastUpdate: age,
  };
}
