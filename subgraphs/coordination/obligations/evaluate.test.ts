import { describe, expect, it } from 'vitest';
import type { FrameworkEventDoc } from '../frameworks/models.ts';
import type { MeetingDoc } from '../meetings/models.ts';
import { addPeriod, evaluateObligation } from './evaluate.ts';
import type { BodyReportDoc, ObligationDoc } from './models.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const meeting = (heldOn: string) => ({ _id: `b-${heldOn}`, bodyId: 'b', heldOn: day(heldOn) }) as MeetingDoc;
const report = (heldOn: string, sentOn: string, sentToId = 'minister') =>
  ({ _id: `b-${heldOn}-report`, bodyId: 'b', meetingId: `b-${heldOn}`, sentToId, sentOn: day(sentOn) }) as BodyReportDoc;
const base = { _id: 'o', version: 1, holderId: 'b', holderKind: 'BODY' as const, summary: 's', order: 0, source: { title: 't' } };
const twiceAYear: ObligationDoc = {
  ...base,
  duty: 'MEET',
  rule: { kind: 'AT_LEAST_N_PER_PERIOD', times: 2, period: { count: 1, unit: 'YEAR' } },
  assessedFrom: day('2025-03-01'),
};
const reportWithinAMonth: ObligationDoc = {
  ...base,
  duty: 'REPORT_ON_MEETING',
  owedToId: 'minister',
  rule: { kind: 'WITHIN_PERIOD_OF_EVENT', period: { count: 1, unit: 'MONTH' } },
  assessedFrom: day('2025-01-01'),
};

describe('periods', () => {
  it('ends a month on the same day of the next month, or its last day when it has none', () => {
    expect(iso(addPeriod(day('2026-05-21'), { count: 1, unit: 'MONTH' }))).toBe('2026-06-21');
    expect(iso(addPeriod(day('2026-01-31'), { count: 1, unit: 'MONTH' }))).toBe('2026-02-28');
    expect(iso(addPeriod(day('2024-01-31'), { count: 1, unit: 'MONTH' }))).toBe('2024-02-29');
    expect(iso(addPeriod(day('2024-02-29'), { count: 5, unit: 'YEAR' }))).toBe('2029-02-28');
    expect(iso(addPeriod(day('2026-12-20'), { count: 30, unit: 'DAY' }))).toBe('2027-01-19');
  });
});

describe('at least N per calendar period', () => {
  it('counts whole calendar years from the one assessment starts in; the year in progress is DUE until met', () => {
    const held = [meeting('2025-01-15'), meeting('2025-06-01'), meeting('2026-03-01')];
    const { status, assessments } = evaluateObligation(twiceAYear, { meetings: held, reports: [] }, day('2026-11-24'));
    expect(assessments.map((a) => [a.label, iso(a.from), iso(a.until), a.status, a.detail])).toEqual([
      ['2025', '2025-01-01', '2025-12-31', 'MET', '2 of at least 2'],
      ['2026', '2026-01-01', '2026-12-31', 'DUE', '1 of at least 2'],
    ]);
    expect(status).toBe('DUE');
    expect(evaluateObligation(twiceAYear, { meetings: held, reports: [] }, day('2027-01-01')).status).toBe('NOT_MET');
  });
});

describe('within a period of every meeting', () => {
  it('is met by a report sent on the last day, not by one a day later or to someone else', () => {
    const held = [meeting('2026-01-31'), meeting('2026-05-21'), meeting('2026-08-13')];
    const sent = [report('2026-01-31', '2026-02-28'), report('2026-05-21', '2026-06-22'), report('2026-08-13', '2026-08-20', 'press')];
    const { status, assessments } = evaluateObligation(reportWithinAMonth, { meetings: held, reports: sent }, day('2026-09-01'));
    expect(assessments.map((a) => [a.label, a.status, a.detail])).toEqual([
      ['b-2026-01-31', 'MET', 'reported on 2026-02-28'],
      ['b-2026-05-21', 'NOT_MET', 'reported on 2026-06-22, 1 day late'],
      ['b-2026-08-13', 'DUE', 'no report yet; due by 2026-09-13'],
    ]);
    expect(status).toBe('NOT_MET');
  });

  it('does not assess meetings before assessment starts', () => {
    const held = [meeting('2024-12-20'), meeting('2025-02-01')];
    const { assessments } = evaluateObligation(reportWithinAMonth, { meetings: held, reports: [] }, day('2026-01-01'));
    expect(assessments.map((a) => a.label)).toEqual(['b-2025-02-01']);
  });
});

const event = (kind: FrameworkEventDoc['kind'], on: string) => ({ kind, on: day(on), description: kind }) as FrameworkEventDoc;
const reviewEveryFiveYears: ObligationDoc = {
  ...base,
  holderKind: 'ORGANISATION',
  duty: 'REVIEW_FRAMEWORK',
  rule: { kind: 'EVERY_N_YEARS', period: { count: 5, unit: 'YEAR' } },
  assessedFrom: day('2010-01-01'),
};
const labels = (assessments: { label: string; status: string; detail: string }[]) => assessments.map((a) => [a.label, a.status, a.detail]);

describe('a review every five years, from the framework events', () => {
  const today = day('2026-11-24');
  it('is not assessed while no publication starts the clock', () => {
    const evaluation = evaluateObligation(
      reviewEveryFiveYears,
      { meetings: [], reports: [], frameworkEvents: [event('ADOPTED', '2012-01-01')] },
      today,
    );
    expect(evaluation).toEqual({ status: 'NOT_ASSESSED', assessments: [] });
  });

  it('runs each period from the publication or the review before; a missed period is followed by one from its end', () => {
    const events = [event('PUBLISHED', '2011-06-01'), event('REVIEWED', '2015-03-01'), event('REVIEWED', '2024-01-10')];
    const { status, assessments } = evaluateObligation(reviewEveryFiveYears, { meetings: [], reports: [], frameworkEvents: events }, today);
    expect(labels(assessments)).toEqual([
      ['2011-06-01/2016-06-01', 'MET', 'reviewed on 2015-03-01'],
      ['2015-03-01/2020-03-01', 'NOT_MET', 'no review; due by 2020-03-01'],
      ['2020-03-01/2025-03-01', 'MET', 'reviewed on 2024-01-10'],
      ['2024-01-10/2029-01-10', 'DUE', 'no review yet; due by 2029-01-10'],
    ]);
    expect(assessments[0]!.frameworkEvents.map((e) => e.kind)).toEqual(['PUBLISHED', 'REVIEWED']);
    expect(status).toBe('NOT_MET');
  });

  it('leaves out the periods that ended before assessment began', () => {
    const events = [event('PUBLISHED', '2011-06-01')];
    const later = { ...reviewEveryFiveYears, assessedFrom: day('2025-01-01') };
    const { status, assessments } = evaluateObligation(later, { meetings: [], reports: [], frameworkEvents: events }, today);
    expect(labels(assessments)).toEqual([
      ['2021-06-01/2026-06-01', 'NOT_MET', 'no review; due by 2026-06-01'],
      ['2026-06-01/2031-06-01', 'DUE', 'no review yet; due by 2031-06-01'],
    ]);
    expect(status).toBe('NOT_MET');
  });

  it('ends when the framework is superseded: the replacement meets the period it falls in, and no later one opens', () => {
    const events = [event('PUBLISHED', '2011-06-01'), event('REVIEWED', '2015-03-01'), event('SUPERSEDED', '2019-07-01')];
    const { status, assessments } = evaluateObligation(reviewEveryFiveYears, { meetings: [], reports: [], frameworkEvents: events }, today);
    expect(labels(assessments)).toEqual([
      ['2011-06-01/2016-06-01', 'MET', 'reviewed on 2015-03-01'],
      ['2015-03-01/2020-03-01', 'MET', 'superseded on 2019-07-01'],
    ]);
    expect(assessments[1]!.frameworkEvents.map((e) => e.kind)).toEqual(['REVIEWED', 'SUPERSEDED']);
    expect(status).toBe('MET');
  });

  it('does not count a review on the day of publication as the review of that period', () => {
    const events = [event('PUBLISHED', '2023-04-01'), event('REVIEWED', '2023-04-01')];
    const { assessments } = evaluateObligation(reviewEveryFiveYears, { meetings: [], reports: [], frameworkEvents: events }, today);
    expect(labels(assessments)).toEqual([['2023-04-01/2028-04-01', 'DUE', 'no review yet; due by 2028-04-01']]);
  });
});

describe('by a date', () => {
  const reviewBy: ObligationDoc = {
    ...reviewEveryFiveYears,
    rule: { kind: 'BY_DATE', dueBy: day('2026-03-31') },
    assessedFrom: day('2025-01-01'),
  };
  const meetBy: ObligationDoc = { ...twiceAYear, rule: { kind: 'BY_DATE', dueBy: day('2027-03-31') }, assessedFrom: day('2026-01-01') };
  it('is met by a review on or before the day, late after it, and failed or due without one', () => {
    const on = (events: FrameworkEventDoc[], today = '2026-11-24') =>
      evaluateObligation(reviewBy, { meetings: [], reports: [], frameworkEvents: events }, day(today));
    expect(labels(on([event('REVIEWED', '2026-03-31')]).assessments)).toEqual([['by 2026-03-31', 'MET', 'reviewed on 2026-03-31']]);
    expect(labels(on([event('REVIEWED', '2026-04-02')]).assessments)).toEqual([
      ['by 2026-03-31', 'NOT_MET', 'reviewed on 2026-04-02, 2 days late'],
    ]);
    expect(labels(on([event('REVIEWED', '2024-12-31')]).assessments)).toEqual([
      ['by 2026-03-31', 'NOT_MET', 'not reviewed; due by 2026-03-31'],
    ]);
    expect(on([], '2026-03-01')).toMatchObject({ status: 'DUE', assessments: [{ detail: 'not reviewed yet; due by 2026-03-31' }] });
  });

  it('takes meetings as the evidence for a duty to meet', () => {
    const { status, assessments } = evaluateObligation(
      meetBy,
      { meetings: [meeting('2025-12-01'), meeting('2026-05-04')], reports: [] },
      day('2026-11-24'),
    );
    expect(status).toBe('MET');
    expect(assessments[0]!.meetings.map((m) => m._id)).toEqual(['b-2026-05-04']);
  });
});
