import { daysBetween } from '../kit/clock.ts';
import { InvalidInputError } from '../kit/errors.ts';
import { isoDay } from '../kit/plausibleDates.ts';
import { daysOverdue, deliveryState, type DeliveryState } from './delivery.ts';
import type { ActionEntity } from './models.ts';

/*
 * A sector's list of the actions it leads, narrowed and ordered as the caller asks. Every state
 * and day count comes from delivery.ts, so the list, the delivery summary and the compliance
 * scoreboard cannot disagree about where an action stands.
 */

export type ActionOrder = 'MOST_URGENT_FIRST' | 'EARLIEST_DUE_FIRST';

export interface ActionListArgs {
  delivery?: readonly DeliveryState[] | null;
  dueBefore?: Date | null;
  dueAfter?: Date | null;
  orderBy?: ActionOrder | null;
}

/** Each delivery state's place in MOST_URGENT_FIRST: what needs attention first comes first. */
const urgency: Record<DeliveryState, number> = { OVERDUE: 0, AT_RISK: 1, NOT_REPORTED: 2, ON_TRACK: 3, DONE: 4 };

/** Action ids in natural order, so `bd-a1-2` comes before `bd-a1-10`. */
const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

interface Judged {
  action: ActionEntity;
  state: DeliveryState;
  daysOverdue: number;
  /** The due date's time, or +Infinity for an action with none, which so sorts after every dated one. */
  due: number;
}

const comparators: Record<ActionOrder, (a: Judged, b: Judged) => number> = {
  MOST_URGENT_FIRST: (a, b) =>
    urgency[a.state] - urgency[b.state] || b.daysOverdue - a.daysOverdue || a.due - b.due || naturalOrder(a.action.id, b.action.id),
  EARLIEST_DUE_FIRST: (a, b) => a.due - b.due || naturalOrder(a.action.id, b.action.id),
};

/** Refuses a window no day can be in, naming both ends: called before anything is read. */
export function checkActionListArgs({ dueBefore, dueAfter }: ActionListArgs): void {
  if (dueBefore && dueAfter && daysBetween(dueAfter, dueBefore) < 0) {
    throw new InvalidInputError('actions filter', [
      {
        field: 'dueAfter',
        problem: `(${isoDay(dueAfter)}) is after dueBefore (${isoDay(dueBefore)}): no action can be due on or after the one and on or before the other`,
      },
    ]);
  }
}

/** The actions that pass the filters (checked by checkActionListArgs), in the order asked, each judged on `today`. */
export function listActions(actions: readonly ActionEntity[], args: ActionListArgs, today: Date): ActionEntity[] {
  const { delivery, dueBefore, dueAfter } = args;
  const dueOnOrBefore = (day: Date, limit: Date) => daysBetween(day, limit) >= 0;
  return actions
    .map((action): Judged => ({
      action,
      state: deliveryState(action.record, today),
      daysOverdue: daysOverdue(action.record, today),
      due: action.record?.dueDate?.getTime() ?? Number.POSITIVE_INFINITY,
    }))
    .filter(({ action, state }) => {
      const dueDate = action.record?.dueDate;
      if (delivery && !delivery.includes(state)) return false;
      if (dueBefore && !(dueDate && dueOnOrBefore(dueDate, dueBefore))) return false;
      if (dueAfter && !(dueDate && dueOnOrBefore(dueAfter, dueDate))) return false;
      return true;
    })
    .sort(comparators[args.orderBy ?? 'MOST_URGENT_FIRST'])
    .map(({ action }) => action);
}
