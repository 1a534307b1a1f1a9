import { recordFacet, type CentreFacet } from '../sector-core/resolvers.ts';
import type { PoliceUnitDoc } from './models.ts';

type PoliceUnitInput = Omit<PoliceUnitDoc, '_id' | 'version'> & { crisisCentreId: string };

/** The policing sector's own resolvers: the police unit at each crisis centre. */
export const policeResolvers = {
  Mutation: {
    recordPoliceUnit: recordFacet<PoliceUnitInput>('police'),
  },
  CrisisCentre: {
    policeUnit: (centre: CentreFacet<PoliceUnitDoc>) => centre.facet,
  },
};
