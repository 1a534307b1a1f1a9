import { facetOf, recordFacet, type SectorContext } from '../sector-core/resolvers.ts';
import type { MedicalCareInput, Resolvers } from './generated/resolverTypes.ts';
import type { MedicalCareDoc } from './models.ts';

/** The health sector's own resolvers: its facet of the crisis centres. */
export const healthResolvers: Resolvers<SectorContext<MedicalCareDoc>> = {
  Mutation: {
    recordMedicalCare: recordFacet<MedicalCareInput, MedicalCareDoc>('health'),
  },
  CrisisCentre: {
    medicalCare: facetOf<MedicalCareDoc>(),
  },
};
