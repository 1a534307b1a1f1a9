import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import type { CentreOffers } from '../sector-core/frameworkFacts.ts';
import { sourcedFields } from '../kit/provenance.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { SchoolSupportDoc } from './models.ts';

/** The education sector's own resolvers: school support linked to each crisis centre. */
export const educationResolvers: Resolvers<SectorContext<SchoolSupportDoc>> = {
  CrisisCentre: {
    schoolSupport: facetOf<SchoolSupportDoc>(),
  },
  SchoolSupport: sourcedFields,
};

/** A centre offers school support with at least one of its three kinds. */
export const educationOffers: CentreOffers<SchoolSupportDoc> = {
  schoolSupport: (support) => support.liaisonOfficer || support.safeTransfer || support.catchUpLearning,
};
