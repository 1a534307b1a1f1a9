import { describe, expect, it } from 'vitest';
import { assessCompliance, LATE_WINDOW_DAYS, type ComplianceInput } from './compliance.ts';
import type { DataSetDoc } from './models.ts';
import { parsePeriod } from './periods.ts';
import { periodReport } from './reporting.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = day('2026-11-24');
const dataSet: DataSetDoc = {
  _id: 'ds',
  version: 1,
  name: 'Monthly',
  periodType: 'MONTHLY',
  firstPeriod: '2026-01',
  timelyDays: 15,
  lockDays: 30,
};
const report = (period: string, reportedAt: string | null) =>
  periodReport(
    dataSet,
    parsePeriod(period, 'MONTHLY')!,
    ['a'],
    reportedAt
      ? [
          {
            _id: 'v',
            version: 1,
            indicatorId: 'a',
            dataSetId: 'ds',
            period,
            value: 0,
            breakdowns: [],
            reportedAt: day(reportedAt),
            reportedBy: 'x',
          },
        ]
      : [],
    [],
    today,
  );
const action = (id: string, dueDate: string, status: 'IN_PROGRESS' | 'COMPLETED' = 'IN_PROGRESS') => ({
  _id: id,
  dueDate: day(dueDate),
  status,
  updatedAt: day('2026-11-01'),
});
const clean: ComplianceInput = {
  responsibilities: 4,
  records: [action('a1', '2027-06-30')],
  reports: [report('2026-10', '2026-11-10')],
  lastUpdateAt: day('2026-11-10'),
};

describe('compliance scoreboard rule', () => {
  it('meets its obligations with nothing overdue, reports on time and a recent update', () => {
    expect(assessCompliance(clean, today)).toMatchObject({
      status: 'MEETING_OBLIGATIONS',
      reasons: [],
      responsibilities: 4,
      actionsLed: 1,
      daysSinceLastUpdate: 14,
    });
  });

  it('is at risk with one action overdue by a day, failing with two; due today is not overdue', () => {
    expect(assessCompliance({ ...clean, records: [action('a1', '2026-11-24')] }, today).status).toBe('MEETING_OBLIGATIONS');
    const one = assessCompliance({ ...clean, records: [action('a1', '2026-11-23')] }, today);
    expect(one).toMatchObject({ status: 'AT_RISK', overdueActionIds: ['a1'] });
    expect(one.reasons).toEqual([
      {
        rule: 'ACTIONS_OVERDUE',
        status: 'AT_RISK',
        detail: '1 action past due and not completed: a1',
        count: 1,
        actionIds: ['a1'],
        reports: [],
        windowDays: null,
        daysSinceLastUpdate: null,
        lastUpdateAt: null,
      },
    ]);
    const two = assessCompliance(
      { ...clean, records: [action('a1', '2026-11-23'), action('a2', '2026-01-31'), action('a3', '2026-01-31', 'COMPLETED')] },
      today,
    );
    expect(two.status).toBe('FAILING');
  });

  it('fails on a missing report, and is at risk on a late one', () => {
    const missing = assessCompliance({ ...clean, reports: [report('2026-10', null)] }, today);
    expect(missing.reasons).toEqual([
      {
        rule: 'REPORTS_MISSING',
        status: 'FAILING',
        detail: '1 report missing: ds 2026-10',
        count: 1,
        actionIds: [],
        reports: [missing.reportsMissing[0]],
        windowDays: null,
        daysSinceLastUpdate: null,
        lastUpdateAt: null,
      },
    ]);
    expect(missing.reasons[0]!.reports.map((r) => `${r.dataSetId} ${r.period.id}`)).toEqual(['ds 2026-10']);
    const late = assessCompliance({ ...clean, reports: [report('2026-10', '2026-11-16')] }, today);
    expect(late).toMatchObject({
      status: 'AT_RISK',
      reasons: [{ rule: 'REPORTS_LATE', status: 'AT_RISK', count: 1, windowDays: LATE_WINDOW_DAYS }],
    });
  });

  it('ages the last update: at risk from 45 days, failing from 90 or never', () => {
    expect(assessCompliance({ ...clean, lastUpdateAt: day('2026-10-11') }, today).status).toBe('MEETING_OBLIGATIONS'); // 44 days
    expect(assessCompliance({ ...clean, lastUpdateAt: day('2026-10-10') }, today).reasons[0]).toEqual({
      rule: 'NO_RECENT_UPDATE',
      status: 'AT_RISK',
      detail: 'last update 45 days ago (2026-10-10)',
      count: 0,
      actionIds: [],
      reports: [],
      windowDays: null,
      daysSinceLastUpdate: 45,
      lastUpdateAt: day('2026-10-10'),
    });
    expect(assessCompliance({ ...clean, lastUpdateAt: day('2026-08-26') }, today).status).toBe('FAILING'); // 90 days
    expect(assessCompliance({ ...clean, lastUpdateAt: null }, today).reasons[0]).toMatchObject({
      detail: 'no update ever recorded',
      daysSinceLastUpdate: null,
      lastUpdateAt: null,
    });
  });
});
