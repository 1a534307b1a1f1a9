import { describeSectorSubgraph } from '../../test/support/sectorSubgraphSuite.ts';

describeSectorSubgraph({ sectorId: 'education', facetSelection: 'schoolSupport { safeTransfer }' });
