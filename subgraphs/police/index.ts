import { defineSectorSubgraph } from '../sector-core/sectorSubgraph.ts';
import { policeContractResolvers } from './generated/contractResolvers.ts';
import { policeUnitDocument } from './models.ts';
import { policeOffers, policeResolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';
import { policeCaseResponses } from './seed/caseResponses.ts';
import { policeCaseResponse } from './caseResponse.ts';

/** The policing sector's subgraph: the shared sector contract plus police units at crisis centres. */
export const policeSubgraph = defineSectorSubgraph({
  sectorId: 'police',
  contract: policeContractResolvers,
  facetKey: 'policeUnits',
  facetDocument: policeUnitDocument,
  offers: policeOffers,
  resolvers: policeResolvers,
  caseResponse: policeCaseResponse,
  seed: (country) => ({ ...seed(country), ...policeCaseResponses(country) }),
});

export default policeSubgraph;
