import { describeSectorSubgraph } from '../../test/support/sectorSubgraphSuite.ts';

describeSectorSubgraph({ sectorId: 'justice', facetSelection: 'legalServices { legalAid daysAWeek }' });
