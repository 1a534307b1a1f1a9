import { describe, expect, it } from 'vitest';
import type { Body } from './bodiesData.ts';
import { overdueFirst } from './bodiesData.ts';
import type { Compliance } from './complianceData.ts';
import { worstFirst } from './complianceData.ts';
import { sortOverdueFirst, type StatusAction } from './frameworkStatusData.ts';
import { chartValue } from './pathwayData.ts';
import { countByDistrictAndKind, groupByDistrict, type ServicePoint } from './servicesData.ts';

const action = (code: string, delivery: StatusAction['delivery'], dueDate: string | null): StatusAction => ({
  id: code,
  code,
  title: code,
  dueDate,
  status: null,
  delivery,
  lastUpdatedAt: null,
  leadSector: { id: 's', name: 'S' },
  progressHistory: [],
});

describe('the order views show things in', () => {
  it('puts overdue actions first, then at risk, not reported, on track, done, and unanswered sectors last; earliest due first within each', () => {
    const sorted = sortOverdueFirst([
      action('done', 'DONE', '2020-01-01'),
      action('unknown', null, null),
      action('late-2', 'OVERDUE', '2026-09-01'),
      action('on-track', 'ON_TRACK', '2026-01-01'),
      action('late-1', 'OVERDUE', '2026-06-01'),
      action('risk', 'AT_RISK', '2027-01-01'),
      action('silent', 'NOT_REPORTED', null),
    ]);
    expect(sorted.map((a) => a.code)).toEqual(['late-1', 'late-2', 'risk', 'silent', 'on-track', 'done', 'unknown']);
  });

  it('puts failing organs of state first and those that did not answer last', () => {
    const sector = (name: string, status: Compliance['status'] | null) => ({
      name,
      compliance: status ? ({ status } as Compliance) : null,
    });
    expect(
      worstFirst([sector('b', 'MEETING_OBLIGATIONS'), sector('x', null), sector('c', 'FAILING'), sector('a', 'AT_RISK')]).map(
        (s) => s.name,
      ),
    ).toEqual(['c', 'a', 'b', 'x']);
  });

  it('puts the longest overdue body first and keeps the graph’s order for the rest', () => {
    const body = (id: string, daysOverdue?: number) => ({ id, daysOverdue }) as Body;
    expect(overdueFirst([body('a', 0), body('b', 10), body('c'), body('d', 67)]).map((b) => b.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});

describe('figures', () => {
  it('counts service points by district and kind, with only the kinds and districts that occur', () => {
    const point = (district: string, kind: string) => ({ district, kind }) as ServicePoint;
    const matrix = countByDistrictAndKind([
      point('Dhaka', 'SHELTER'),
      point('Dhaka', 'SHELTER'),
      point('Sylhet', 'COURT'),
      point('Dhaka', 'COURT'),
    ]);
    expect(matrix.districts).toEqual(['Dhaka', 'Sylhet']);
    expect(matrix.kinds).toEqual(['COURT', 'SHELTER']);
    expect([matrix.count('Dhaka', 'SHELTER'), matrix.count('Dhaka', 'COURT'), matrix.count('Sylhet', 'SHELTER')]).toEqual([2, 1, 0]);
  });

  it('groups service points by district, districts and then names in alphabetical order, leaving none out', () => {
    const point = (district: string, name: string) => ({ district, name });
    const groups = groupByDistrict([
      point('Sylhet', 'Court'),
      point('Dhaka', 'Shelter'),
      point('Dhaka', 'Court'),
      point('Barishal', 'Helpline'),
    ]);
    expect(groups.map((g) => [g.district, g.points.map((p) => p.name)])).toEqual([
      ['Barishal', ['Helpline']],
      ['Dhaka', ['Court', 'Shelter']],
      ['Sylhet', ['Court']],
    ]);
  });

  it('never charts a withheld count as zero', () => {
    expect(chartValue({ key: 'CHARGED', count: null, suppressed: true })).toBeNull();
    expect(chartValue({ key: 'CHARGED', count: 0, suppressed: false })).toBe(0);
  });
});
