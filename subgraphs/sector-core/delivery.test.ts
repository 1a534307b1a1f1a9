import { describe, expect, it } from 'vitest';
import { deliveryState, summariseDelivery } from './delivery.ts';

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

describe('summariseDelivery', () => {
  it('puts every action in exactly one state', () => {
    const summary = summariseDelivery(
      [
        { status: 'COMPLETED', dueDate: due('2026-01-01') },
        { status: 'IN_PROGRESS', dueDate: due('2026-01-01') },
        { status: 'IN_PROGRESS', dueDate: due('2027-01-01') },
        { status: 'DELAYED', dueDate: due('2027-01-01') },
        { status: null, dueDate: null },
      ],
      today,
    );
    expect(summary).toEqual({ total: 5, onTrack: 1, atRisk: 1, overdue: 1, done: 1, notReported: 1 });
  });
});
