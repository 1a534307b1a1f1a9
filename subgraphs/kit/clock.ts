/**
 * Where "today" comes from. Overdue, late and locked are all judged against it, so tests and
 * demonstrations inject a fixed clock instead of reading the system time.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at the given instant (a YYYY-MM-DD date means midday UTC that day). */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00Z` : at;
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${String(at)}`);
  return { now: () => new Date(date) };
}

/** The calendar day (UTC) of an instant, as midnight UTC: dates in the store are stored that way. */
export function startOfDayUtc(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

const DAY_MS = 86_400_000;

/** The instant some days later (or earlier, for a negative count). */
export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfDayUtc(to).getTime() - startOfDayUtc(from).getTime()) / DAY_MS);
}

/** The calendar day `YYYY-MM-DD` at its start, UTC: how demo data writes its dates. */
export const calendarDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
