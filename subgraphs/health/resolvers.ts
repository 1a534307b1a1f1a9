import { recordFacet, type CentreFacet } from '../sector-core/resolvers.ts';
import type { MedicalCareDoc } from './models.ts';

type MedicalCareInput = Omit<MedicalCareDoc, '_id' | 'version'> & { crisisCentreId: string };

/** The health sector's own resolvers: its facet of the crisis centres. */
export const healthResolvers = {
  Mutation: {
    recordMedicalCare: recordFacet<MedicalCareInput>('health'),
  },
  CrisisCentre: {
    medicalCare: (centre: CentreFacet<MedicalCareDoc>) => centre.facet,
  },
};
