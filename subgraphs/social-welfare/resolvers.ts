import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import { sourcedFields } from '../kit/provenance.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { ShelterAndCounsellingDoc } from './models.ts';

const facet = facetOf<ShelterAndCounsellingDoc>();

/** Shelter and counselling are two parts of one record: each says where the record comes from. */
const marksOf = ({ source, addedForDemo }: ShelterAndCounsellingDoc) => ({ source: source ?? null, addedForDemo: addedForDemo ?? null });

/** The social welfare sector's own resolvers: shelter and counselling at each crisis centre. */
export const socialWelfareResolvers: Resolvers<SectorContext<ShelterAndCounsellingDoc>> = {
  CrisisCentre: {
    // A centre with no beds has no shelter: null, not a shelter of size zero.
    shelter: async (centre, _, ctx) => {
      const record = await facet(centre, _, ctx);
      return record && record.shelterBeds > 0
        ? { beds: record.shelterBeds, maxStayDays: record.maxStayDays, acceptsChildren: record.acceptsChildren, ...marksOf(record) }
        : null;
    },
    counselling: async (centre, _, ctx) => {
      const record = await facet(centre, _, ctx);
      return record && record.counsellors > 0 ? { counsellors: record.counsellors, languages: record.languages, ...marksOf(record) } : null;
    },
  },
  Shelter: sourcedFields,
  Counselling: sourcedFields,
};
