import type { CountryId } from '../../../../platform/config.ts';
import type { Draft } from '../../../kit/repository.ts';
import { countryFacts, type SectorId } from '../../seed/countries.ts';
import type { DataSetDoc, IndicatorDoc } from '../models.ts';

/*
 * The standard indicators of each country's framework and the data sets they are reported in,
 * each owned by one sector. Definitions follow the international ones (SDG 5.2.1, the Essential
 * Services Package, the Council of Europe's minimum of one shelter place per 10,000 people);
 * baselines and targets are plausible demo figures, not official statistics.
 */

type Owned<T> = T & { sectorId: SectorId };

/** Schedules: monthly returns on time within 15 days, locked after 30; quarterly 30 and 60. */
const schedules = {
  MONTHLY: { periodType: 'MONTHLY', firstPeriod: '2026-01', timelyDays: 15, lockDays: 30 },
  QUARTERLY: { periodType: 'QUARTERLY', firstPeriod: '2025-Q3', timelyDays: 30, lockDays: 60 },
} as const;

const dataSetPlan: readonly [SectorId, keyof typeof schedules, string][] = [
  ['health', 'MONTHLY', 'Crisis centre monthly return'],
  ['health', 'QUARTERLY', 'Violence prevalence quarterly estimate'],
  ['police', 'MONTHLY', 'Sexual and gender-based violence case outcomes'],
  ['justice', 'QUARTERLY', 'Sexual offence case finalisation'],
  ['social-welfare', 'MONTHLY', 'Shelter capacity return'],
  ['education', 'QUARTERLY', 'School safeguarding return'],
];

/** Per country: baseline, target and the sectors' national figures, by indicator key. */
interface Figures {
  baselineYear: number;
  targetDate: string;
  prevalence: [number, number];
  reached: [number, number];
  charged: [number, number];
  finalised: [number, number];
  shelter: [number, number];
  schools: [number, number];
}

const figures: Record<CountryId, Figures> = {
  bangladesh: {
    baselineYear: 2024,
    targetDate: '2030-12-31',
    prevalence: [23, 15],
    reached: [900, 1400],
    charged: [22, 40],
    finalised: [18, 45],
    shelter: [0.9, 3],
    schools: [35, 90],
  },
  'england-wales': {
    baselineYear: 2024,
    targetDate: '2028-03-31',
    prevalence: [4.4, 3.3],
    reached: [1800, 2300],
    charged: [7, 15],
    finalised: [60, 75],
    shelter: [7.4, 10],
    schools: [80, 100],
  },
  'south-africa': {
    baselineYear: 2024,
    targetDate: '2030-03-31',
    prevalence: [21, 14],
    reached: [2600, 3600],
    charged: [30, 45],
    finalised: [40, 60],
    shelter: [2.1, 5],
    schools: [45, 85],
  },
};

const ageBands = { dimension: 'ageBand', categories: ['0-17', '18-24', '25-49', '50+'] };
const sex = { dimension: 'sex', categories: ['female', 'male'] };
const thresholds = { onTrack: 0.9, atRisk: 0.6 };

export function catalogue(country: CountryId): { dataSets: Owned<Draft<DataSetDoc>>[]; indicators: Owned<Draft<IndicatorDoc>>[] } {
  const facts = countryFacts[country];
  const f = figures[country];
  const p = facts.idPrefix;
  const districts = { dimension: 'district', categories: [...new Set(facts.crisisCentres.map((c) => c.district))] };
  const dataSetId = (sectorId: SectorId, type: keyof typeof schedules) => `${p}-${sectorId}-${type.toLowerCase()}`;
  const dataSets = dataSetPlan.map(([sectorId, type, name]) => ({ _id: dataSetId(sectorId, type), sectorId, name, ...schedules[type] }));

  const goal = ([baseline, target]: [number, number]) => ({
    baseline: { value: baseline, year: f.baselineYear },
    target: { value: target, date: new Date(f.targetDate) },
    targetRevisions: [],
  });
  const indicators: Owned<Draft<IndicatorDoc>>[] = [
    {
      _id: `${p}-sdg-5-2-1`,
      sectorId: 'health',
      code: 'SDG 5.2.1',
      name: 'Ever-partnered women and girls aged 15 and over subjected to physical, sexual or psychological violence by a current or former intimate partner in the previous 12 months',
      numerator: 'Ever-partnered women and girls aged 15+ reporting such violence in the previous 12 months',
      denominator: 'Ever-partnered women and girls aged 15+ in the sample',
      unit: 'PERCENT',
      dataSetId: dataSetId('health', 'QUARTERLY'),
      breakdowns: [{ dimension: 'ageBand', categories: ['15-24', '25-49', '50+'] }],
      ...goal(f.prevalence),
      direction: 'LOWER_IS_BETTER',
      thresholds,
      order: 0,
    },
    {
      _id: `${p}-survivors-reached`,
      sectorId: 'health',
      code: 'ESP-H1',
      name: 'Survivors who received medical care at a crisis centre',
      numerator: 'Survivors given medical care, forensic examination or counselling at a crisis centre in the period',
      denominator: null,
      unit: 'COUNT',
      dataSetId: dataSetId('health', 'MONTHLY'),
      breakdowns: [sex, ageBands, districts],
      ...goal(f.reached),
      direction: 'HIGHER_IS_BETTER',
      thresholds,
      order: 1,
    },
    {
      _id: `${p}-cases-charged`,
      sectorId: 'police',
      code: 'ESP-P1',
      name: 'Recorded sexual and gender-based violence cases in which a suspect was charged',
      numerator: 'Cases recorded in the period in which a suspect was charged',
      denominator: 'Sexual and gender-based violence cases recorded in the period',
      unit: 'PERCENT',
      dataSetId: dataSetId('police', 'MONTHLY'),
      breakdowns: [districts],
      ...goal(f.charged),
      direction: 'HIGHER_IS_BETTER',
      thresholds,
      order: 2,
    },
    {
      _id: `${p}-cases-finalised`,
      sectorId: 'justice',
      code: 'ESP-J1',
      name: 'Sexual offence cases finalised within the statutory time limit',
      numerator: 'Sexual offence cases finalised in the period within the statutory time limit',
      denominator: 'Sexual offence cases finalised in the period',
      unit: 'PERCENT',
      dataSetId: dataSetId('justice', 'QUARTERLY'),
      breakdowns: [],
      ...goal(f.finalised),
      direction: 'HIGHER_IS_BETTER',
      thresholds,
      order: 3,
    },
    {
      _id: `${p}-shelter-places`,
      sectorId: 'social-welfare',
      code: 'ESP-S1',
      name: 'Shelter places for survivors per 100,000 population',
      numerator: 'Shelter places for women survivors and their children open at the end of the period',
      denominator: 'Population',
      unit: 'RATE_PER_100000',
      dataSetId: dataSetId('social-welfare', 'MONTHLY'),
      breakdowns: [],
      ...goal(f.shelter),
      direction: 'HIGHER_IS_BETTER',
      thresholds,
      order: 4,
    },
    {
      _id: `${p}-schools-safeguarding`,
      sectorId: 'education',
      code: 'ESP-E1',
      name: 'Secondary schools with a functioning complaint or safeguarding committee',
      numerator: 'Secondary schools whose committee met and recorded its cases in the period',
      denominator: 'Secondary schools',
      unit: 'PERCENT',
      dataSetId: dataSetId('education', 'QUARTERLY'),
      breakdowns: [],
      ...goal(f.schools),
      direction: 'HIGHER_IS_BETTER',
      thresholds,
      order: 5,
    },
  ];
  return { dataSets, indicators };
}
