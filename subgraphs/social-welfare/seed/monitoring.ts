import type { CountryId } from '../../../platform/config.ts';
import type { SectorMonitoringDemo } from '../../sector-core/monitoring/seed/demo.ts';
import { dataSet, dataSetId, goal, indicatorId, thresholds, demoIndicator } from '../../sector-core/monitoring/seed/demo.ts';

/** Baseline and target by country: shelter places per 100,000 people. */
const shelter: Record<CountryId, [number, number]> = {
  bangladesh: [0.9, 3],
  'england-wales': [7.4, 10],
  'south-africa': [2.1, 5],
};

/** Social welfare's returns and indicators; in the demo its latest return is late. */
export const socialWelfareMonitoring: SectorMonitoringDemo = {
  catalogue: (country) => ({
    dataSets: [dataSet(country, 'social-welfare', 'MONTHLY', 'Shelter capacity return')],
    indicators: [
      {
        _id: indicatorId(country, 'shelter-places'),
        code: 'ESP-S1',
        name: 'Shelter places for survivors per 100,000 population',
        numerator: 'Shelter places for women survivors and their children open at the end of the period',
        denominator: 'Population',
        unit: 'RATE_PER_100000',
        dataSetId: dataSetId(country, 'social-welfare', 'MONTHLY'),
        breakdowns: [],
        ...goal(country, shelter[country]),
        direction: 'HIGHER_IS_BETTER',
        thresholds,
        order: 4,
        ...demoIndicator,
      },
    ],
  }),
  habit: (k) => (k === 0 ? 'LATE' : 'ON_TIME'),
  pace: 1.1,
};
