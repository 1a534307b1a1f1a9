import { facetOf, type SectorContext } from '../sector-core/resolvers.ts';
import type { CentreOffers } from '../sector-core/frameworkFacts.ts';
import { sourcedFields } from '../kit/provenance.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { LegalServicesDoc } from './models.ts';

/** The justice sector's own resolvers: legal services at each crisis centre. */
export const justiceResolvers: Resolvers<SectorContext<LegalServicesDoc>> = {
  CrisisCentre: {
    legalServices: facetOf<LegalServicesDoc>(),
  },
  LegalServices: sourcedFields,
};

/** A centre offers legal services when legal staff attend at least one day a week for at least one of them. */
export const justiceOffers: CentreOffers<LegalServicesDoc> = {
  legalServices: (legal) =>
    legal.daysAWeek > 0 && (legal.legalAid || legal.prosecutorLiaison || legal.courtPreparation || legal.protectionOrderApplications),
};
