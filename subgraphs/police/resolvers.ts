import { facetOf, recordFacet, type SectorContext } from '../sector-core/resolvers.ts';
import type { PoliceUnitInput, Resolvers } from './generated/resolverTypes.ts';
import type { PoliceUnitDoc } from './models.ts';

/** The policing sector's own resolvers: the police unit at each crisis centre. */
export const policeResolvers: Resolvers<SectorContext<PoliceUnitDoc>> = {
  Mutation: {
    recordPoliceUnit: recordFacet<PoliceUnitInput, PoliceUnitDoc>('police'),
  },
  CrisisCentre: {
    policeUnit: facetOf<PoliceUnitDoc>(),
  },
};
