import { describe, expect, it } from 'vitest';
import { assessIndicator } from './indicatorStatus.ts';
import type { IndicatorDoc, IndicatorValueDoc } from './models.ts';

const indicator: IndicatorDoc = {
  _id: 'i',
  version: 1,
  code: 'I',
  name: 'Prevalence',
  numerator: 'n',
  denominator: 'd',
  unit: 'PERCENT',
  dataSetId: 'ds',
  breakdowns: [],
  baseline: { value: 20, year: 2020 },
  target: { value: 10, date: new Date('2030-01-01T00:00:00Z') },
  direction: 'LOWER_IS_BETTER',
  thresholds: { onTrack: 0.9, atRisk: 0.5 },
  targetRevisions: [],
  order: 0,
};
const at = (value: number) => ({ value }) as IndicatorValueDoc;
const midway = new Date('2025-01-01T00:00:00Z'); // half the time from baseline to target

describe('indicator against its target', () => {
  it('has no status without data', () => {
    expect(assessIndicator(indicator, null, midway).status).toBe('NO_DATA');
  });

  it('is on track at 90% of the expected progress, at risk just below, off track below half', () => {
    expect(assessIndicator(indicator, at(15.5), midway)).toEqual({ status: 'ON_TRACK', progress: 0.45, expectedProgress: 0.5 });
    expect(assessIndicator(indicator, at(15.6), midway).status).toBe('AT_RISK');
    expect(assessIndicator(indicator, at(17.5), midway).status).toBe('AT_RISK');
    expect(assessIndicator(indicator, at(17.6), midway).status).toBe('OFF_TRACK');
  });

  it('reads the direction: rising prevalence is off track, rising services are on track', () => {
    expect(assessIndicator(indicator, at(25), midway).status).toBe('OFF_TRACK');
    const services = {
      ...indicator,
      direction: 'HIGHER_IS_BETTER' as const,
      baseline: { value: 100, year: 2020 },
      target: { value: 200, date: indicator.target.date },
    };
    expect(assessIndicator(services, at(160), midway).status).toBe('ON_TRACK');
    expect(assessIndicator(services, at(210), new Date('2021-01-01')).status).toBe('ON_TRACK');
  });
});
