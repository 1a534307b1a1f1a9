import { auditDocuments } from '../../kit/audit/auditEntry.ts';
import { loaderById } from '../../kit/loaders.ts';
import type { Draft, Repository } from '../../kit/repository.ts';
import { survivorContactDocument, type CaseResponseBase, type SurvivorContactDoc } from './models.ts';
import type { CaseResponseOptions } from './resolvers.ts';

/** A sector's demo data for the cases it responds to. */
export interface CaseResponseSeed {
  caseResponses: Draft<CaseResponseBase>[];
  survivorContacts: Draft<SurvivorContactDoc>[];
}

/**
 * What a sector subgraph keeps to respond to cases: the response and contact collections, its
 * audit log, and the per-request loader. The resolvers are part of the sector contract's (../contract.ts).
 */
export function caseResponseCapability(options: CaseResponseOptions<any>) {
  return {
    documents: { caseResponses: options.document, survivorContacts: survivorContactDocument, ...auditDocuments },
    createLoaders: (repos: { caseResponses: Repository<CaseResponseBase> }) => ({ caseResponseById: loaderById(repos.caseResponses) }),
  };
}

export type { CaseResponseOptions };
