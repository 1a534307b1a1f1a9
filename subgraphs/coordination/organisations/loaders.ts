import { loaderById, loaderOfAll } from '../../kit/loaders.ts';
import type { Repository } from '../../kit/repository.ts';
import type { OrganisationDoc } from './models.ts';

export interface OrganisationRepositories {
  organisations: Repository<OrganisationDoc>;
}

/**
 * Per-request loaders. A country has tens of organisations, so lists (by kind, by sector, by
 * parent) filter the one ordered read rather than query the store once per relation.
 */
export function createOrganisationLoaders(repos: OrganisationRepositories) {
  return {
    all: loaderOfAll(repos.organisations, { order: 1 }),
    byId: loaderById(repos.organisations),
  };
}

export type OrganisationLoaders = ReturnType<typeof createOrganisationLoaders>;
