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
import type { ShelterAndCounsellingDoc } from '../models.ts';
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';
import { socialWelfareMonitoring } from './monitoring.ts';

/** How shelter and counselling at the country's crisis centres typically look; each centre's are drawn from it. */
export interface ShelterAndCounsellingProfile {
  /** Chance, 0 to 1, that a centre has shelter beds at or linked to it, and that children may stay. */
  chance: { shelter: number; acceptsChildren: number };
  shelterBeds: Range;
  maxStayDays: Range;
  counsellors: Range;
  /** Languages counselling is offered in, by crisis centre id: they follow the people the centre serves. */
  languages: Readonly<Record<string, readonly string[]>>;
}

export type SocialWelfareCountrySeed = SectorCountrySeed<ShelterAndCounsellingProfile>;

const byCountry: Record<CountryId, SocialWelfareCountrySeed> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};

export function seed(country: CountryId): SectorSeedDocuments & { shelterAndCounselling: Draft<ShelterAndCounsellingDoc>[] } {
  const data = byCountry[country];
  const profile = data.crisisCentres;

  const shelterAndCounselling = crisisCentreFacets('social-welfare', country, (centre, random): Draft<ShelterAndCounsellingDoc> => {
    const shelterBeds = random.chance(profile.chance.shelter) ? between(random, profile.shelterBeds) : 0;
    const counsellors = between(random, profile.counsellors);
    const languages = profile.languages[centre.id];
    if (counsellors > 0 && !languages?.length) throw new Error(`social-welfare: no counselling languages for crisis centre "${centre.id}"`);
    return {
      _id: centre.id,
      shelterBeds,
      maxStayDays: shelterBeds > 0 ? between(random, profile.maxStayDays) : 0,
      acceptsChildren: shelterBeds > 0 && random.chance(profile.chance.acceptsChildren),
      counsellors,
      languages: counsellors > 0 && languages ? [...languages] : [],
    };
  });

  const presence = shelterAndCounselling
    .filter((facet) => facet.shelterBeds > 0 || facet.counsellors > 0)
    .map((facet) => ({
      centreId: facet._id,
      capacity:
        facet.shelterBeds > 0 ? { amount: facet.shelterBeds, unit: 'shelter beds' } : { amount: facet.counsellors, unit: 'counsellors' },
    }));

  return { ...sectorSeedDocuments('social-welfare', country, data, presence), shelterAndCounselling, monitoring: socialWelfareMonitoring };
}
