import { describe, expect, it } from 'vitest';
import type { DataSetDoc, IndicatorValueDoc, PeriodReopeningDoc } from './models.ts';
import { lastClosedReport, periodReport, scheduleReports, summariseReports } from './reporting.ts';
import { parsePeriod } from './periods.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dataSet: DataSetDoc = {
  _id: 'ds',
  version: 1,
  name: 'Monthly',
  periodType: 'MONTHLY',
  firstPeriod: '2026-08',
  timelyDays: 15,
  lockDays: 30,
};
const october = parsePeriod('2026-10', 'MONTHLY')!;
const value = (indicatorId: string, period: string, reportedAt: string, v = 0): IndicatorValueDoc => ({
  _id: `${indicatorId}@${period}`,
  version: 1,
  indicatorId,
  dataSetId: 'ds',
  period,
  value: v,
  breakdowns: [],
  reportedAt: day(reportedAt),
  reportedBy: 'officer',
});

describe('completeness and timeliness', () => {
  it('is on time on the last timely day and late one day after', () => {
    expect(periodReport(dataSet, october, ['a'], [value('a', '2026-10', '2026-11-15')], [], day('2026-11-24')).state).toBe('ON_TIME');
    expect(periodReport(dataSet, october, ['a'], [value('a', '2026-10', '2026-11-16')], [], day('2026-11-24')).state).toBe('LATE');
  });

  it('counts a zero as received, and a period is received only when every indicator has a value', () => {
    const zero = periodReport(dataSet, october, ['a'], [value('a', '2026-10', '2026-11-02', 0)], [], day('2026-11-24'));
    expect(zero.state).toBe('ON_TIME');
    const partial = periodReport(dataSet, october, ['a', 'b'], [value('a', '2026-10', '2026-11-02')], [], day('2026-11-24'));
    expect(partial).toMatchObject({ state: 'MISSING', indicatorsReported: 1, indicatorsExpected: 2, receivedAt: null });
  });

  it('is due until its timely deadline and missing the day after; open until it ends', () => {
    expect(periodReport(dataSet, october, ['a'], [], [], day('2026-10-31')).state).toBe('OPEN');
    expect(periodReport(dataSet, october, ['a'], [], [], day('2026-11-15')).state).toBe('DUE');
    expect(periodReport(dataSet, october, ['a'], [], [], day('2026-11-16')).state).toBe('MISSING');
  });

  it('locks after its last open day, unless a reopening is in force', () => {
    expect(periodReport(dataSet, october, ['a'], [], [], day('2026-11-30')).locked).toBe(false);
    expect(periodReport(dataSet, october, ['a'], [], [], day('2026-12-01')).locked).toBe(true);
    const reopening: PeriodReopeningDoc = {
      _id: 'ds@2026-10#1',
      version: 1,
      dataSetId: 'ds',
      period: '2026-10',
      reason: 'Late audit',
      openUntil: day('2026-12-10'),
      reopenedAt: day('2026-12-01'),
      reopenedBy: 'analyst',
    };
    expect(periodReport(dataSet, october, ['a'], [], [reopening], day('2026-12-10')).locked).toBe(false);
    expect(periodReport(dataSet, october, ['a'], [], [reopening], day('2026-12-11')).locked).toBe(true);
  });

  it('summarises a schedule: expected counts ended periods only', () => {
    const reports = scheduleReports(
      dataSet,
      ['a'],
      [value('a', '2026-08', '2026-09-10'), value('a', '2026-09', '2026-10-20')],
      [],
      day('2026-11-10'),
    );
    expect(reports.map((r) => [r.period.id, r.state])).toEqual([
      ['2026-08', 'ON_TIME'],
      ['2026-09', 'LATE'],
      ['2026-10', 'DUE'],
      ['2026-11', 'OPEN'],
    ]);
    expect(summariseReports(reports)).toEqual({
      expected: 3,
      received: 2,
      onTime: 1,
      late: 1,
      missing: 0,
      due: 1,
      completeness: 0.667,
      timeliness: 0.333,
    });
  });

  it('names the last closed period: the latest that has ended, never the open one, and none before the first ends', () => {
    const last = (today: string) =>
      lastClosedReport(scheduleReports(dataSet, ['a'], [value('a', '2026-09', '2026-10-20')], [], day(today)), day(today));
    expect(last('2026-10-31')).toMatchObject({ period: { id: '2026-09' }, state: 'LATE' });
    expect(last('2026-11-01')).toMatchObject({ period: { id: '2026-10' }, state: 'DUE' });
    expect(last('2026-11-16')).toMatchObject({ period: { id: '2026-10' }, state: 'MISSING' });
    expect(last('2026-08-31')).toBeNull();
  });

  it('never names the open period as the last closed one, even when it already has every value', () => {
    // The mutation refuses values for a period not yet ended; seeded, imported or restored data need not.
    const today = day('2026-11-20');
    const values = [value('a', '2026-10', '2026-11-05'), value('a', '2026-11', '2026-11-10')];
    const reports = scheduleReports(dataSet, ['a'], values, [], today);
    expect(reports.at(-1)).toMatchObject({ period: { id: '2026-11' } });
    expect(lastClosedReport(reports, today)).toMatchObject({ period: { id: '2026-10' }, state: 'ON_TIME' });
  });
});
