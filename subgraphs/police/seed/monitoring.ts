import type { CountryId } from '../../../platform/config.ts';
import type { SectorMonitoringDemo } from '../../sector-core/monitoring/seed/demo.ts';
import { dataSet, dataSetId, districts, goal, indicatorId, thresholds, demoIndicator } from '../../sector-core/monitoring/seed/demo.ts';

/** Baseline and target by country: the share of recorded cases in which a suspect was charged (%). */
const charged: Record<CountryId, [number, number]> = {
  bangladesh: [22, 40],
  'england-wales': [7, 15],
  'south-africa': [30, 45],
};

/** The police's returns and indicators; in the demo it is sometimes late and once missing. */
export const policeMonitoring: SectorMonitoringDemo = {
  catalogue: (country) => ({
    dataSets: [dataSet(country, 'police', 'MONTHLY', 'Sexual and gender-based violence case outcomes')],
    indicators: [
      {
        _id: indicatorId(country, 'cases-charged'),
        code: 'ESP-P1',
        name: 'Recorded sexual and gender-based violence cases in which a suspect was charged',
        numerator: 'Cases recorded in the period in which a suspect was charged',
        denominator: 'Sexual and gender-based violence cases recorded in the period',
        unit: 'PERCENT',
        dataSetId: dataSetId(country, 'police', 'MONTHLY'),
        breakdowns: [districts(country)],
        ...goal(country, charged[country]),
        direction: 'HIGHER_IS_BETTER',
        thresholds,
        order: 2,
        ...demoIndicator,
      },
    ],
  }),
  habit: (k) => (k === 4 ? 'MISSING' : k % 3 === 1 ? 'LATE' : 'ON_TIME'),
  pace: 0.7,
};
