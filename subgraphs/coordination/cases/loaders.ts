import { loaderById, loaderByField } from '../../kit/loaders.ts';
import type { Repositories } from '../../kit/subgraph.ts';
import type { caseDocuments } from './models.ts';

/** Per-request loaders for cases and referrals: one store query per relation, whatever the list sizes. */
export function createCaseLoaders(repos: Repositories<typeof caseDocuments>) {
  return {
    caseById: loaderById(repos.cases),
    referralById: loaderById(repos.referrals),
    referralsByCase: loaderByField(repos.referrals, 'caseId', { sort: { createdAt: 1 } }),
  };
}

export type CaseLoaders = ReturnType<typeof createCaseLoaders>;
