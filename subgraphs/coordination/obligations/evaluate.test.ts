import { describe, expect, it } from 'vitest';
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
