import { loaderById, loaderOfAll } from '../../kit/loaders.ts';
import type { Repository } from '../../kit/repository.ts';
import type { CrisisCentreDoc } from '../models.ts';
import type { AreaDoc } from './models.ts';

export interface AreaRepositories {
  areas: Repository<AreaDoc>;
  crisisCentres: Repository<CrisisCentreDoc>;
}

/**
 * Per-request loaders. A country has tens of areas and crisis centres, so the tree and its
 * rollups are walked over one ordered read of each rather than a query per level.
 */
export function createAreaLoaders(repos: AreaRepositories) {
  return {
    all: loaderOfAll(repos.areas, { order: 1 }),
    byId: loaderById(repos.areas),
    crisisCentres: loaderOfAll(repos.crisisCentres, { district: 1, name: 1 }),
  };
}

export type AreaLoaders = ReturnType<typeof createAreaLoaders>;
