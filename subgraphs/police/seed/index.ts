import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import {
  between,
  crisisCentreFacets,
  type Range,
  sectorSeedDocuments,
  type SectorCountrySeed,
  type SectorSeedDocuments,
} from '../../sector-core/seed/generate.ts';
import type { PoliceUnitDoc } from '../models.ts';
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';
import { policeMonitoring } from './monitoring.ts';

/** How the police units at the country's crisis centres typically look; each unit's figures are drawn from it. */
export interface PoliceUnitProfile {
  /** The station or unit that staffs each crisis centre, by crisis centre id. */
  stations: Readonly<Record<string, string>>;
  officers: Range;
  /** Women among the officers, capped at the number of officers drawn. */
  womenOfficers: Range;
  /** Chance, 0 to 1, that a unit does each. */
  chance: { registersReports: number; open24Hours: number };
  /** Hours of a unit that is not staffed around the clock. */
  partTimeHours: string;
}

export type PoliceCountrySeed = SectorCountrySeed<PoliceUnitProfile>;

const byCountry: Record<CountryId, PoliceCountrySeed> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};

export function seed(country: CountryId): SectorSeedDocuments & { policeUnits: Draft<PoliceUnitDoc>[] } {
  const data = byCountry[country];
  const profile = data.crisisCentres;

  const policeUnits = crisisCentreFacets('police', country, (centre, random): Draft<PoliceUnitDoc> => {
    const station = profile.stations[centre.id];
    if (!station) throw new Error(`police: no station named for crisis centre "${centre.id}"`);
    const officers = between(random, profile.officers);
    return {
      _id: centre.id,
      station,
      officers,
      womenOfficers: Math.min(officers, between(random, profile.womenOfficers)),
      registersReports: random.chance(profile.chance.registersReports),
      open24Hours: random.chance(profile.chance.open24Hours),
    };
  });

  // A unit with no officers is a name on paper: the police have no service point there.
  const presence = policeUnits
    .filter((unit) => unit.officers > 0)
    .map((unit) => ({
      centreId: unit._id,
      capacity: { amount: unit.officers, unit: 'officers' },
      ...(unit.open24Hours ? {} : { openingHours: profile.partTimeHours, open24Hours: false }),
    }));

  return { ...sectorSeedDocuments('police', country, data, presence), policeUnits, monitoring: policeMonitoring };
}
