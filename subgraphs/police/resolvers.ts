import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import type { CentreOffers } from '../sector-core/frameworkFacts.ts';
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

/** A centre offers a police unit with at least one officer posted. */
export const policeOffers: CentreOffers<PoliceUnitDoc> = { policeUnit: (unit) => unit.officers > 0 };
