import { recordFacet, type CentreFacet } from '../sector-core/resolvers.ts';
import type { SchoolSupportDoc } from './models.ts';

type SchoolSupportInput = Omit<SchoolSupportDoc, '_id' | 'version'> & { crisisCentreId: string };

/** The education sector's own resolvers: school support linked to each crisis centre. */
export const educationResolvers = {
  Mutation: {
    recordSchoolSupport: recordFacet<SchoolSupportInput>('education'),
  },
  CrisisCentre: {
    schoolSupport: (centre: CentreFacet<SchoolSupportDoc>) => centre.facet,
  },
};
