import { subgraphSchemaFiles } from '../../platform/schemaFiles.ts';
import type { CountryId } from '../../platform/config.ts';
import type { DocumentSpec } from '../kit/documents.ts';
import type { Draft } from '../kit/repository.ts';
import { mergeResolvers } from '../kit/resolverMaps.ts';
import { defineSubgraph, type Resolvers, type SubgraphDefinition } from '../kit/subgraph.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import { typePrefix } from '../../platform/catalog.ts';
import { createSectorLoaders, type SectorRepositories } from './loaders.ts';
import { sectorCoreDocuments, type ActionRecordDoc, type ResponsibilityDoc, type ServicePointDoc } from './models.ts';
import { sectorCoreResolvers, type SectorContext } from './resolvers.ts';
import { forSector } from './template.ts';
import { createMonitoringLoaders, type MonitoringRepositories } from './monitoring/context.ts';
import { monitoringDocuments } from './monitoring/models.ts';
import { sectorMonitoringResolvers } from './monitoring/resolvers.ts';
import { monitoringSeed } from './monitoring/seed/index.ts';
import type { SectorMonitoringDemo } from './monitoring/seed/demo.ts';
import { caseResponseCapability, type CaseResponseOptions, type CaseResponseSeed } from './caseResponses/register.ts';

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
  /** The key of the facet's rows in the sector's seed data, e.g. `medicalCare`. */
  facetKey: K;
  /** The sector's crisis-centre facet document. */
  facetDocument: DocumentSpec<F>;
  /** The sector's own resolvers: its crisis-centre facet fields and the mutation that records them. */
  resolvers: Resolvers;
  /** The sector's response to the cases it takes part in, when it has one. */
  caseResponse?: CaseResponseOptions<any>;
  seed(country: CountryId): SectorSeed<K, F>;
}

/**
 * A sector subgraph: the shared sector contract (responsibilities, service points, delivery of
 * the actions it leads, entity resolution) plus the sector's own crisis-centre facet.
 */
export function defineSectorSubgraph<K extends string, F extends StoredDocument>(options: SectorSubgraphOptions<K, F>): SubgraphDefinition {
  const { sectorId, facetKey } = options;
  const cases = options.caseResponse ? caseResponseCapability(sectorId, typePrefix(sectorId), options.caseResponse) : null;
  const documents = { ...sectorCoreDocuments, ...monitoringDocuments, facet: options.facetDocument, ...cases?.documents };
  return defineSubgraph({
    name: sectorId,
    schemaFiles: subgraphSchemaFiles(sectorId, 'sector'),
    documents,
    resolvers: mergeResolvers(
      forSector(sectorCoreResolvers(sectorId), typePrefix(sectorId)),
      forSector(sectorMonitoringResolvers(sectorId), typePrefix(sectorId)),
      options.resolvers,
      cases?.resolvers ?? {},
    ),
    createLoaders: (repos) => ({
      ...createSectorLoaders(repos as unknown as SectorRepositories),
      monitoring: createMonitoringLoaders(repos as unknown as MonitoringRepositories),
      ...cases?.createLoaders(repos as never),
    }),
    seed: (country) => {
      const data = options.seed(country);
      const { responsibilities, servicePoints, actionRecords } = data;
      const monitoring = monitoringSeed(sectorId, country, actionRecords, data.monitoring);
      const caseData = cases ? { caseResponses: data.caseResponses ?? [], survivorContacts: data.survivorContacts ?? [] } : {};
      return { responsibilities, servicePoints, actionRecords, ...monitoring, facet: data[facetKey], ...caseData } as never;
    },
  }) as unknown as SubgraphDefinition;
}

export type { SectorContext };
