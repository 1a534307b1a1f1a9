import { describeSectorSubgraph } from '../../test/support/sectorSubgraphSuite.ts';

describeSectorSubgraph({ sectorId: 'health', facetSelection: 'medicalCare { doctorsOnDuty postExposureProphylaxis }' });
