import { describeSectorSubgraph } from '../../test/support/sectorSubgraphSuite.ts';

describeSectorSubgraph({ sectorId: 'police', facetSelection: 'policeUnit { officers womenOfficers }' });
