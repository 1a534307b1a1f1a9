import { defineSectorSubgraph } from '../sector-core/sectorSubgraph.ts';
import { socialWelfareContractResolvers } from './generated/contractResolvers.ts';
import { shelterAndCounsellingDocument } from './models.ts';
import { socialWelfareOffers, socialWelfareResolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';
import { socialWelfareCaseResponses } from './seed/caseResponses.ts';
import { socialWelfareCaseResponse } from './caseResponse.ts';

/** The social welfare sector's subgraph: the shared sector contract plus shelter and counselling. */
export const socialWelfareSubgraph = defineSectorSubgraph({
  sectorId: 'social-welfare',
  contract: socialWelfareContractResolvers,
  facetKey: 'shelterAndCounselling',
  facetDocument: shelterAndCounsellingDocument,
  offers: socialWelfareOffers,
  resolvers: socialWelfareResolvers,
  caseResponse: socialWelfareCaseResponse,
  seed: (country) => ({ ...seed(country), ...socialWelfareCaseResponses(country) }),
});

export default socialWelfareSubgraph;
