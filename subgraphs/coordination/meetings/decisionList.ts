import type { Filter } from '../../kit/store/port.ts';
import { isOpenDecision, isOverdueDecision } from './decisionState.ts';
import type { DecisionDoc, DecisionStatus } from './models.ts';

/*
 * The filters and orders of a list of decisions, shared by `Query.decisions`, a body's
 * `decisions` and the meeting pack. A list read from the store asks it for what it can answer
 * (status, body, due date); every list, however read (a body's come from a loader that reads the
 * decisions of every body asked for at once), is then filtered whole here, `overdue` included,
 * which depends on today.
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
  // Open ones first, so the earliest due leads as the most overdue; undated last in each part.
  DUE_DATE: (a, b) => Number(isOpenDecision(b)) - Number(isOpenDecision(a)) || dueTime(a) - dueTime(b) || byMeetingThenNumber(a, b),
  MEETING_DATE: byMeetingThenNumber,
};

/** The decisions that pass the filter, in the order asked. */
export function decisionsListed(
  decisions: readonly DecisionDoc[],
  filter: DecisionFilter,
  today: Date,
  order: DecisionOrder = 'DUE_DATE',
): DecisionDoc[] {
  const { status, bodyIds, dueBefore, overdue } = filter;
  const kept = decisions.filter(
    (d) =>
      (!status || status.includes(d.status)) &&
      (!bodyIds || bodyIds.includes(d.bodyId)) &&
      (!dueBefore || (d.dueDate != null && d.dueDate < dueBefore)) &&
      (overdue == null || isOverdueDecision(d, today) === overdue),
  );
  return kept.sort(orders[order]);
}
