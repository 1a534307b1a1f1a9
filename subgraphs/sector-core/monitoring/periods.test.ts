import { describe, expect, it } from 'vitest';
import { endedPeriods, isLocked, nextPeriod, parsePeriod, periodContaining, timelyUntil } from './periods.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('reporting periods', () => {
  it('reads months and quarters, and nothing of the other type', () => {
    const october = parsePeriod('2026-10', 'MONTHLY')!;
    expect([iso(october.start), iso(october.end)]).toEqual(['2026-10-01', '2026-10-31']);
    const q1 = parsePeriod('2024-Q1', 'QUARTERLY')!;
    expect([iso(q1.start), iso(q1.end)]).toEqual(['2024-01-01', '2024-03-31']);
    expect(parsePeriod('2026-Q3', 'MONTHLY')).toBeNull();
    expect(parsePeriod('2026-10', 'QUARTERLY')).toBeNull();
    expect(parsePeriod('2026-13', 'MONTHLY')).toBeNull();
    expect(parsePeriod('October 2026', 'MONTHLY')).toBeNull();
  });

  it('knows leap years and year ends', () => {
    expect(iso(parsePeriod('2028-02', 'MONTHLY')!.end)).toBe('2028-02-29');
    expect(nextPeriod(parsePeriod('2026-12', 'MONTHLY')!).id).toBe('2027-01');
    expect(nextPeriod(parsePeriod('2026-Q4', 'QUARTERLY')!).id).toBe('2027-Q1');
    expect(periodContaining(day('2026-11-24'), 'QUARTERLY').id).toBe('2026-Q4');
  });

  it('counts a period as ended from the day after its last day', () => {
    const first = parsePeriod('2026-09', 'MONTHLY')!;
    expect(endedPeriods(first, day('2026-10-31')).map((p) => p.id)).toEqual(['2026-09']);
    expect(endedPeriods(first, day('2026-11-01')).map((p) => p.id)).toEqual(['2026-09', '2026-10']);
  });

  it('is on time up to the last timely day, and locks the day after its last open day', () => {
    const october = parsePeriod('2026-10', 'MONTHLY')!;
    expect(iso(timelyUntil(october, 15))).toBe('2026-11-15');
    expect(isLocked(october, 24, day('2026-11-24'))).toBe(false); // last open day
    expect(isLocked(october, 23, day('2026-11-24'))).toBe(true); // one day after
  });
});
