import { daysBetween, startOfDayUtc } from '../../kit/clock.ts';
import type { ReferralDoc, ReferralStatus } from './models.ts';

/*
 * The referral lifecycle as case-management systems run it. The receiving sector moves a
 * referral forward (accepts, rejects with a reason, starts, completes); the sending sector may
 * revoke it, with a reason, at any point before it is closed. Rejected, done and revoked are
 * final: a new hand-off is a new referral.
 */

export type Party = 'sender' | 'receiver';

interface Transition {
  to: ReferralStatus;
  by: Party;
  needsReason: boolean;
}

export const transitions: Readonly<Record<ReferralStatus, readonly Transition[]>> = {
  PENDING: [
    { to: 'ACCEPTED', by: 'receiver', needsReason: false },
    { to: 'REJECTED', by: 'receiver', needsReason: true },
    { to: 'REVOKED', by: 'sender', needsReason: true },
  ],
  ACCEPTED: [
    { to: 'IN_PROGRESS', by: 'receiver', needsReason: false },
    { to: 'REVOKED', by: 'sender', needsReason: true },
  ],
  IN_PROGRESS: [
    { to: 'DONE', by: 'receiver', needsReason: false },
    { to: 'REVOKED', by: 'sender', needsReason: true },
  ],
  REJECTED: [],
  DONE: [],
  REVOKED: [],
};

/** Statuses in which the referral is still open: another referral of the case to the same sector would duplicate it. */
export const openStatuses: readonly ReferralStatus[] = ['PENDING', 'ACCEPTED', 'IN_PROGRESS'];

/**
 * Statuses in which the receiving sector has not yet begun its service, so the follow-up day
 * can pass unanswered. Once the service is in progress, the referral has been acted on.
 */
export const awaitingStatuses: readonly ReferralStatus[] = ['PENDING', 'ACCEPTED'];

/** Statuses in which the receiving sector takes part in the case, and so may read it. */
export const engagedStatuses: readonly ReferralStatus[] = ['PENDING', 'ACCEPTED', 'IN_PROGRESS', 'DONE'];

const describeAllowed = (from: ReferralStatus) =>
  transitions[from].length === 0
    ? `a ${from} referral is closed and cannot change`
    : `from ${from} the ${transitions[from].map((t) => `${t.by} may move it to ${t.to}`).join(', the ')}`;

/** Why a step is refused: not a step of the lifecycle, not this party's step, or a reason missing. */
export interface Refusal {
  kind: 'step' | 'party' | 'reason';
  message: string;
}

/**
 * Checks one step of the lifecycle and returns null when it is allowed, or why it is not, in
 * words the caller can act on.
 */
export function refuseTransition(
  from: ReferralStatus,
  to: ReferralStatus,
  party: Party,
  reason: string | null | undefined,
): Refusal | null {
  const step = transitions[from].find((t) => t.to === to);
  if (!step) return { kind: 'step', message: `A referral cannot go from ${from} to ${to}: ${describeAllowed(from)}` };
  if (step.by !== party) {
    const who = step.by === 'sender' ? 'sending' : 'receiving';
    return { kind: 'party', message: `Only the ${who} sector may move a referral from ${from} to ${to}` };
  }
  if (step.needsReason && !reason?.trim()) return { kind: 'reason', message: `A referral moved to ${to} needs a reason` };
  return null;
}

/** Whether the follow-up day has passed on a referral still awaiting its service, and by how many days. */
export function escalation(referral: Pick<ReferralDoc, 'status' | 'followUpBy'>, now: Date): { escalated: boolean; daysOverdue: number } {
  if (!awaitingStatuses.includes(referral.status)) return { escalated: false, daysOverdue: 0 };
  const days = daysBetween(referral.followUpBy, startOfDayUtc(now));
  return days > 0 ? { escalated: true, daysOverdue: days } : { escalated: false, daysOverdue: 0 };
}
