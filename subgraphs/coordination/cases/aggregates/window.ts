import { InvalidInputError, type FieldProblem } from '../../../kit/errors.ts';

/*
 * The window of first report the pathway aggregates count: whole calendar months, never past
 * today. Whole months on purpose (docs/disclosure-control.md): two windows then differ by whole
 * months of cases or not at all, never by the cases of one day, so asking for the last 12 months
 * ending on one day and on the next gives the same window, the same cells and the same figures.
 */

/** What the caller may give: `year` alone, `year` with `quarter` or `month`, or `lastMonths` with or without `endingOn`. */
export interface WindowInput {
  year?: number | null;
  quarter?: number | null;
  month?: number | null;
  lastMonths?: number | null;
  endingOn?: Date | null;
}

export interface WindowPeriod {
  /** The first day counted. */
  from: Date;
  /** The last day counted: the window's last day, or today when the window runs past it. */
  to: Date;
  /** The calendar months, `2026-03`, in order. */
  months: string[];
  /** The calendar years the months fall in, in order. */
  years: number[];
}

export const earliestYear = 1990;
/**
 * The lengths a window of the last N months may have. Fixed lengths, not any N: two windows whose
 * cases differ by one month's give that month's count with independent noise, and an attacker who
 * averages many such pairs wears the noise down; with these lengths no two rolling windows from
 * one start differ by one month (docs/disclosure-control.md, "Windows").
 */
export const windowLengths = [1, 3, 6, 12, 24, 36] as const;

const monthKey = (year: number, month0: number) => `${year}-${String(month0 + 1).padStart(2, '0')}`;
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The period of the window, or an InvalidInputError naming every problem with it. */
/** `at` names the argument the fields are in (`window.`, or nothing for `year:`). */
export function pathwayPeriod(input: WindowInput, today: Date, at = 'window.'): WindowPeriod {
  const problems: FieldProblem[] = [];
  const given = (v: unknown) => v !== null && v !== undefined;
  const thisYear = today.getUTCFullYear();
  const { year, quarter, month, lastMonths, endingOn } = input;
  if (given(lastMonths)) {
    if (given(year) || given(quarter) || given(month)) {
      problems.push({ field: `${at}lastMonths`, problem: 'cannot be given with year, quarter or month' });
    }
    if (!(windowLengths as readonly unknown[]).includes(lastMonths)) {
      problems.push({ field: `${at}lastMonths`, problem: `must be one of ${windowLengths.join(', ')} (got ${lastMonths})` });
    }
    if (given(endingOn) && !(endingOn instanceof Date && endingOn.getTime() <= today.getTime())) {
      problems.push({ field: `${at}endingOn`, problem: `must not be after today, ${today.toISOString().slice(0, 10)}` });
    } else if (given(endingOn) && endingOn.getUTCFullYear() < earliestYear) {
      problems.push({ field: `${at}endingOn`, problem: `must not be before ${earliestYear}` });
    }
  } else {
    if (given(endingOn)) problems.push({ field: `${at}endingOn`, problem: 'is only for lastMonths' });
    if (!given(year)) problems.push({ field: `${at}year`, problem: 'is required unless lastMonths is given' });
    else if (!isWhole(year) || year < earliestYear || year > thisYear) {
      problems.push({ field: `${at}year`, problem: `must be a year from ${earliestYear} to ${thisYear} (got ${year})` });
    }
    if (given(quarter) && given(month)) problems.push({ field: `${at}quarter`, problem: 'cannot be given with month' });
    if (given(quarter) && (!isWhole(quarter) || quarter < 1 || quarter > 4)) {
      problems.push({ field: `${at}quarter`, problem: `must be 1, 2, 3 or 4 (got ${quarter})` });
    }
    if (given(month) && (!isWhole(month) || month < 1 || month > 12)) {
      problems.push({ field: `${at}month`, problem: `must be a month from 1 to 12 (got ${month})` });
    }
  }
  if (problems.length === 0) {
    const [firstYear, firstMonth0, count] = firstMonthAndCount(input, today);
    const first = Date.UTC(firstYear, firstMonth0, 1);
    if (firstYear < earliestYear) {
      // Only the last month was checked above; each year the window reaches is read whole.
      const last = monthKey(firstYear + Math.floor((firstMonth0 + count - 1) / 12), (firstMonth0 + count - 1) % 12);
      problems.push({
        field: `${at}lastMonths`,
        problem: `must not reach back before ${earliestYear}: ${count} months ending in ${last} begin in ${monthKey(firstYear, firstMonth0)}`,
      });
    } else if (first > today.getTime()) {
      problems.push({ field: `${at}${given(month) ? 'month' : 'quarter'}`, problem: 'must have begun by today' });
    } else {
      const months = Array.from({ length: count }, (_, i) =>
        monthKey(firstYear + Math.floor((firstMonth0 + i) / 12), (firstMonth0 + i) % 12),
      );
      const end = new Date(Date.UTC(firstYear, firstMonth0 + count, 0));
      const to =
        end.getTime() < today.getTime() ? end : new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
      const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
      return { from: new Date(first), to, months, years };
    }
  }
  throw new InvalidInputError('pathway aggregates window', problems);
}

/** The window's first month (year, month from 0) and its number of months; the input is valid. */
function firstMonthAndCount({ year, quarter, month, lastMonths, endingOn }: WindowInput, today: Date): [number, number, number] {
  if (lastMonths) {
    const end = endingOn ?? today;
    const last = end.getUTCFullYear() * 12 + end.getUTCMonth();
    const first = last - lastMonths + 1;
    return [Math.floor(first / 12), first % 12, lastMonths];
  }
  if (month) return [year!, month - 1, 1];
  if (quarter) return [year!, (quarter - 1) * 3, 3];
  return [year!, 0, 12];
}
