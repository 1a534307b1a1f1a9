import { recordFacet, type SectorContext } from '../sector-core/resolvers.ts';
import type { ShelterAndCounsellingInput, Resolvers } from './generated/resolverTypes.ts';
import type { ShelterAndCounsellingDoc, ShelterAndCounsellingCentre } from './models.ts';

/** The social welfare sector's own resolvers: shelter and counselling at each crisis centre. */
export const socialWelfareResolvers: Resolvers<SectorContext> = {
  Mutation: {
    recordShelterAndCounselling: recordFacet<ShelterAndCounsellingInput, ShelterAndCounsellingDoc>('social-welfare'),
  },
  CrisisCentre: {
    // A centre with no beds has no shelter: null, not a shelter of size zero.
    shelter: ({ facet }: ShelterAndCounsellingCentre) =>
      facet && facet.shelterBeds > 0
        ? { beds: facet.shelterBeds, maxStayDays: facet.maxStayDays, acceptsChildren: facet.acceptsChildren }
        : null,
    counselling: ({ facet }: ShelterAndCounsellingCentre) =>
      facet && facet.counsellors > 0 ? { counsellors: facet.counsellors, languages: facet.languages } : null,
  },
};
