import { describe, expect, it } from 'vitest';
import { daysOverdue, deliveryState, summariseDelivery } from './delivery.ts';

const today = new Date('2026-11-24T12:00:00Z');
const due = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('deliveryState', () => {
  it('is due, not late, on its due date and overdue the day after', () => {
    expect(deliveryState({ status: 'IN_PROGRESS', dueDate: due('2026-11-24') }, today)).toBe('ON_TRACK');
    expect(deliveryState({ status: 'IN_PROGRESS', dueDate: due('2026-11-23') }, today)).toBe('OVERDUE');
  });

  it('counts a completed action as done whatever its due date', () => {
    expect(deliveryState({ status: 'COMPLETED', dueDate: due('2020-01-01') }, today)).toBe('DONE');
  });

  it('flags not-started actions inside the 30-day window, and delayed ones, as at risk', () => {
    expect(deliveryState({ status: 'NOT_STARTED', dueDate: due('2026-12-24') }, today)).toBe('AT_RISK');
    expect(deliveryState({ status: 'NOT_STARTED', dueDate: due('2026-12-25') }, today)).toBe('ON_TRACK');
    expect(deliveryState({ status: 'DELAYED', dueDate: due('2027-06-01') }, today)).toBe('AT_RISK');
  });

  it('treats a missing record, status or due date as not reported', () => {
    expect(deliveryState(null, today)).toBe('NOT_REPORTED');
    expect(deliveryState({ status: null, dueDate: due('2027-01-01') }, today)).toBe('NOT_REPORTED');
    expect(deliveryState({ status: 'IN_PROGRESS', dueDate: null }, today)).toBe('NOT_REPORTED');
  });
});

describe('daysOverdue', () => {
  it('counts whole days from the day after the due date, and nothing for an action that is not overdue', () => {
    expect(daysOverdue({ status: 'IN_PROGRESS', dueDate: due('2026-11-23') }, today)).toBe(1);
    expect(daysOverdue({ status: 'DELAYED', dueDate: due('2026-09-30') }, today)).toBe(55);
    expect(daysOverdue({ status: 'IN_PROGRESS', dueDate: due('2026-11-24') }, today)).toBe(0);
    expect(daysOverdue({ status: 'COMPLETED', dueDate: due('2020-01-01') }, today)).toBe(0);
    expect(daysOverdue({ status: null, dueDate: due('2020-01-01') }, today)).toBe(0);
    expect(daysOverdue(null, today)).toBe(0);
  });
});

const records = [
  { _id: 'a1', status: 'COMPLETED' as const, dueDate: due('2026-01-01') },
  { _id: 'a2', status: 'IN_PROGRESS' as const, dueDate: due('2026-01-01') },
  { _id: 'a3', status: 'IN_PROGRESS' as const, dueDate: due('2027-01-01') },
  { _id: 'a4', status: 'DELAYED' as const, dueDate: due('2027-01-01') },
  { _id: 'a5', status: null, dueDate: null },
];

describe('summariseDelivery', () => {
  it('puts every action in exactly one state', () => {
    const summary = summariseDelivery(records, today);
    expect(summary).toEqual({ total: 5, onTrack: 1, atRisk: 1, overdue: 1, done: 1, notReported: 1 });
  });

  it('counts every action the framework says the sector leads, one it has no record of as not reported', () => {
    const summary = summariseDelivery(records, today, ['a1', 'a2', 'a9']);
    expect(summary).toEqual({ total: 3, onTrack: 0, atRisk: 0, overdue: 1, done: 1, notReported: 1 });
  });
});
