import { describeSectorSubgraph } from '../../test/support/sectorSubgraphSuite.ts';

describeSectorSubgraph({ sectorId: 'social-welfare', facetSelection: 'shelter { beds }' });
