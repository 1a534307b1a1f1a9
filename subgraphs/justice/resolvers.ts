import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import { sourcedFields } from '../kit/provenance.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { LegalServicesDoc } from './models.ts';

/** The justice sector's own resolvers: legal services at each crisis centre. */
export const justiceResolvers: Resolvers<SectorContext<LegalServicesDoc>> = {
  CrisisCentre: {
    legalServices: facetOf<LegalServicesDoc>(),
  },
  LegalServices: sourcedFields,
};
