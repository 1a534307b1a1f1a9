import type { CountryId } from '../../../../platform/config.ts';
import type { Draft } from '../../../kit/repository.ts';
import { countryFacts } from '../../../demo-data/countries.ts';
import type { DataSetDoc, IndicatorDoc } from '../models.ts';
import type { ProvenanceDoc } from '../../../kit/provenance.ts';
import { dataSetNote, demoIndicatorNote, sourcedIndicatorNote } from '../../seed/marks.ts';

/*
 * What a sector's monitoring demo data is made of. Each sector folder describes its own data sets,
 * indicators and reporting habits (seed/monitoring.ts there); the schedules, the framework's
 * baseline year and target dates, and the breakdowns are common to every sector and live here.
 * Definitions follow the international ones (SDG 5.2.1, the Essential Services Package, the
 * Council of Europe's minimum of one shelter place per 10,000 people); baselines and targets are
 * plausible demo figures, not official statistics.
 */

/** How a sector reported a period in the demo data. */
export type ReportingHabit = 'ON_TIME' | 'LATE' | 'MISSING';

/** One sector's monitoring demo data: what it reports, and how well it keeps to it. */
export interface SectorMonitoringDemo {
  /** The sector's data sets and the indicators reported in them, in one country. */
  catalogue(country: CountryId): { dataSets: Draft<DataSetDoc>[]; indicators: Draft<IndicatorDoc>[] };
  /** How the sector reported each period, by position from the latest ended one (0) back. */
  habit(fromLatest: number): ReportingHabit;
  /** Share of the pace its targets need that the sector actually keeps. */
  pace: number;
}

/** Schedules: monthly returns on time within 15 days, locked after 30; quarterly 30 and 60. */
const schedules = {
  MONTHLY: { periodType: 'MONTHLY', firstPeriod: '2026-01', timelyDays: 15, lockDays: 30 },
  QUARTERLY: { periodType: 'QUARTERLY', firstPeriod: '2025-Q3', timelyDays: 30, lockDays: 60 },
} as const;

export type Schedule = keyof typeof schedules;

/** The framework's baseline year and target date in each country, shared by every indicator. */
const frameworkGoals: Record<CountryId, { baselineYear: number; targetDate: string }> = {
  bangladesh: { baselineYear: 2024, targetDate: '2030-12-31' },
  'england-wales': { baselineYear: 2024, targetDate: '2028-03-31' },
  'south-africa': { baselineYear: 2024, targetDate: '2030-03-31' },
};

export const thresholds = { onTrack: 0.9, atRisk: 0.6 };

/** The marks of SDG indicator 5.2.1, which the UN's global indicator framework defines. */
export const sdg521: ProvenanceDoc = {
  source: {
    title: 'Sustainable Development Goals indicator metadata',
    section: 'Indicator 5.2.1',
    quote:
      'Proportion of ever-partnered women and girls aged 15 years and older subjected to physical, sexual or psychological violence by a current or former intimate partner in the previous 12 months, by form of violence and by age',
    url: 'https://worldbank.github.io/sdg-metadata/metadata/en/5-2-1',
  },
  addedForDemo: sourcedIndicatorNote,
};

/** The marks of an indicator the demo defines. */
export const demoIndicator: ProvenanceDoc = { addedForDemo: demoIndicatorNote };
export const ageBands = { dimension: 'ageBand', categories: ['0-17', '18-24', '25-49', '50+'] };
export const sex = { dimension: 'sex', categories: ['female', 'male'] };

/** The districts of the country's crisis centres, as a breakdown. */
export function districts(country: CountryId) {
  return { dimension: 'district', categories: [...new Set(countryFacts[country].crisisCentres.map((c) => c.district))] };
}

export function dataSetId(country: CountryId, sectorId: string, schedule: Schedule): string {
  return `${countryFacts[country].idPrefix}-${sectorId}-${schedule.toLowerCase()}`;
}

export function dataSet(country: CountryId, sectorId: string, schedule: Schedule, name: string): Draft<DataSetDoc> {
  return { _id: dataSetId(country, sectorId, schedule), name, ...schedules[schedule], addedForDemo: dataSetNote };
}

/** An indicator id in one country, e.g. `bd-shelter-places`. */
export function indicatorId(country: CountryId, key: string): string {
  return `${countryFacts[country].idPrefix}-${key}`;
}

/** An indicator's baseline and target from its [baseline, target] figures in one country. */
export function goal(country: CountryId, [baseline, target]: readonly [number, number]) {
  const { baselineYear, targetDate } = frameworkGoals[country];
  return {
    baseline: { value: baseline, year: baselineYear },
    target: { value: target, date: new Date(targetDate) },
    targetRevisions: [],
  };
}
