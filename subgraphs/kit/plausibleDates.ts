import { startOfDayUtc } from './clock.ts';
import type { FieldProblem } from './errors.ts';

/*
 * Whether the days a write carries are plausible: a typo such as 1900-01-01 or 2206-05-01 is a
 * valid date, and once stored it skews every delay, overdue count and report built on it. Each
 * write names its bounds (the framework's start, the day a case was first reported, today, the
 * planning horizon) and gets one problem per field that crosses one, naming the bound, its day
 * and the value got, so the caller can fix every field at once.
 */

/** A day a date must not cross, with what it is in words: "the framework's start". */
export interface DayBound {
  day: Date;
  what: string;
}

/** The fields checked against one bound, by name; a field left out (null) is not checked. */
export type DayFields = Record<string, Date | null | undefined>;

/** How far ahead or back from today a plan, a due date or a report may reach, in years. */
export const PLANNING_HORIZON_YEARS = 10;

export const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/** The same calendar day (UTC) some years later or earlier; 29 February becomes 1 March. */
export function yearsAfter(day: Date, years: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear() + years, day.getUTCMonth(), day.getUTCDate()));
}

/** The bounds every write may use, from the request's clock. */
export function planningBounds(now: Date): { today: DayBound; horizon: DayBound; horizonAgo: DayBound } {
  const today = startOfDayUtc(now);
  return {
    today: { day: today, what: 'today' },
    horizon: { day: yearsAfter(today, PLANNING_HORIZON_YEARS), what: `${PLANNING_HORIZON_YEARS} years from today` },
    horizonAgo: { day: yearsAfter(today, -PLANNING_HORIZON_YEARS), what: `${PLANNING_HORIZON_YEARS} years ago` },
  };
}

/** 1 January of a year, as a bound. */
export function startOfYear(year: number, what: string): DayBound {
  return { day: new Date(Date.UTC(year, 0, 1)), what };
}

function crossing(fields: DayFields, crosses: (day: Date) => boolean, problem: (day: Date) => string): FieldProblem[] {
  return Object.entries(fields).flatMap(([field, value]) => {
    if (!value) return [];
    const day = startOfDayUtc(value);
    return crosses(day) ? [{ field, problem: problem(day) }] : [];
  });
}

const stated = (bound: DayBound, day: Date) => `${bound.what} (${isoDay(bound.day)}; got ${isoDay(day)})`;

/** Each field on or after the bound's day. */
export function notBefore(bound: DayBound, fields: DayFields): FieldProblem[] {
  const start = startOfDayUtc(bound.day);
  return crossing(
    fields,
    (day) => day < start,
    (day) => `must not be before ${stated(bound, day)}`,
  );
}

/** Each field on or before the bound's day. */
export function notAfter(bound: DayBound, fields: DayFields): FieldProblem[] {
  const end = startOfDayUtc(bound.day);
  return crossing(
    fields,
    (day) => day > end,
    (day) => `must not be after ${stated(bound, day)}`,
  );
}

/** Each field strictly after the bound's day: a due date after the meeting that set it. */
export function after(bound: DayBound, fields: DayFields): FieldProblem[] {
  const end = startOfDayUtc(bound.day);
  return crossing(
    fields,
    (day) => day <= end,
    (day) => `must be after ${stated(bound, day)}`,
  );
}

/** Each field on or before today: what happened cannot have happened tomorrow. */
export function notInFuture(now: Date, fields: DayFields): FieldProblem[] {
  const today = startOfDayUtc(now);
  return crossing(
    fields,
    (day) => day > today,
    (day) => `must not be in the future (today is ${isoDay(today)}; got ${isoDay(day)})`,
  );
}
