import { daysBetween } from '../../kit/clock.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import type { ActionItemDoc, MeetingDoc } from './models.ts';

/*
 * Whether a body keeps to its cadence and who turns up. A body is due to meet one cadence
 * interval after it last met, and overdue from the day after that; a body that has never met
 * is overdue. Dates are whole calendar days (UTC).
 */

export function addCadence(from: Date, cadence: CoordinationBodyDoc['cadence']): Date {
  const next = new Date(from);
  if (cadence.unit === 'WEEK') next.setUTCDate(next.getUTCDate() + 7 * cadence.interval);
  else {
    next.setUTCMonth(next.getUTCMonth() + cadence.interval);
    // Three months after 30 November is the end of February, not 2 March.
    if (next.getUTCDate() !== from.getUTCDate()) next.setUTCDate(0);
  }
  return next;
}

export interface CadenceState {
  lastMetOn: Date | null;
  nextMeetingDue: Date | null;
  overdue: boolean;
  /** Days past the due date; 0 when not overdue. */
  daysOverdue: number;
}

export function cadenceState(
  body: Pick<CoordinationBodyDoc, 'cadence'>,
  meetings: readonly Pick<MeetingDoc, 'heldOn'>[],
  today: Date,
): CadenceState {
  if (meetings.length === 0) return { lastMetOn: null, nextMeetingDue: null, overdue: true, daysOverdue: 0 };
  const lastMetOn = new Date(Math.max(...meetings.map((m) => m.heldOn.getTime())));
  const nextMeetingDue = addCadence(lastMetOn, body.cadence);
  const late = daysBetween(nextMeetingDue, today);
  return { lastMetOn, nextMeetingDue, overdue: late > 0, daysOverdue: Math.max(0, late) };
}

export interface SectorAttendance {
  sectorId: string;
  expected: number;
  attended: number;
  /** attended / expected, 0 to 1; null when the sector was never expected. */
  rate: number | null;
}

/** How often one party (a sector, an organisation) attended the meetings that recorded it. */
export interface AttendanceCount {
  key: string;
  expected: number;
  attended: number;
  /** attended / expected, 0 to 1; null when never expected. */
  rate: number | null;
}

/** Each party's attendance over the meetings that recorded it, in first-seen order. */
export function attendanceCounts(meetings: readonly (readonly { key: string; present: boolean }[])[]): AttendanceCount[] {
  const rows = new Map<string, AttendanceCount>();
  for (const attendance of meetings) {
    for (const { key, present } of attendance) {
      const row = rows.get(key) ?? { key, expected: 0, attended: 0, rate: null };
      row.expected += 1;
      row.attended += present ? 1 : 0;
      row.rate = Math.round((row.attended / row.expected) * 1000) / 1000;
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

/** Each sector's attendance over the meetings it was seated at, in first-seen order. */
export function attendanceRates(meetings: readonly Pick<MeetingDoc, 'attendance'>[]): SectorAttendance[] {
  return attendanceCounts(meetings.map((m) => m.attendance.map((a) => ({ key: a.sectorId, present: a.present })))).map(
    ({ key, ...counts }) => ({ sectorId: key, ...counts }),
  );
}

/** Open means not done and not dropped. */
export const isOpen = (item: Pick<ActionItemDoc, 'status'>) => item.status === 'OPEN' || item.status === 'IN_PROGRESS';

/** An open item is overdue from the day after its due date. */
export const isOverdueItem = (item: Pick<ActionItemDoc, 'status' | 'dueDate'>, today: Date) =>
  isOpen(item) && daysBetween(item.dueDate, today) > 0;
