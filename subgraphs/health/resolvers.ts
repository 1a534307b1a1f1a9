import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import type { CentreOffers } from '../sector-core/frameworkFacts.ts';
import { sourcedFields } from '../kit/provenance.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { MedicalCareDoc } from './models.ts';

/** The health sector's own resolvers: its facet of the crisis centres. */
export const healthResolvers: Resolvers<SectorContext<MedicalCareDoc>> = {
  CrisisCentre: {
    medicalCare: facetOf<MedicalCareDoc>(),
  },
  MedicalCare: sourcedFields,
};

/** A centre offers medical care with at least one doctor on duty. */
export const healthOffers: CentreOffers<MedicalCareDoc> = { medicalCare: (care) => care.doctorsOnDuty > 0 };
