import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { ShelterAndCounsellingDoc } from './models.ts';

const facet = facetOf<ShelterAndCounsellingDoc>();

/** The social welfare sector's own resolvers: shelter and counselling at each crisis centre. */
export const socialWelfareResolvers: Resolvers<SectorContext<ShelterAndCounsellingDoc>> = {
  CrisisCentre: {
    // A centre with no beds has no shelter: null, not a shelter of size zero.
    shelter: async (centre, _, ctx) => {
      const record = await facet(centre, _, ctx);
      return record && record.shelterBeds > 0
        ? { beds: record.shelterBeds, maxStayDays: record.maxStayDays, acceptsChildren: record.acceptsChildren }
        : null;
    },
    counselling: async (centre, _, ctx) => {
      const record = await facet(centre, _, ctx);
      return record && record.counsellors > 0 ? { counsellors: record.counsellors, languages: record.languages } : null;
    },
  },
};
