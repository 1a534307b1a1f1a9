import { defineSectorSubgraph } from '../sector-core/sectorSubgraph.ts';
import { justiceContractResolvers } from './generated/contractResolvers.ts';
import { legalServicesDocument } from './models.ts';
import { justiceOffers, justiceResolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';
import { justiceCaseResponses } from './seed/caseResponses.ts';
import { justiceCaseResponse } from './caseResponse.ts';

/** The justice sector's subgraph: the shared sector contract plus legal services at crisis centres. */
export const justiceSubgraph = defineSectorSubgraph({
  sectorId: 'justice',
  contract: justiceContractResolvers,
  facetKey: 'legalServices',
  facetDocument: legalServicesDocument,
  offers: justiceOffers,
  resolvers: justiceResolvers,
  caseResponse: justiceCaseResponse,
  seed: (country) => ({ ...seed(country), ...justiceCaseResponses(country) }),
});

export default justiceSubgraph;
