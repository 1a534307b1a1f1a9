import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { checkActionListArgs, listActions, type ActionListArgs } from './actionList.ts';
import type { ActionEntity, ActionStatus } from './models.ts';

const today = new Date('2026-11-24T00:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const action = (id: string, status: ActionStatus | null, due: string | null): ActionEntity => ({
  id,
  record: { _id: id, version: 1, status, dueDate: due ? day(due) : null, updatedAt: today },
});

// Listed in no meaningful order; the comments give each one's delivery state on 2026-11-24.
const actions = [
  action('a-done', 'COMPLETED', '2026-01-31'), // DONE, though its due date has passed
  action('a-track-late', 'IN_PROGRESS', '2027-06-30'), // ON_TRACK
  action('a-over-3', 'IN_PROGRESS', '2026-11-21'), // OVERDUE by 3 days
  { id: 'a-silent', record: null }, // NOT_REPORTED: no record at all
  action('a-risk-late', 'DELAYED', '2027-03-31'), // AT_RISK
  action('a-over-40', 'DELAYED', '2026-10-15'), // OVERDUE by 40 days
  action('a-unreported-dated', null, '2026-12-31'), // NOT_REPORTED: a due date but no status
  action('a-track-early', 'IN_PROGRESS', '2027-01-31'), // ON_TRACK
  action('a-risk-early', 'NOT_STARTED', '2026-12-10'), // AT_RISK: not started within 30 days
  action('a-over-1', 'NOT_STARTED', '2026-11-23'), // OVERDUE by 1 day
];
const ids = (args: ActionListArgs) => listActions(actions, args, today).map((a) => a.id);

describe('a sector list of its actions', () => {
  it('puts the most urgent first: overdue by days overdue, at risk by due date, not reported, on track by due date, done last', () => {
    expect(ids({})).toEqual([
      'a-over-40',
      'a-over-3',
      'a-over-1',
      'a-risk-early',
      'a-risk-late',
      'a-unreported-dated',
      'a-silent',
      'a-track-early',
      'a-track-late',
      'a-done',
    ]);
  });

  it('orders by due date alone when asked, actions with none last, ties by id in natural order', () => {
    const tied = [action('x-10', 'IN_PROGRESS', '2027-01-01'), action('x-2', 'COMPLETED', '2027-01-01'), { id: 'x-1', record: null }];
    expect(listActions(tied, { orderBy: 'EARLIEST_DUE_FIRST' }, today).map((a) => a.id)).toEqual(['x-2', 'x-10', 'x-1']);
    expect(ids({ orderBy: 'EARLIEST_DUE_FIRST' }).slice(0, 3)).toEqual(['a-done', 'a-over-40', 'a-over-3']);
  });

  it('keeps only the delivery states asked for; an empty list keeps none', () => {
    expect(ids({ delivery: ['OVERDUE'] })).toEqual(['a-over-40', 'a-over-3', 'a-over-1']);
    expect(ids({ delivery: ['NOT_REPORTED', 'DONE'] })).toEqual(['a-unreported-dated', 'a-silent', 'a-done']);
    expect(ids({ delivery: [] })).toEqual([]);
  });

  it('counts both ends of the due window in, and leaves out actions with no due date', () => {
    expect(ids({ dueAfter: day('2026-11-21'), dueBefore: day('2026-12-10') })).toEqual(['a-over-3', 'a-over-1', 'a-risk-early']);
    expect(ids({ dueBefore: day('2026-10-15') })).toEqual(['a-over-40', 'a-done']);
    expect(ids({ dueAfter: day('2027-03-31') })).toEqual(['a-risk-late', 'a-track-late']);
    expect(ids({ dueAfter: day('2026-11-23'), dueBefore: day('2026-11-23') })).toEqual(['a-over-1']);
  });

  it('refuses a window that ends before it starts, naming both days', () => {
    const thrown = (() => {
      try {
        checkActionListArgs({ dueAfter: day('2026-12-01'), dueBefore: day('2026-11-30') });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).message).toMatch(/dueAfter \(2026-12-01\) is after dueBefore \(2026-11-30\)/);
    expect((thrown as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect(() => checkActionListArgs({ dueAfter: day('2026-12-01'), dueBefore: day('2026-12-01') })).not.toThrow();
  });
});
