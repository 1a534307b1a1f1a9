import { describe, expect, it } from 'vitest';
import { attendanceRates, cadenceState, isOverdueItem } from './cadence.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
const quarterly = { cadence: { interval: 3, unit: 'MONTH' as const, description: 'quarterly' } };
const sixWeekly = { cadence: { interval: 6, unit: 'WEEK' as const, description: 'every six weeks' } };

describe('meeting cadence', () => {
  it('is due one interval after the last meeting: not overdue that day, overdue the day after', () => {
    const met = [{ heldOn: day('2026-05-10') }, { heldOn: day('2026-08-24') }];
    const dueDay = cadenceState(quarterly, met, day('2026-11-24'));
    expect({ ...dueDay, lastMetOn: iso(dueDay.lastMetOn), nextMeetingDue: iso(dueDay.nextMeetingDue) }).toEqual({
      lastMetOn: '2026-08-24',
      nextMeetingDue: '2026-11-24',
      overdue: false,
      daysOverdue: 0,
    });
    expect(cadenceState(quarterly, met, day('2026-11-25'))).toMatchObject({ overdue: true, daysOverdue: 1 });
  });

  it('counts weeks, and a body that never met is overdue', () => {
    expect(iso(cadenceState(sixWeekly, [{ heldOn: day('2026-10-01') }], day('2026-10-02')).nextMeetingDue)).toBe('2026-11-12');
    expect(cadenceState(sixWeekly, [], day('2026-10-02'))).toMatchObject({ lastMetOn: null, overdue: true });
    expect(iso(cadenceState(quarterly, [{ heldOn: day('2026-11-30') }], day('2026-12-01')).nextMeetingDue)).toBe('2027-02-28');
  });

  it("rates each sector's attendance over the meetings it was seated at", () => {
    const rates = attendanceRates([
      {
        attendance: [
          { sectorId: 'health', present: true },
          { sectorId: 'police', present: false },
        ],
      },
      {
        attendance: [
          { sectorId: 'health', present: true },
          { sectorId: 'police', present: true },
          { sectorId: 'justice', present: false },
        ],
      },
      {
        attendance: [
          { sectorId: 'health', present: false },
          { sectorId: 'police', present: true },
        ],
      },
    ]);
    expect(rates).toEqual([
      { sectorId: 'health', expected: 3, attended: 2, rate: 0.667 },
      { sectorId: 'police', expected: 3, attended: 2, rate: 0.667 },
      { sectorId: 'justice', expected: 1, attended: 0, rate: 0 },
    ]);
  });

  it('treats an open action item as overdue from the day after it is due, and a done one never', () => {
    const item = { status: 'OPEN' as const, dueDate: day('2026-11-24') };
    expect(isOverdueItem(item, day('2026-11-24'))).toBe(false);
    expect(isOverdueItem(item, day('2026-11-25'))).toBe(true);
    expect(isOverdueItem({ ...item, status: 'DONE' }, day('2026-12-25'))).toBe(false);
  });
});
