import { facetOf, recordFacet, type SectorContext } from '../sector-core/resolvers.ts';
import type { LegalServicesInput, Resolvers } from './generated/resolverTypes.ts';
import type { LegalServicesDoc } from './models.ts';

/** The justice sector's own resolvers: legal services at each crisis centre. */
export const justiceResolvers: Resolvers<SectorContext<LegalServicesDoc>> = {
  Mutation: {
    recordLegalServices: recordFacet<LegalServicesInput, LegalServicesDoc>('justice'),
  },
  CrisisCentre: {
    legalServices: facetOf<LegalServicesDoc>(),
  },
};
