import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import type { CentreOffers } from '../sector-core/frameworkFacts.ts';
import { sourcedFields } from '../kit/provenance.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { ShelterAndCounsellingDoc } from './models.ts';

const facet = facetOf<ShelterAndCounsellingDoc>();

// A centre offers shelter with at least one bed, and counselling with at least one counsellor;
// otherwise neither is served: null, not a shelter of size zero.
const hasShelter = (record: ShelterAndCounsellingDoc) => record.shelterBeds > 0;
const hasCounselling = (record: ShelterAndCounsellingDoc) => record.counsellors > 0;

/** When a centre offers shelter and counselling: the same rules as the facet's fields. */
export const socialWelfareOffers: CentreOffers<ShelterAndCounsellingDoc> = { shelter: hasShelter, counselling: hasCounselling };

/** Shelter and counselling are two parts of one record: each says where the record comes from. */
const marksOf = ({ source, addedForDemo }: ShelterAndCounsellingDoc) => ({ source: source ?? null, addedForDemo: addedForDemo ?? null });

/** The social welfare sector's own resolvers: shelter and counselling at each crisis centre. */
export const socialWelfareResolvers: Resolvers<SectorContext<ShelterAndCounsellingDoc>> = {
  CrisisCentre: {
    shelter: async (centre, _, ctx) => {
      const record = await facet(centre, _, ctx);
      return record && hasShelter(record)
        ? { beds: record.shelterBeds, maxStayDays: record.maxStayDays, acceptsChildren: record.acceptsChildren, ...marksOf(record) }
        : null;
    },
    counselling: async (centre, _, ctx) => {
      const record = await facet(centre, _, ctx);
      return record && hasCounselling(record) ? { counsellors: record.counsellors, languages: record.languages, ...marksOf(record) } : null;
    },
  },
  Shelter: sourcedFields,
  Counselling: sourcedFields,
};
