import type { CountryId } from '../../../platform/config.ts';
import type { SectorMonitoringDemo } from '../../sector-core/monitoring/seed/demo.ts';
import { dataSet, dataSetId, goal, indicatorId, thresholds, demoIndicator } from '../../sector-core/monitoring/seed/demo.ts';

/** Baseline and target by country: secondary schools with a functioning safeguarding committee (%). */
const schools: Record<CountryId, [number, number]> = {
  bangladesh: [35, 90],
  'england-wales': [80, 100],
  'south-africa': [45, 85],
};

/** Education's returns and indicators; in the demo its latest return is missing. */
export const educationMonitoring: SectorMonitoringDemo = {
  catalogue: (country) => ({
    dataSets: [dataSet(country, 'education', 'QUARTERLY', 'School safeguarding return')],
    indicators: [
      {
        _id: indicatorId(country, 'schools-safeguarding'),
        code: 'ESP-E1',
        name: 'Secondary schools with a functioning complaint or safeguarding committee',
        numerator: 'Secondary schools whose committee met and recorded its cases in the period',
        denominator: 'Secondary schools',
        unit: 'PERCENT',
        dataSetId: dataSetId(country, 'education', 'QUARTERLY'),
        breakdowns: [],
        ...goal(country, schools[country]),
        direction: 'HIGHER_IS_BETTER',
        thresholds,
        order: 5,
        ...demoIndicator,
      },
    ],
  }),
  habit: (k) => (k === 0 ? 'MISSING' : 'ON_TIME'),
  pace: 0.75,
};
