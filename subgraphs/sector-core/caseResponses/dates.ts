/** The earliest of the days given, ignoring those not recorded. */
export function earliest(...days: (Date | null | undefined)[]): Date | null {
  const known = days.filter((d): d is Date => d instanceof Date);
  return known.length > 0 ? new Date(Math.min(...known.map((d) => d.getTime()))) : null;
}

/** A day as YYYY-MM-DD, for one-line summaries. */
export const day = (d: Date) => d.toISOString().slice(0, 10);
