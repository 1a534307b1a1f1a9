import { daysBetween } from '../kit/clock.ts';
import type { ActionRecordDoc } from './models.ts';

export type DeliveryState = 'ON_TRACK' | 'AT_RISK' | 'OVERDUE' | 'DONE' | 'NOT_REPORTED';

/**
 * An action not yet started this close to its due date is at risk: a month is the shortest
 * cycle at which the coordination bodies meet (Bangladesh's coordination committee), so a
 * problem flagged later than this reaches no meeting in time.
 */
export const AT_RISK_WINDOW_DAYS = 30;

/**
 * Where an action stands today. An action is overdue from the day after its due date;
 * on its due date it is still due, not late.
 */
export function deliveryState(record: Pick<ActionRecordDoc, 'dueDate' | 'status'> | null, today: Date): DeliveryState {
  if (!record || !record.status) return 'NOT_REPORTED';
  if (record.status === 'COMPLETED') return 'DONE';
  if (!record.dueDate) return 'NOT_REPORTED';
  const daysLeft = daysBetween(today, record.dueDate);
  if (daysLeft < 0) return 'OVERDUE';
  if (record.status === 'DELAYED') return 'AT_RISK';
  if (record.status === 'NOT_STARTED' && daysLeft <= AT_RISK_WINDOW_DAYS) return 'AT_RISK';
  return 'ON_TRACK';
}

export interface DeliverySummary {
  total: number;
  onTrack: number;
  atRisk: number;
  overdue: number;
  done: number;
  notReported: number;
}

const field: Record<DeliveryState, keyof DeliverySummary> = {
  ON_TRACK: 'onTrack',
  AT_RISK: 'atRisk',
  OVERDUE: 'overdue',
  DONE: 'done',
  NOT_REPORTED: 'notReported',
};

type DeliveryRecord = Pick<ActionRecordDoc, '_id' | 'dueDate' | 'status'>;

/**
 * Counts each action once, in its delivery state. Given the actions the framework says the
 * sector leads (from the lead ministry's registry), every one of them is counted, and one the
 * sector has no record of is not reported: a sector cannot make an action disappear from its
 * summary by never recording it. Without them, the sector's own records are counted.
 */
export function summariseDelivery(records: DeliveryRecord[], today: Date, ledActionIds?: readonly string[]): DeliverySummary {
  const summary: DeliverySummary = { total: 0, onTrack: 0, atRisk: 0, overdue: 0, done: 0, notReported: 0 };
  const byId = new Map(records.map((record) => [record._id, record]));
  const counted = ledActionIds ? ledActionIds.map((id) => byId.get(id) ?? null) : records;
  for (const record of counted) {
    summary.total += 1;
    summary[field[deliveryState(record, today)]] += 1;
  }
  return summary;
}
