import { describe, expect, it } from 'vitest';
import type { IndicatorDoc } from './models.ts';
import { valueProblems } from './valueRules.ts';

const count: IndicatorDoc = {
  _id: 'bd-survivors-reached',
  version: 1,
  code: 'VAW-H1',
  name: 'Survivors reached',
  numerator: 'Survivors given care',
  denominator: null,
  unit: 'COUNT',
  dataSetId: 'bd-health-monthly',
  breakdowns: [
    { dimension: 'sex', categories: ['female', 'male'] },
    { dimension: 'ageBand', categories: ['0-17', '18+'] },
  ],
  baseline: { value: 900, year: 2024 },
  target: { value: 1400, date: new Date('2030-12-31') },
  direction: 'HIGHER_IS_BETTER',
  thresholds: { onTrack: 0.9, atRisk: 0.6 },
  targetRevisions: [],
  order: 0,
};
const percent: IndicatorDoc = { ...count, code: 'VAW-P1', unit: 'PERCENT', denominator: 'Cases recorded', breakdowns: [] };

describe('indicator value rules', () => {
  it('accepts a count whose complete breakdowns add up, and zero', () => {
    const breakdowns = [
      { dimension: 'sex', category: 'female', value: 95 },
      { dimension: 'sex', category: 'male', value: 5 },
      { dimension: 'ageBand', category: '0-17', value: 30 },
    ];
    expect(valueProblems(count, { unit: 'COUNT', value: 100, breakdowns })).toEqual([]);
    expect(valueProblems(count, { unit: 'COUNT', value: 0 })).toEqual([]);
  });

  it('refuses the wrong unit before anything else', () => {
    expect(valueProblems(count, { unit: 'PERCENT', value: 12.5 })).toEqual([
      { field: 'unit', problem: 'must be COUNT, the unit of indicator VAW-H1 (got PERCENT)' },
    ]);
  });

  it('refuses fractions of a count and percentages over 100', () => {
    expect(valueProblems(count, { unit: 'COUNT', value: 2.5 })[0]!.problem).toContain('whole number');
    expect(valueProblems(percent, { unit: 'PERCENT', value: 100.1 })[0]!.problem).toContain('at most 100');
    expect(valueProblems(percent, { unit: 'PERCENT', value: 100 })).toEqual([]);
  });

  it('refuses undeclared dimensions and categories, naming what is declared', () => {
    const problems = valueProblems(count, {
      unit: 'COUNT',
      value: 10,
      breakdowns: [
        { dimension: 'district', category: 'Dhaka', value: 10 },
        { dimension: 'sex', category: 'unknown', value: 1 },
      ],
    });
    expect(problems).toEqual([
      { field: 'breakdowns[0].dimension', problem: '"district" is not a breakdown of indicator VAW-H1 (it has: sex, ageBand)' },
      { field: 'breakdowns[1].category', problem: '"unknown" is not a category of sex (one of: female, male)' },
    ]);
  });

  it('refuses breakdowns that do not add up to the total', () => {
    const problems = valueProblems(count, {
      unit: 'COUNT',
      value: 100,
      breakdowns: [
        { dimension: 'sex', category: 'female', value: 90 },
        { dimension: 'sex', category: 'male', value: 5 },
      ],
    });
    expect(problems).toEqual([{ field: 'breakdowns', problem: 'by sex add up to 95, but the value is 100' }]);
  });

  it('checks a percentage against its numerator and denominator', () => {
    expect(valueProblems(percent, { unit: 'PERCENT', value: 33.3, numerator: 1, denominator: 3 })).toEqual([]);
    expect(valueProblems(percent, { unit: 'PERCENT', value: 40, numerator: 1, denominator: 3 })[0]!.problem).toContain('does not match');
    expect(valueProblems(percent, { unit: 'PERCENT', value: 40, numerator: 1 })[0]).toEqual({
      field: 'numerator',
      problem: 'and denominator must be given together',
    });
    expect(valueProblems(count, { unit: 'COUNT', value: 4, numerator: 4, denominator: 1 })[0]!.field).toBe('denominator');
  });
});
