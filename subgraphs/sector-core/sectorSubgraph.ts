import { subgraphSchemaFiles } from '../../platform/schemaFiles.ts';
import type { CountryId } from '../../platform/config.ts';
import type { DocumentSpec } from '../kit/documents.ts';
import type { Draft } from '../kit/repository.ts';
import { mergeResolvers } from '../kit/resolverMaps.ts';
import { defineSubgraph, type Resolvers, type SubgraphDefinition } from '../kit/subgraph.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import { contractResolvers, type ContractResolvers } from './contract.ts';
import type { CentreOffers } from './frameworkFacts.ts';
import { createSectorLoaders } from './loaders.ts';
import { sectorCoreDocuments, type ActionRecordDoc, type ResponsibilityDoc, type ServicePointDoc } from './models.ts';
import type { SectorContext } from './resolvers.ts';
import { createMonitoringLoaders } from './monitoring/context.ts';
import { monitoringDocuments } from './monitoring/models.ts';
import { monitoringSeed } from './monitoring/seed/index.ts';
import type { SectorMonitoringDemo } from './monitoring/seed/demo.ts';
import { caseResponseCapability, type CaseResponseOptions, type CaseResponseSeed } from './caseResponses/register.ts';
import { copyDemoMarks, type MarkRepositories } from './upgradeStore.ts';

/** A sector's demo data: the shared collections plus its facet, under the facet's key. */
export type SectorSeed<K extends string, F extends StoredDocument> = {
  responsibilities: Draft<ResponsibilityDoc>[];
  servicePoints: Draft<ServicePointDoc>[];
  actionRecords: Draft<ActionRecordDoc>[];
  /** The sector's data sets, indicators and reporting habits; none when left out. */
  monitoring?: SectorMonitoringDemo;
} & { [key in K]: Draft<F>[] } & Partial<CaseResponseSeed>;

export interface SectorSubgraphOptions<K extends string, F extends StoredDocument> {
  /** The catalog id and folder name, e.g. `health`. */
  sectorId: string;
  /**
   * Sector-core's resolvers of the sector contract under the sector's own names: the sector's
   * generated/contractResolvers.ts (`npm run codegen`), e.g. `healthContractResolvers`.
   */
  contract: (core: ContractResolvers) => Resolvers;
  /** The key of the facet's rows in the sector's seed data, e.g. `medicalCare`. */
  facetKey: K;
  /** The sector's crisis-centre facet document. */
  facetDocument: DocumentSpec<F>;
  /**
   * When a facet record offers its service, for the lead ministry's filter on crisis centres: one
   * rule for each field the sector adds to `CrisisCentre`, e.g. `{ medicalCare: (care) => care.doctorsOnDuty > 0 }`.
   */
  offers: CentreOffers<F>;
  /** The sector's own resolvers: its crisis-centre facet fields and the mutation that records them. */
  resolvers: Resolvers;
  /** The sector's response to the cases it takes part in. */
  caseResponse: CaseResponseOptions<any>;
  seed(country: CountryId): SectorSeed<K, F>;
}

/**
 * A sector subgraph: the sector contract (responsibilities, service points, delivery of the
 * actions it leads, monitoring, its response to cases, its audit log) plus the sector's own
 * crisis-centre facet.
 */
export function defineSectorSubgraph<K extends string, F extends StoredDocument>(options: SectorSubgraphOptions<K, F>): SubgraphDefinition {
  const { sectorId, facetKey } = options;
  const cases = caseResponseCapability(options.caseResponse);
  const documents = { ...sectorCoreDocuments, ...monitoringDocuments, facet: options.facetDocument, ...cases.documents };
  const seedOf = (country: CountryId) => {
    const data = options.seed(country);
    const { responsibilities, servicePoints, actionRecords } = data;
    const monitoring = monitoringSeed(sectorId, country, actionRecords, data.monitoring);
    return {
      responsibilities,
      servicePoints,
      actionRecords,
      ...monitoring,
      facet: data[facetKey],
      caseResponses: data.caseResponses ?? [],
      survivorContacts: data.survivorContacts ?? [],
    };
  };
  return defineSubgraph({
    name: sectorId,
    schemaFiles: subgraphSchemaFiles(sectorId, 'sector'),
    documents,
    resolvers: mergeResolvers(options.contract(contractResolvers(sectorId, options.caseResponse, options.offers)), options.resolvers),
    createLoaders: (repos) => ({
      ...createSectorLoaders(repos),
      monitoring: createMonitoringLoaders(repos),
      ...cases.createLoaders(repos),
    }),
    seed: seedOf,
    upgrades: [
      {
        name: 'marks of the demo data',
        run: async ({ repos, country, logger }) =>
          void (await copyDemoMarks(repos as unknown as MarkRepositories, country, seedOf(country), logger)),
      },
    ],
  });
}

export type { SectorContext };
