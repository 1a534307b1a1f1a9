import { describe, expect, it } from 'vitest';
import { after, notAfter, notBefore, notInFuture, planningBounds, startOfYear, yearsAfter } from './plausibleDates.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const now = new Date('2026-11-24T15:30:00Z');

describe('plausible dates', () => {
  it('bounds the planning horizon ten years either way from today', () => {
    const { today, horizon, horizonAgo } = planningBounds(now);
    expect(today).toEqual({ day: day('2026-11-24'), what: 'today' });
    expect(horizon).toEqual({ day: day('2036-11-24'), what: '10 years from today' });
    expect(horizonAgo).toEqual({ day: day('2016-11-24'), what: '10 years ago' });
    expect(yearsAfter(day('2028-02-29'), 1)).toEqual(day('2029-03-01'));
  });

  it('names the field, the bound, its day and the value got, and lets the bound day itself through', () => {
    const { horizon } = planningBounds(now);
    expect(notAfter(horizon, { dueDate: day('2099-01-01'), asOf: day('2036-11-24'), left: null })).toEqual([
      { field: 'dueDate', problem: 'must not be after 10 years from today (2036-11-24; got 2099-01-01)' },
    ]);
    const start = { day: day('2018-01-01'), what: "the framework's start" };
    expect(notBefore(start, { heldOn: day('2017-12-31'), other: day('2018-01-01'), omitted: undefined })).toEqual([
      { field: 'heldOn', problem: "must not be before the framework's start (2018-01-01; got 2017-12-31)" },
    ]);
  });

  it('compares calendar days, whatever the time of day', () => {
    expect(notInFuture(now, { asOf: new Date('2026-11-24T23:59:00Z') })).toEqual([]);
    expect(notInFuture(now, { asOf: day('2026-11-25') })).toEqual([
      { field: 'asOf', problem: 'must not be in the future (today is 2026-11-24; got 2026-11-25)' },
    ]);
    expect(notBefore(startOfYear(2026, 'the case year'), { on: new Date('2026-01-01T08:00:00Z') })).toEqual([]);
  });

  it('refuses the bound day itself when the date must come after it', () => {
    const meeting = { day: day('2026-11-10'), what: 'the meeting' };
    expect(after(meeting, { dueDate: day('2026-11-11') })).toEqual([]);
    expect(after(meeting, { dueDate: day('2026-11-10') })).toEqual([
      { field: 'dueDate', problem: 'must be after the meeting (2026-11-10; got 2026-11-10)' },
    ]);
  });
});
