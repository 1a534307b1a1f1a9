import { describe, expect, it } from 'vitest';
import { calendarDay as day } from '../../kit/clock.ts';
import { decisionsListed } from './decisionList.ts';
import { decisionDaysOverdue } from './decisionState.ts';
import type { DecisionDoc, DecisionStatus } from './models.ts';

const today = day('2026-11-24');

function decision(id: string, status: DecisionStatus, dueDate: string | null, heldOn = '2026-06-01', position = 1): DecisionDoc {
  return {
    _id: id,
    version: 1,
    meetingId: `body-${heldOn}`,
    bodyId: 'body',
    heldOn: day(heldOn),
    position,
    code: `D${position}`,
    text: id,
    dueDate: dueDate ? day(dueDate) : null,
    actionItemIds: [],
    frameworkActionIds: [],
    status,
    updates: [],
  };
}

describe('how late a decision is', () => {
  it('counts an open decision overdue from the day after its due date, and never one closed, untracked or undated', () => {
    expect(decisionDaysOverdue(decision('a', 'OPEN', '2026-11-24'), today)).toBe(0);
    expect(decisionDaysOverdue(decision('a', 'IN_PROGRESS', '2026-11-23'), today)).toBe(1);
    expect(decisionDaysOverdue(decision('a', 'IMPLEMENTED', '2026-01-01'), today)).toBe(0);
    expect(decisionDaysOverdue(decision('a', 'UNTRACKED', '2026-01-01'), today)).toBe(0);
    expect(decisionDaysOverdue(decision('a', 'OPEN', null), today)).toBe(0);
  });
});

describe('a list of decisions', () => {
  const all = [
    decision('undated', 'OPEN', null, '2026-10-01'),
    decision('late', 'OPEN', '2026-11-01', '2026-09-01'),
    decision('later', 'IN_PROGRESS', '2026-06-10', '2026-03-01'),
    decision('done', 'IMPLEMENTED', '2026-05-01', '2026-03-01', 2),
    decision('ahead', 'OPEN', '2026-12-31', '2026-11-05'),
  ];

  it('puts the open ones first, the most overdue leading and the undated last, or the newest meeting first', () => {
    expect(decisionsListed(all, {}, today).map((d) => d._id)).toEqual(['later', 'late', 'ahead', 'undated', 'done']);
    expect(decisionsListed(all, {}, today, 'MEETING_DATE').map((d) => d._id)).toEqual(['ahead', 'undated', 'late', 'later', 'done']);
  });

  it('keeps what the filter asks for, leaving undated decisions out of a due-date bound', () => {
    const open = { status: ['OPEN', 'IN_PROGRESS'] as DecisionStatus[] };
    expect(decisionsListed(all, { ...open, dueBefore: today }, today).map((d) => d._id)).toEqual(['later', 'late']);
    expect(decisionsListed(all, { overdue: true }, today).map((d) => d._id)).toEqual(['later', 'late']);
    expect(decisionsListed(all, { overdue: false }, today).map((d) => d._id)).toEqual(['ahead', 'undated', 'done']);
    expect(decisionsListed(all, { bodyIds: ['other'] }, today)).toEqual([]);
  });
});
