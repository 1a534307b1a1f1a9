import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import { sourcedFields } from '../kit/provenance.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { PoliceUnitDoc } from './models.ts';

/** The policing sector's own resolvers: the police unit at each crisis centre. */
export const policeResolvers: Resolvers<SectorContext<PoliceUnitDoc>> = {
  CrisisCentre: {
    policeUnit: facetOf<PoliceUnitDoc>(),
  },
  PoliceUnit: sourcedFields,
};
