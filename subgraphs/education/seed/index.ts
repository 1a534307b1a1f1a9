import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import {
  crisisCentreFacets,
  sectorSeedDocuments,
  type SectorCountrySeed,
  type SectorSeedDocuments,
} from '../../sector-core/seed/generate.ts';
import type { SchoolSupportDoc } from '../models.ts';
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';
import { educationMonitoring } from './monitoring.ts';

/** How school support linked to the country's crisis centres typically looks; each centre's is drawn from it. */
export interface SchoolSupportProfile {
  /** Chance, 0 to 1, that a centre has each kind of support. */
  chance: { liaisonOfficer: number; safeTransfer: number; catchUpLearning: number };
}

export type EducationCountrySeed = SectorCountrySeed<SchoolSupportProfile>;

const byCountry: Record<CountryId, EducationCountrySeed> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};

export function seed(country: CountryId): SectorSeedDocuments & { schoolSupport: Draft<SchoolSupportDoc>[] } {
  const data = byCountry[country];
  const { chance } = data.crisisCentres;

  const schoolSupport = crisisCentreFacets('education', country, (centre, random): Draft<SchoolSupportDoc> => ({
    _id: centre.id,
    liaisonOfficer: random.chance(chance.liaisonOfficer),
    safeTransfer: random.chance(chance.safeTransfer),
    catchUpLearning: random.chance(chance.catchUpLearning),
  }));

  // The education sector has a service point at a centre only where a liaison officer serves it.
  const presence = schoolSupport.filter((support) => support.liaisonOfficer).map((support) => ({ centreId: support._id, capacity: null }));

  return { ...sectorSeedDocuments('education', country, data, presence), schoolSupport, monitoring: educationMonitoring };
}
