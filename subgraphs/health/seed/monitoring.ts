import type { CountryId } from '../../../platform/config.ts';
import type { SectorMonitoringDemo } from '../../sector-core/monitoring/seed/demo.ts';
import {
  ageBands,
  demoIndicator,
  sdg521,
  dataSet,
  dataSetId,
  districts,
  goal,
  indicatorId,
  sex,
  thresholds,
} from '../../sector-core/monitoring/seed/demo.ts';

/** Baseline and target by country: SDG 5.2.1 prevalence (%) and survivors given care (a count). */
const figures: Record<CountryId, { prevalence: [number, number]; reached: [number, number] }> = {
  bangladesh: { prevalence: [23, 15], reached: [900, 1400] },
  'england-wales': { prevalence: [4.4, 3.3], reached: [1800, 2300] },
  'south-africa': { prevalence: [21, 14], reached: [2600, 3600] },
};

/** The health sector's returns and indicators; in the demo it always reports on time. */
export const healthMonitoring: SectorMonitoringDemo = {
  catalogue: (country) => ({
    dataSets: [
      dataSet(country, 'health', 'MONTHLY', 'Crisis centre monthly return'),
      dataSet(country, 'health', 'QUARTERLY', 'Violence prevalence quarterly estimate'),
    ],
    indicators: [
      {
        _id: indicatorId(country, 'sdg-5-2-1'),
        code: 'SDG 5.2.1',
        name: 'Ever-partnered women and girls aged 15 and over subjected to physical, sexual or psychological violence by a current or former intimate partner in the previous 12 months',
        numerator: 'Ever-partnered women and girls aged 15+ reporting such violence in the previous 12 months',
        denominator: 'Ever-partnered women and girls aged 15+ in the sample',
        unit: 'PERCENT',
        dataSetId: dataSetId(country, 'health', 'QUARTERLY'),
        breakdowns: [{ dimension: 'ageBand', categories: ['15-24', '25-49', '50+'] }],
        ...goal(country, figures[country].prevalence),
        direction: 'LOWER_IS_BETTER',
        thresholds,
        order: 0,
        ...sdg521,
      },
      {
        _id: indicatorId(country, 'survivors-reached'),
        code: 'ESP-H1',
        name: 'Survivors who received medical care at a crisis centre',
        numerator: 'Survivors given medical care, forensic examination or counselling at a crisis centre in the period',
        denominator: null,
        unit: 'COUNT',
        dataSetId: dataSetId(country, 'health', 'MONTHLY'),
        breakdowns: [sex, ageBands, districts(country)],
        ...goal(country, figures[country].reached),
        direction: 'HIGHER_IS_BETTER',
        thresholds,
        order: 1,
        ...demoIndicator,
      },
    ],
  }),
  habit: () => 'ON_TIME',
  pace: 1.05,
};
