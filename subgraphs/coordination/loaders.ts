import { loaderById, loaderByField, loaderOfAll } from '../kit/loaders.ts';
import type { Repositories } from '../kit/subgraph.ts';
import type { coordinationDocuments } from './models.ts';
import { createAreaLoaders } from './areas/loaders.ts';
import { createOrganisationLoaders } from './organisations/loaders.ts';

export type CoordinationRepositories = Repositories<typeof coordinationDocuments>;

/** Per-request loaders: one store query per collection and relation, whatever the list sizes. */
export function createCoordinationLoaders(repos: CoordinationRepositories) {
  return {
    sectors: loaderOfAll(repos.sectors, { order: 1 }),
    sectorById: loaderById(repos.sectors),
    frameworks: loaderOfAll(repos.frameworks),
    objectives: loaderOfAll(repos.objectives, { order: 1 }),
    objectiveById: loaderById(repos.objectives),
    actions: loaderOfAll(repos.actions, { code: 1 }),
    actionById: loaderById(repos.actions),
    actionsByObjective: loaderByField(repos.actions, 'objectiveId', { sort: { code: 1 } }),
    actionsByLead: loaderByField(repos.actions, 'leadSectorId', { sort: { code: 1 } }),
    actionsBySupporter: loaderByField(repos.actions, 'supportingSectorIds', { sort: { code: 1 } }),
    bodies: loaderOfAll(repos.coordinationBodies, { order: 1 }),
    bodyById: loaderById(repos.coordinationBodies),
    bodiesByParent: loaderByField(repos.coordinationBodies, 'reportsToId', { sort: { order: 1 } }),
    crisisCentreById: loaderById(repos.crisisCentres),
    organisations: createOrganisationLoaders(repos),
    areas: createAreaLoaders(repos),
  };
}

export type CoordinationLoaders = ReturnType<typeof createCoordinationLoaders>;
