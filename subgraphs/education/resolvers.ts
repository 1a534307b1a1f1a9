import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
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
