import { daysBetween } from '../../kit/clock.ts';
import { isoDay } from '../../kit/plausibleDates.ts';
import type { FrameworkEventDoc } from '../frameworks/models.ts';
import type { MeetingDoc } from '../meetings/models.ts';
import type { BodyReportDoc, ObligationDoc, PeriodDoc } from './models.ts';

/*
 * Whether an obligation is met, as of today, from the recorded meetings and reports. Dates are
 * whole calendar days (UTC). A period "every year" is a calendar year (1 January to 31
 * December), the plain reading of "at least twice every year"; "within one month of" a meeting
 * ends on the same day of the next month (the month's last day when it has no such day). A duty
 * to review the framework "within five years after its publication ... and at least once every
 * five years thereafter" runs from the framework's first publication: each period ends five years
 * after the publication or the review that began it; a period with no review is missed, and the
 * next runs from the day it ended, so a late review meets the period it falls in.
 */

export type AssessmentStatus = 'MET' | 'NOT_MET' | 'DUE' | 'NOT_ASSESSED';

export interface Assessment {
  /** What was assessed, e.g. `2025` or the meeting's id. */
  label: string;
  from: Date;
  /** The last day allowed. */
  until: Date;
  status: AssessmentStatus;
  detail: string;
  /** Evidence: meetings held in the period, or the meeting reported on. */
  meetings: MeetingDoc[];
  /** Evidence: reports sent on the meeting (on time or not). */
  reports: BodyReportDoc[];
  /** Evidence: the framework events that began the period and met it (publication, reviews). */
  frameworkEvents: FrameworkEventDoc[];
}

/** What the hub records that may meet an obligation. */
export interface Evidence {
  meetings: readonly MeetingDoc[];
  reports: readonly BodyReportDoc[];
  /** The events of the framework the duty concerns, oldest first. */
  frameworkEvents?: readonly FrameworkEventDoc[];
}

export interface Evaluation {
  status: AssessmentStatus;
  assessments: Assessment[];
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** `from` plus a period, clamped to the month's end (one month after 31 January is 28 or 29 February). */
export function addPeriod(from: Date, period: PeriodDoc): Date {
  if (period.unit === 'DAY') return day(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + period.count);
  const months = period.unit === 'YEAR' ? 12 * period.count : period.count;
  const target = day(from.getUTCFullYear(), from.getUTCMonth() + months, 1);
  const lastDay = day(target.getUTCFullYear(), target.getUTCMonth() + 1, 0).getUTCDate();
  return day(target.getUTCFullYear(), target.getUTCMonth(), Math.min(from.getUTCDate(), lastDay));
}

/** The calendar periods (of whole years or months) from the one holding `from` to the one holding `today`. */
function calendarPeriods(from: Date, today: Date, period: PeriodDoc): { label: string; from: Date; until: Date }[] {
  const months = period.unit === 'YEAR' ? 12 * period.count : period.unit === 'MONTH' ? period.count : 0;
  if (months === 0) throw new Error('A period counted in days has no calendar periods');
  const periods = [];
  let start = period.unit === 'YEAR' ? day(from.getUTCFullYear(), 0, 1) : day(from.getUTCFullYear(), from.getUTCMonth(), 1);
  while (start <= today) {
    const next = day(start.getUTCFullYear(), start.getUTCMonth() + months, 1);
    const until = day(next.getUTCFullYear(), next.getUTCMonth(), 0);
    const label =
      months === 12 ? String(start.getUTCFullYear()) : `${start.toISOString().slice(0, 10)}/${until.toISOString().slice(0, 10)}`;
    periods.push({ label, from: start, until });
    start = next;
  }
  return periods;
}

/** Meet at least `times` in every calendar period; the current period is DUE until it is met. */
function atLeastPerPeriod(obligation: ObligationDoc, meetings: readonly MeetingDoc[], today: Date): Assessment[] {
  const { times, period } = obligation.rule;
  return calendarPeriods(obligation.assessedFrom, today, period!).map((p) => {
    const held = meetings.filter((m) => m.heldOn >= p.from && m.heldOn <= p.until).sort((a, b) => +a.heldOn - +b.heldOn);
    const status = held.length >= times! ? 'MET' : p.until < today ? 'NOT_MET' : 'DUE';
    return { ...p, status, detail: `${held.length} of at least ${times}`, meetings: held, reports: [], frameworkEvents: [] };
  });
}

/** Report on each meeting held since `assessedFrom`, to the one it is owed to, within the period allowed. */
function reportOnEachMeeting(obligation: ObligationDoc, meetings: readonly MeetingDoc[], reports: readonly BodyReportDoc[], today: Date) {
  const allowed = obligation.rule.period!;
  return meetings
    .filter((m) => m.heldOn >= obligation.assessedFrom && m.heldOn <= today)
    .sort((a, b) => +a.heldOn - +b.heldOn)
    .map((meeting): Assessment => {
      const until = addPeriod(meeting.heldOn, allowed);
      const sent = reports
        .filter((r) => r.meetingId === meeting._id && (!obligation.owedToId || r.sentToId === obligation.owedToId))
        .sort((a, b) => +a.sentOn - +b.sentOn);
      const first = sent[0];
      const base = { label: meeting._id, from: meeting.heldOn, until, meetings: [meeting], reports: sent, frameworkEvents: [] };
      if (first && first.sentOn <= until) return { ...base, status: 'MET', detail: `reported on ${isoDay(first.sentOn)}` };
      if (first)
        return { ...base, status: 'NOT_MET', detail: `reported on ${isoDay(first.sentOn)}, ${daysLate(until, first.sentOn)} late` };
      if (until < today) return { ...base, status: 'NOT_MET', detail: `no report; due by ${isoDay(until)}` };
      return { ...base, status: 'DUE', detail: `no report yet; due by ${isoDay(until)}` };
    });
}

const daysLate = (until: Date, sentOn: Date) => {
  const days = daysBetween(until, sentOn);
  return days === 1 ? '1 day' : `${days} days`;
};

const span = (from: Date, until: Date) => `${isoDay(from)}/${isoDay(until)}`;

/**
 * Review the framework within `period` of its first publication and then within `period` of each
 * review; periods that ended before `assessedFrom` are left out, the clock still running through
 * them. Not assessed while no publication is recorded: the first period has not begun. A framework
 * superseded is done with: the period in which another took its place is met by that replacement
 * (the outcome of a review), and none is opened after it.
 */
function reviewEvery(obligation: ObligationDoc, events: readonly FrameworkEventDoc[], today: Date): Assessment[] | null {
  const period = obligation.rule.period!;
  const published = events.find((e) => e.kind === 'PUBLISHED');
  if (!published) return null;
  const reviews = events.filter((e) => e.kind === 'REVIEWED');
  const superseded = events.find((e) => e.kind === 'SUPERSEDED');
  const assessments: Assessment[] = [];
  const assessed = () => assessments.filter((a) => a.until >= obligation.assessedFrom);
  let opened = published;
  let from = published.on;
  for (;;) {
    const until = addPeriod(from, period);
    const review = reviews.find((r) => r.on > from && r.on <= until);
    const base = { label: span(from, until), from, until, meetings: [], reports: [] };
    if (superseded && superseded.on <= until && (!review || superseded.on < review.on)) {
      const detail = `superseded on ${isoDay(superseded.on)}`;
      assessments.push({ ...base, status: 'MET', detail, frameworkEvents: [opened, superseded] });
      return assessed();
    }
    if (review) {
      assessments.push({ ...base, status: 'MET', detail: `reviewed on ${isoDay(review.on)}`, frameworkEvents: [opened, review] });
      opened = review;
      from = review.on;
    } else if (until >= today) {
      assessments.push({ ...base, status: 'DUE', detail: `no review yet; due by ${isoDay(until)}`, frameworkEvents: [opened] });
      return assessed();
    } else {
      assessments.push({ ...base, status: 'NOT_MET', detail: `no review; due by ${isoDay(until)}`, frameworkEvents: [opened] });
      from = until;
    }
  }
}

/** Done by the day `dueBy`, once, from `assessedFrom`: a meeting held, or a review of the framework. */
function byDate(obligation: ObligationDoc, evidence: Evidence, today: Date): Assessment {
  const from = obligation.assessedFrom;
  const until = obligation.rule.dueBy!;
  const meetings =
    obligation.duty === 'MEET' ? evidence.meetings.filter((m) => m.heldOn >= from).sort((a, b) => +a.heldOn - +b.heldOn) : [];
  const reviews =
    obligation.duty === 'REVIEW_FRAMEWORK' ? (evidence.frameworkEvents ?? []).filter((e) => e.kind === 'REVIEWED' && e.on >= from) : [];
  const done = [...meetings.map((m) => m.heldOn), ...reviews.map((e) => e.on)].sort((a, b) => +a - +b)[0];
  const what = obligation.duty === 'MEET' ? 'met' : 'reviewed';
  const base = {
    label: `by ${isoDay(until)}`,
    from,
    until,
    meetings: meetings.slice(0, 1),
    reports: [],
    frameworkEvents: reviews.slice(0, 1),
  };
  if (done && done <= until) return { ...base, status: 'MET', detail: `${what} on ${isoDay(done)}` };
  if (done) return { ...base, status: 'NOT_MET', detail: `${what} on ${isoDay(done)}, ${daysLate(until, done)} late` };
  if (until < today) return { ...base, status: 'NOT_MET', detail: `not ${what}; due by ${isoDay(until)}` };
  return { ...base, status: 'DUE', detail: `not ${what} yet; due by ${isoDay(until)}` };
}

/** The assessments of a rule the hub can check with the evidence its duty names; null when it cannot. */
function assess(obligation: ObligationDoc, evidence: Evidence, today: Date): Assessment[] | null {
  const { duty } = obligation;
  switch (obligation.rule.kind) {
    case 'AT_LEAST_N_PER_PERIOD':
      return duty === 'MEET' ? atLeastPerPeriod(obligation, evidence.meetings, today) : null;
    case 'WITHIN_PERIOD_OF_EVENT':
      return duty === 'REPORT_ON_MEETING' ? reportOnEachMeeting(obligation, evidence.meetings, evidence.reports, today) : null;
    case 'EVERY_N_YEARS':
      return duty === 'REVIEW_FRAMEWORK' ? reviewEvery(obligation, evidence.frameworkEvents ?? [], today) : null;
    case 'BY_DATE':
      return duty === 'MEET' || duty === 'REVIEW_FRAMEWORK' ? [byDate(obligation, evidence, today)] : null;
  }
}

/**
 * The obligation's standing: NOT_MET when any assessed period or event failed it, DUE when none
 * failed and one is still open, MET when every one was met (or NOT_ASSESSED when the hub keeps
 * no evidence for its duty, or none yet that starts its clock).
 */
export function evaluateObligation(obligation: ObligationDoc, evidence: Evidence, today: Date): Evaluation {
  const assessments = assess(obligation, evidence, today);
  if (!assessments) return { status: 'NOT_ASSESSED', assessments: [] };
  const status = assessments.some((a) => a.status === 'NOT_MET') ? 'NOT_MET' : assessments.some((a) => a.status === 'DUE') ? 'DUE' : 'MET';
  return { status, assessments };
}
