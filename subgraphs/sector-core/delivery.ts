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

/** Counts each action once, in its delivery state. */
export function summariseDelivery(records: Pick<ActionRecordDoc, 'dueDate' | 'status'>[], today: Date): DeliverySummary {
  const summary: DeliverySummary = { total: 0, onTrack: 0, atRisk: 0, overdue: 0, done: 0, notReported: 0 };
  for (const record of records) {
    summary.total += 1;
    summary[field[deliveryState(record, today)]] += 1;
  }
  return summary;
}
