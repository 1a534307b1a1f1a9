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

/** Whole days past the due date while the action is overdue (1 the day after it was due); 0 otherwise. */
export function daysOverdue(record: Pick<ActionRecordDoc, 'dueDate' | 'status'> | null, today: Date): number {
  return deliveryState(record, today) === 'OVERDUE' ? daysBetween(record!.dueDate!, today) : 0;
}

/**
 * The actions a sector leads, each with its record here, if any. Given the actions the framework
 * says the sector leads (from the lead ministry's registry), every one of them, one the sector has
 * no record of with none, which is not reported: a sector cannot make an action disappear from
 * what it answers by never recording it. Without them, the sector's own records.
 */
export function ledActions<R extends { _id: string }>(
  records: readonly R[],
  ledActionIds?: readonly string[],
): { id: string; record: R | null }[] {
  if (!ledActionIds) return records.map((record) => ({ id: record._id, record }));
  const byId = new Map(records.map((record) => [record._id, record]));
  return ledActionIds.map((id) => ({ id, record: byId.get(id) ?? null }));
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

/** Counts each action the sector leads (see ledActions) once, in its delivery state. */
export function summariseDelivery(records: DeliveryRecord[], today: Date, ledActionIds?: readonly string[]): DeliverySummary {
  const summary: DeliverySummary = { total: 0, onTrack: 0, atRisk: 0, overdue: 0, done: 0, notReported: 0 };
  for (const { record } of ledActions(records, ledActionIds)) {
    summary.total += 1;
    summary[field[deliveryState(record, today)]] += 1;
  }
  return summary;
}
