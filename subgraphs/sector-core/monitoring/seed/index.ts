import type { CountryId } from '../../../../platform/config.ts';
import type { Draft } from '../../../kit/repository.ts';
import type { ActionRecordDoc } from '../../models.ts';
import type { SectorMonitoringDemo } from './demo.ts';
import { progressSeed } from './progress.ts';
import { valueSeed } from './values.ts';

/**
 * Every monitoring collection's demo data for one sector in one country: the progress history of
 * the actions it recorded, and, when the sector describes its monitoring (`demo`, from the
 * sector's own seed), its data sets, indicators and the values it reported.
 */
export function monitoringSeed(
  sectorId: string,
  country: CountryId,
  records: readonly Draft<ActionRecordDoc>[],
  demo?: SectorMonitoringDemo,
) {
  const { dataSets, indicators } = demo?.catalogue(country) ?? { dataSets: [], indicators: [] };
  return {
    progressReports: progressSeed(sectorId, records),
    dataSets,
    indicators,
    indicatorValues: demo ? valueSeed(sectorId, country, dataSets, indicators, demo) : [],
    periodReopenings: [],
  };
}
