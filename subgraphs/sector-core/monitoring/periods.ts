import { addDays, daysBetween } from '../../kit/clock.ts';
import type { PeriodType } from './models.ts';

/*
 * Reporting periods, named the ISO way DHIS2 uses with a dash for reading: `2026-10` is
 * October 2026, `2026-Q3` the third quarter. All dates are calendar days at midnight UTC, the
 * way dates are stored, and every rule is judged in whole days from an injected "today".
 */

export interface Period {
  id: string;
  type: PeriodType;
  start: Date;
  /** The last day of the period, included. */
  end: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

const utc = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day));

function build(type: PeriodType, year: number, firstMonth: number, months: number): Period {
  const id = type === 'MONTHLY' ? `${year}-${String(firstMonth + 1).padStart(2, '0')}` : `${year}-Q${firstMonth / 3 + 1}`;
  return { id, type, start: utc(year, firstMonth, 1), end: utc(year, firstMonth + months, 0) };
}

/** The period an id names, if it is a period of that type; null for anything else. */
export function parsePeriod(id: string, type: PeriodType): Period | null {
  const month = type === 'MONTHLY' ? MONTH.exec(id) : null;
  if (month) return build(type, Number(month[1]), Number(month[2]) - 1, 1);
  const quarter = type === 'QUARTERLY' ? QUARTER.exec(id) : null;
  if (quarter) return build(type, Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 3);
  return null;
}

/** The period of the given type that contains a day. */
export function periodContaining(day: Date, type: PeriodType): Period {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  return type === 'MONTHLY' ? build(type, year, month, 1) : build(type, year, month - (month % 3), 3);
}

/** The period right after this one. */
export function nextPeriod(period: Period): Period {
  return periodContaining(addDays(period.end, 1), period.type);
}

/** Every period from `first` up to and including the last one that has ended by `today`. */
export function endedPeriods(first: Period, today: Date): Period[] {
  const periods: Period[] = [];
  for (let p = first; daysBetween(p.end, today) > 0; p = nextPeriod(p)) periods.push(p);
  return periods;
}

/** The last day a report still counts as on time. */
export function timelyUntil(period: Period, timelyDays: number): Date {
  return addDays(period.end, timelyDays);
}

/** The last day values are accepted without a reopening; the period is locked from the day after. */
export function openUntil(period: Period, lockDays: number): Date {
  return addDays(period.end, lockDays);
}

/** Whether the period is locked on `today`, unless a reopening says otherwise. */
export function isLocked(period: Period, lockDays: number, today: Date): boolean {
  return daysBetween(openUntil(period, lockDays), today) > 0;
}
