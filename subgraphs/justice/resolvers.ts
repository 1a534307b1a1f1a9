import { recordFacet, type CentreFacet } from '../sector-core/resolvers.ts';
import type { LegalServicesDoc } from './models.ts';

type LegalServicesInput = Omit<LegalServicesDoc, '_id' | 'version'> & { crisisCentreId: string };

/** The justice sector's own resolvers: legal services at each crisis centre. */
export const justiceResolvers = {
  Mutation: {
    recordLegalServices: recordFacet<LegalServicesInput>('justice'),
  },
  CrisisCentre: {
    legalServices: (centre: CentreFacet<LegalServicesDoc>) => centre.facet,
  },
};
