import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import {
  between,
  crisisCentreFacets,
  type CapacityRange,
  type Range,
  sectorSeedDocuments,
  type SectorCountrySeed,
  type SectorSeedDocuments,
} from '../../sector-core/seed/generate.ts';
import type { MedicalCareDoc } from '../models.ts';
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';
import { healthMonitoring } from './monitoring.ts';

/** How medical care typically looks at the country's crisis centres; each centre's figures are drawn from it. */
export interface MedicalCareProfile {
  doctorsOnDuty: Range;
  /** Women among the doctors on duty, capped at the number of doctors drawn. */
  womenDoctorsOnDuty: Range;
  /** Chance, 0 to 1, that a centre offers each service. */
  chance: { postExposureProphylaxis: number; emergencyContraception: number; forensicExamination: number; open24Hours: number };
  dnaLaboratory: string | null;
  dnaTurnaroundDays: Range | null;
  /** What the health service point at a centre can take, e.g. beds. */
  capacity: CapacityRange | null;
  /** Known facts about particular centres, which override the drawn figures. */
  overrides?: Readonly<Record<string, Partial<Omit<Draft<MedicalCareDoc>, '_id'>>>>;
}

export type HealthCountrySeed = SectorCountrySeed<MedicalCareProfile>;

const byCountry: Record<CountryId, HealthCountrySeed> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};

export function seed(country: CountryId): SectorSeedDocuments & { medicalCare: Draft<MedicalCareDoc>[] } {
  const data = byCountry[country];
  const profile = data.crisisCentres;
  const capacityAt = new Map<string, number>();

  const medicalCare = crisisCentreFacets('health', country, (centre, random): Draft<MedicalCareDoc> => {
    const doctorsOnDuty = between(random, profile.doctorsOnDuty);
    if (profile.capacity) capacityAt.set(centre.id, between(random, profile.capacity.amount));
    return {
      _id: centre.id,
      doctorsOnDuty,
      womenDoctorsOnDuty: Math.min(doctorsOnDuty, between(random, profile.womenDoctorsOnDuty)),
      postExposureProphylaxis: random.chance(profile.chance.postExposureProphylaxis),
      emergencyContraception: random.chance(profile.chance.emergencyContraception),
      forensicExamination: random.chance(profile.chance.forensicExamination),
      dnaLaboratory: profile.dnaLaboratory,
      dnaTurnaroundDays: profile.dnaTurnaroundDays ? between(random, profile.dnaTurnaroundDays) : null,
      open24Hours: random.chance(profile.chance.open24Hours),
      ...profile.overrides?.[centre.id],
    };
  });

  // The health sector is present at every crisis centre: each one is in a hospital.
  const presence = medicalCare.map((care) => {
    const amount = capacityAt.get(care._id);
    return {
      centreId: care._id,
      capacity: amount !== undefined && profile.capacity ? { amount, unit: profile.capacity.unit } : null,
      ...(care.open24Hours ? {} : { openingHours: 'Daily 07:00-22:00', open24Hours: false }),
    };
  });

  return { ...sectorSeedDocuments('health', country, data, presence), medicalCare, monitoring: healthMonitoring };
}
