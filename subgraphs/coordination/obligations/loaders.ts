import { loaderByField, loaderById, loaderOfAll } from '../../kit/loaders.ts';
import type { Repository } from '../../kit/repository.ts';
import type { BodyReportDoc, ObligationDoc } from './models.ts';

export interface ObligationRepositories {
  obligations: Repository<ObligationDoc>;
  bodyReports: Repository<BodyReportDoc>;
}

/** Per-request loaders: one store query per relation. */
export function createObligationLoaders(repos: ObligationRepositories) {
  return {
    all: loaderOfAll(repos.obligations, { order: 1 }),
    byId: loaderById(repos.obligations),
    byHolder: loaderByField(repos.obligations, 'holderId', { sort: { order: 1 } }),
    reportById: loaderById(repos.bodyReports),
    reportsByBody: loaderByField(repos.bodyReports, 'bodyId', { sort: { sentOn: 1, _id: 1 } }),
  };
}

export type ObligationLoaders = ReturnType<typeof createObligationLoaders>;
