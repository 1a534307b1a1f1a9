import { auditDocuments } from '../../kit/audit/auditEntry.ts';
import { auditEntryFields, auditLogFields } from '../../kit/audit/auditLogResolvers.ts';
import type { AuditContext } from '../../kit/audit/recordAudit.ts';
import { mergeResolvers } from '../../kit/resolverMaps.ts';
import { loaderById } from '../../kit/loaders.ts';
import type { Draft } from '../../kit/repository.ts';
import type { Repository } from '../../kit/repository.ts';
import type { Resolvers } from '../../kit/subgraph.ts';
import type { Resolvers as TemplateResolvers } from '../generated/resolverTypes.ts';
import { forSector } from '../template.ts';
import { survivorContactDocument, type CaseResponseBase, type SurvivorContactDoc } from './models.ts';
import { caseResponseResolvers, type CaseResponseOptions } from './resolvers.ts';

/** The sector's audit log and its entries, for auditors. */
function auditLogResolvers(sectorId: string): TemplateResolvers<AuditContext> {
  return { TemplateAuditLog: auditLogFields(sectorId), AuditEntry: auditEntryFields };
}

/** A sector's demo data for the cases it responds to. */
export interface CaseResponseSeed {
  caseResponses: Draft<CaseResponseBase>[];
  survivorContacts: Draft<SurvivorContactDoc>[];
}

/**
 * What a sector subgraph gains when it responds to cases: the response and contact collections,
 * its audit log (and the auditors' view of it), the resolvers and the per-request loader. defineSectorSubgraph adds these when
 * a sector passes its `caseResponse` options.
 */
export function caseResponseCapability(sectorId: string, typePrefix: string, options: CaseResponseOptions<any>) {
  return {
    documents: { caseResponses: options.document, survivorContacts: survivorContactDocument, ...auditDocuments },
    resolvers: forSector(
      mergeResolvers(caseResponseResolvers(sectorId, options) as Resolvers, auditLogResolvers(sectorId) as Resolvers),
      typePrefix,
    ),
    createLoaders: (repos: { caseResponses: Repository<CaseResponseBase> }) => ({ caseResponseById: loaderById(repos.caseResponses) }),
  };
}

export type { CaseResponseOptions };
