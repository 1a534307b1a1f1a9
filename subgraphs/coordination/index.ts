import { sectorIds } from '../catalog.ts';
import { subgraphSchemaFiles } from '../kit/schemaFiles.ts';
import { mergeResolvers } from '../kit/resolverMaps.ts';
import { defineSubgraph } from '../kit/subgraph.ts';
import { caseRegistryDocuments, caseRegistryResolvers, createCaseLoaders } from './cases/index.ts';
import { createCoordinationLoaders } from './loaders.ts';
import { coordinationDocuments } from './models.ts';
import { coordinationResolvers } from './resolvers.ts';
import { seed } from './seed/index.ts';
import { caseSeed } from './cases/seed.ts';

/** The lead ministry's subgraph: sectors registry, coordination bodies, framework, crisis centres. */
export const coordinationSubgraph = defineSubgraph({
  name: 'coordination',
  schemaFiles: subgraphSchemaFiles('coordination', 'coordination'),
  documents: { ...coordinationDocuments, ...caseRegistryDocuments },
  resolvers: mergeResolvers(coordinationResolvers(sectorIds), caseRegistryResolvers),
  createLoaders: (repos) => ({ ...createCoordinationLoaders(repos), ...createCaseLoaders(repos) }),
  seed: (country) => ({ ...seed(country), ...caseSeed(country) }),
});

export default coordinationSubgraph;
