import type { CountryId } from '../../../../platform/config.ts';
import type { Draft } from '../../../kit/repository.ts';
import type { ActionRecordDoc } from '../../models.ts';
import type { SectorId } from '../../seed/countries.ts';
import { catalogue } from './catalogue.ts';
import { progressSeed } from './progress.ts';
import { valueSeed } from './values.ts';

/** Every monitoring collection's demo data for one sector in one country. */
export function monitoringSeed(sectorId: string, country: CountryId, records: readonly Draft<ActionRecordDoc>[]) {
  const own = catalogue(country);
  const dataSets = own.dataSets.filter((d) => d.sectorId === sectorId).map(({ sectorId: _, ...dataSet }) => dataSet);
  const indicators = own.indicators.filter((i) => i.sectorId === sectorId).map(({ sectorId: _, ...indicator }) => indicator);
  return {
    progressReports: progressSeed(sectorId, records),
    dataSets,
    indicators,
    indicatorValues: valueSeed(sectorId as SectorId, country, dataSets, indicators),
    periodReopenings: [],
  };
}
