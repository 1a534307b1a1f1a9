import type { Filter } from '../../kit/store/port.ts';
import { isOverdueDecision } from './decisionState.ts';
import type { DecisionDoc, DecisionStatus } from './models.ts';

/*
 * The filters and orders of a list of decisions, shared by `Query.decisions`, a body's
 * `decisions` and the meeting pack. Status, body and due date are asked of the store; `overdue`
 * depends on today, so it is applied to what the store returns.
 */

export type DecisionOrder = 'DUE_DATE' | 'MEETING_DATE';

export interface DecisionFilter {
  status?: readonly DecisionStatus[] | null;
  overdue?: boolean | null;
  dueBefore?: Date | null;
  bodyIds?: readonly string[] | null;
}

/** What the store can answer of the filter. */
export function decisionQuery(filter: DecisionFilter): Filter {
  const query: Filter = {};
  if (filter.status) query.status = { $in: [...filter.status] };
  if (filter.bodyIds) query.bodyId = { $in: [...filter.bodyIds] };
  // The embedded store takes null for less than any date: undated decisions are left out by name.
  if (filter.dueBefore) query.dueDate = { $lt: filter.dueBefore, $ne: null };
  return query;
}

const byMeetingThenNumber = (a: DecisionDoc, b: DecisionDoc) =>
  b.heldOn.getTime() - a.heldOn.getTime() || a.bodyId.localeCompare(b.bodyId) || a.position - b.position;

const dueTime = (d: DecisionDoc) => d.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;

const orders: Record<DecisionOrder, (a: DecisionDoc, b: DecisionDoc) => number> = {
  // The earliest due is the most overdue of the open ones; undated last.
  DUE_DATE: (a, b) => dueTime(a) - dueTime(b) || byMeetingThenNumber(a, b),
  MEETING_DATE: byMeetingThenNumber,
};

/** The decisions that pass the part of the filter that depends on today, in the order asked. */
export function decisionsListed(
  decisions: readonly DecisionDoc[],
  filter: DecisionFilter,
  today: Date,
  order: DecisionOrder = 'DUE_DATE',
): DecisionDoc[] {
  const kept =
    filter.overdue === undefined || filter.overdue === null
      ? [...decisions]
      : decisions.filter((d) => isOverdueDecision(d, today) === filter.overdue);
  return kept.sort(orders[order]);
}
