import { recordFacet, type SectorContext } from '../sector-core/resolvers.ts';
import type { SchoolSupportInput, Resolvers } from './generated/resolverTypes.ts';
import type { SchoolSupportDoc, SchoolSupportCentre } from './models.ts';

/** The education sector's own resolvers: school support linked to each crisis centre. */
export const educationResolvers: Resolvers<SectorContext> = {
  Mutation: {
    recordSchoolSupport: recordFacet<SchoolSupportInput, SchoolSupportDoc>('education'),
  },
  CrisisCentre: {
    schoolSupport: (centre: SchoolSupportCentre) => centre.facet,
  },
};
