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
import type { LegalServicesDoc } from '../models.ts';
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';
import { justiceMonitoring } from './monitoring.ts';

/** How legal services at the country's crisis centres typically look; each centre's are drawn from it. */
export interface LegalServicesProfile {
  /** Chance, 0 to 1, that a centre offers each service. */
  chance: { legalAid: number; prosecutorLiaison: number; courtPreparation: number; protectionOrderApplications: number };
  daysAWeek: Range;
  /** Hours on the days the service is there, e.g. `09:00-17:00`. */
  hours: string;
}

export type JusticeCountrySeed = SectorCountrySeed<LegalServicesProfile>;

const byCountry: Record<CountryId, JusticeCountrySeed> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};

export function seed(country: CountryId): SectorSeedDocuments & { legalServices: Draft<LegalServicesDoc>[] } {
  const data = byCountry[country];
  const profile = data.crisisCentres;

  const legalServices = crisisCentreFacets('justice', country, (centre, random): Draft<LegalServicesDoc> => ({
    _id: centre.id,
    legalAid: random.chance(profile.chance.legalAid),
    prosecutorLiaison: random.chance(profile.chance.prosecutorLiaison),
    courtPreparation: random.chance(profile.chance.courtPreparation),
    protectionOrderApplications: random.chance(profile.chance.protectionOrderApplications),
    daysAWeek: between(random, profile.daysAWeek),
  }));

  // The justice sector is present at a centre on the days its staff are there.
  const presence = legalServices
    .filter((services) => services.daysAWeek > 0)
    .map((services) => ({
      centreId: services._id,
      capacity: null,
      openingHours: `${services.daysAWeek} days a week, ${profile.hours}`,
      open24Hours: false,
    }));

  return { ...sectorSeedDocuments('justice', country, data, presence), legalServices, monitoring: justiceMonitoring };
}
