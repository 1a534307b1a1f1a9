import { recordFacet, type CentreFacet } from '../sector-core/resolvers.ts';
import type { ShelterAndCounsellingDoc } from './models.ts';

type ShelterAndCounsellingInput = Omit<ShelterAndCounsellingDoc, '_id' | 'version'> & { crisisCentreId: string };

/** The social welfare sector's own resolvers: shelter and counselling at each crisis centre. */
export const socialWelfareResolvers = {
  Mutation: {
    recordShelterAndCounselling: recordFacet<ShelterAndCounsellingInput>('social-welfare'),
  },
  CrisisCentre: {
    // A centre with no beds has no shelter: null, not a shelter of size zero.
    shelter: ({ facet }: CentreFacet<ShelterAndCounsellingDoc>) =>
      facet && facet.shelterBeds > 0
        ? { beds: facet.shelterBeds, maxStayDays: facet.maxStayDays, acceptsChildren: facet.acceptsChildren }
        : null,
    counselling: ({ facet }: CentreFacet<ShelterAndCounsellingDoc>) =>
      facet && facet.counsellors > 0 ? { counsellors: facet.counsellors, languages: facet.languages } : null,
  },
};
