import type { CountryId } from '../../../platform/config.ts';
import type { SectorMonitoringDemo } from '../../sector-core/monitoring/seed/demo.ts';
import { dataSet, dataSetId, goal, indicatorId, thresholds, demoIndicator } from '../../sector-core/monitoring/seed/demo.ts';

/** Baseline and target by country: sexual offence cases finalised within the time limit (%). */
const finalised: Record<CountryId, [number, number]> = {
  bangladesh: [18, 45],
  'england-wales': [60, 75],
  'south-africa': [40, 60],
};

/** Justice's returns and indicators; in the demo its latest return is missing. */
export const justiceMonitoring: SectorMonitoringDemo = {
  catalogue: (country) => ({
    dataSets: [dataSet(country, 'justice', 'QUARTERLY', 'Sexual offence case finalisation')],
    indicators: [
      {
        _id: indicatorId(country, 'cases-finalised'),
        code: 'ESP-J1',
        name: 'Sexual offence cases finalised within the statutory time limit',
        numerator: 'Sexual offence cases finalised in the period within the statutory time limit',
        denominator: 'Sexual offence cases finalised in the period',
        unit: 'PERCENT',
        dataSetId: dataSetId(country, 'justice', 'QUARTERLY'),
        breakdowns: [],
        ...goal(country, finalised[country]),
        direction: 'HIGHER_IS_BETTER',
        thresholds,
        order: 3,
        ...demoIndicator,
      },
    ],
  }),
  habit: (k) => (k === 0 ? 'MISSING' : k === 2 ? 'LATE' : 'ON_TIME'),
  pace: 0.3,
};
