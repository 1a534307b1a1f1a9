import { defineSectorSubgraph } from '../sector-core/sectorSubgraph.ts';
import { healthContractResolvers } from './generated/contractResolvers.ts';
import { medicalCareDocument } from './models.ts';
import { healthOffers, healthResolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';
import { healthCaseResponses } from './seed/caseResponses.ts';
import { healthCaseResponse } from './caseResponse.ts';

/** The health sector's subgraph: the shared sector contract plus medical care at crisis centres. */
export const healthSubgraph = defineSectorSubgraph({
  sectorId: 'health',
  contract: healthContractResolvers,
  facetKey: 'medicalCare',
  facetDocument: medicalCareDocument,
  offers: healthOffers,
  resolvers: healthResolvers,
  caseResponse: healthCaseResponse,
  seed: (country) => ({ ...seed(country), ...healthCaseResponses(country) }),
});

export default healthSubgraph;
