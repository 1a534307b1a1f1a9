import { daysBetween } from '../../kit/clock.ts';
import type { DataSetDoc, IndicatorValueDoc, PeriodReopeningDoc } from './models.ts';
import { endedPeriods, isLocked, openUntil, parsePeriod, periodContaining, timelyUntil, type Period } from './periods.ts';

/*
 * Completeness and timeliness of a data set, as DHIS2 counts them: a period's report is
 * received when every indicator of the data set has a value for it, on time when the last of
 * those values arrived by the timely deadline. A value of zero is a received value; only the
 * absence of a value is "not reported".
 */

export type ReportState = 'OPEN' | 'DUE' | 'ON_TIME' | 'LATE' | 'MISSING';

export interface PeriodReport {
  dataSetId: string;
  period: Period;
  state: ReportState;
  /** When the report became complete: the last of its values arrived. */
  receivedAt: Date | null;
  indicatorsReported: number;
  indicatorsExpected: number;
  timelyUntil: Date;
  openUntil: Date;
  locked: boolean;
  reopenings: PeriodReopeningDoc[];
}

/** The reopening in force on `today` for a period, if any. */
export function activeReopening(reopenings: readonly PeriodReopeningDoc[], today: Date): PeriodReopeningDoc | undefined {
  return reopenings.find((r) => daysBetween(today, r.openUntil) >= 0);
}

function stateOf(period: Period, complete: boolean, receivedAt: Date | null, dataSet: DataSetDoc, today: Date): ReportState {
  const deadline = timelyUntil(period, dataSet.timelyDays);
  if (complete) return daysBetween(receivedAt!, deadline) >= 0 ? 'ON_TIME' : 'LATE';
  if (daysBetween(period.end, today) <= 0) return 'OPEN';
  return daysBetween(deadline, today) > 0 ? 'MISSING' : 'DUE';
}

/** One period's report of a data set, judged on `today`. */
export function periodReport(
  dataSet: DataSetDoc,
  period: Period,
  indicatorIds: readonly string[],
  values: readonly IndicatorValueDoc[],
  reopenings: readonly PeriodReopeningDoc[],
  today: Date,
): PeriodReport {
  const reported = values.filter((v) => v.period === period.id && indicatorIds.includes(v.indicatorId));
  const complete = indicatorIds.length > 0 && new Set(reported.map((v) => v.indicatorId)).size === indicatorIds.length;
  const receivedAt = complete ? new Date(Math.max(...reported.map((v) => v.reportedAt.getTime()))) : null;
  const own = reopenings.filter((r) => r.period === period.id);
  return {
    dataSetId: dataSet._id,
    period,
    state: stateOf(period, complete, receivedAt, dataSet, today),
    receivedAt,
    indicatorsReported: new Set(reported.map((v) => v.indicatorId)).size,
    indicatorsExpected: indicatorIds.length,
    timelyUntil: timelyUntil(period, dataSet.timelyDays),
    openUntil: openUntil(period, dataSet.lockDays),
    locked: isLocked(period, dataSet.lockDays, today) && !activeReopening(own, today),
    reopenings: own,
  };
}

/** Every period of the schedule up to the current one (still open), newest last. */
export function scheduleReports(
  dataSet: DataSetDoc,
  indicatorIds: readonly string[],
  values: readonly IndicatorValueDoc[],
  reopenings: readonly PeriodReopeningDoc[],
  today: Date,
): PeriodReport[] {
  const first = parsePeriod(dataSet.firstPeriod, dataSet.periodType)!;
  const current = periodContaining(today, dataSet.periodType);
  const periods = daysBetween(first.start, current.start) >= 0 ? [...endedPeriods(first, today), current] : [];
  const own = reopenings.filter((r) => r.dataSetId === dataSet._id);
  return periods.map((period) => periodReport(dataSet, period, indicatorIds, values, own, today));
}

/**
 * The report of the latest period that had ended by `today` (the day the schedule was judged), from
 * a data set's schedule (scheduleReports); null when no period has ended yet. Chosen by the
 * period's dates, not its state: a period complete before its end (values seeded, imported or
 * restored) is ON_TIME or LATE while still open.
 */
export function lastClosedReport(reports: readonly PeriodReport[], today: Date): PeriodReport | null {
  return reports.findLast((report) => daysBetween(report.period.end, today) > 0) ?? null;
}

export interface ReportingSummary {
  /** Periods that have ended: a report is expected for each. */
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  /** Ended, not yet received, still within the timely deadline. */
  due: number;
  /** received / expected, 0 to 1; null when nothing is expected yet. */
  completeness: number | null;
  /** onTime / expected, 0 to 1; null when nothing is expected yet. */
  timeliness: number | null;
}

export function summariseReports(reports: readonly PeriodReport[]): ReportingSummary {
  const count = (state: ReportState) => reports.filter((r) => r.state === state).length;
  const onTime = count('ON_TIME');
  const late = count('LATE');
  const missing = count('MISSING');
  const due = count('DUE');
  const expected = onTime + late + missing + due;
  const ratio = (n: number) => (expected === 0 ? null : Math.round((n / expected) * 1000) / 1000);
  return { expected, received: onTime + late, onTime, late, missing, due, completeness: ratio(onTime + late), timeliness: ratio(onTime) };
}
