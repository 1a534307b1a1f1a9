import { daysBetween } from '../../kit/clock.ts';
import type { DecisionDoc, DecisionStatus } from './models.ts';

/*
 * Whether a decision is still open and how late it is. Open means OPEN or IN_PROGRESS; one left
 * UNTRACKED by the upgrade is neither open nor closed, so it is never counted late. Like an action
 * item, an open decision is overdue from the day after its due date; one with no due date never is.
 */

export const openDecisionStatuses: readonly DecisionStatus[] = ['OPEN', 'IN_PROGRESS'];

export const isOpenDecision = (decision: Pick<DecisionDoc, 'status'>) => openDecisionStatuses.includes(decision.status);

/** Days past the due date while open; 0 when not overdue. */
export function decisionDaysOverdue(decision: Pick<DecisionDoc, 'status' | 'dueDate'>, today: Date): number {
  if (!isOpenDecision(decision) || !decision.dueDate) return 0;
  return Math.max(0, daysBetween(decision.dueDate, today));
}

export const isOverdueDecision = (decision: Pick<DecisionDoc, 'status' | 'dueDate'>, today: Date) =>
  decisionDaysOverdue(decision, today) > 0;
