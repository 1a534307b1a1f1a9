import { describe, expect, it } from 'vitest';
import { escalation, refuseTransition, transitions } from './lifecycle.ts';
import { referralStatuses } from './models.ts';

describe('the referral lifecycle', () => {
  it('lets the receiver accept, start and complete, and the sender revoke with a reason', () => {
    expect(refuseTransition('PENDING', 'ACCEPTED', 'receiver', null)).toBeNull();
    expect(refuseTransition('ACCEPTED', 'IN_PROGRESS', 'receiver', null)).toBeNull();
    expect(refuseTransition('IN_PROGRESS', 'DONE', 'receiver', null)).toBeNull();
    expect(refuseTransition('IN_PROGRESS', 'REVOKED', 'sender', 'consent withdrawn')).toBeNull();
  });

  it('names who may make a step when the wrong party tries it', () => {
    expect(refuseTransition('PENDING', 'ACCEPTED', 'sender', null)?.message).toMatch(/Only the receiving sector/);
    expect(refuseTransition('PENDING', 'REVOKED', 'receiver', 'x')?.message).toMatch(/Only the sending sector/);
  });

  it('asks for a reason to reject or revoke', () => {
    expect(refuseTransition('PENDING', 'REJECTED', 'receiver', '  ')?.message).toMatch(/needs a reason/);
    expect(refuseTransition('ACCEPTED', 'REVOKED', 'sender', undefined)?.message).toMatch(/needs a reason/);
  });

  it('refuses skipping steps and any change to a closed referral, saying what is allowed', () => {
    expect(refuseTransition('PENDING', 'DONE', 'receiver', null)?.message).toMatch(
      /cannot go from PENDING to DONE: from PENDING the receiver may move it to ACCEPTED/,
    );
    for (const closed of ['REJECTED', 'DONE', 'REVOKED'] as const) {
      for (const to of referralStatuses) expect(refuseTransition(closed, to, 'receiver', 'r')?.message).toMatch(/is closed/);
    }
    expect(Object.keys(transitions).sort()).toEqual([...referralStatuses].sort());
  });
});

describe('escalation', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('escalates an open referral the day after its follow-up deadline', () => {
    expect(escalation({ status: 'PENDING', followUpBy: new Date('2026-11-24') }, now)).toEqual({ escalated: false, daysOverdue: 0 });
    expect(escalation({ status: 'ACCEPTED', followUpBy: new Date('2026-11-21') }, now)).toEqual({ escalated: true, daysOverdue: 3 });
  });
  it('never escalates a referral whose service has begun or that is closed', () => {
    for (const status of ['IN_PROGRESS', 'DONE', 'REJECTED', 'REVOKED'] as const) {
      expect(escalation({ status, followUpBy: new Date('2026-01-01') }, now).escalated, status).toBe(false);
    }
  });
});
