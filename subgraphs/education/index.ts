import { defineSectorSubgraph } from '../sector-core/sectorSubgraph.ts';
import { educationContractResolvers } from './generated/contractResolvers.ts';
import { schoolSupportDocument } from './models.ts';
import { educationOffers, educationResolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';
import { educationCaseResponses } from './seed/caseResponses.ts';
import { educationCaseResponse } from './caseResponse.ts';

/** The education sector's subgraph: the shared sector contract plus school support for survivors. */
export const educationSubgraph = defineSectorSubgraph({
  sectorId: 'education',
  contract: educationContractResolvers,
  facetKey: 'schoolSupport',
  facetDocument: schoolSupportDocument,
  offers: educationOffers,
  resolvers: educationResolvers,
  caseResponse: educationCaseResponse,
  seed: (country) => ({ ...seed(country), ...educationCaseResponses(country) }),
});

export default educationSubgraph;
