import { auditEntryFields, auditLogFields } from '../kit/audit/auditLogResolvers.ts';
import type { AuditContext } from '../kit/audit/recordAudit.ts';
import { mergeResolvers } from '../kit/resolverMaps.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import { caseResponseResolvers, type CaseResponseContext, type CaseResponseOptions } from './caseResponses/resolvers.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { MonitoringContext } from './monitoring/context.ts';
import { sectorMonitoringResolvers } from './monitoring/resolvers.ts';
import { sectorCoreResolvers, type SectorContext } from './resolvers.ts';
import { frameworkFactResolvers, type CentreOffers } from './frameworkFacts.ts';

/*
 * Sector-core's side of the sector contract (contract.graphql): every resolver it declares, written
 * once under its placeholder names (`TemplateSector`, `recordTemplateServicePoint`...) and typed
 * by the resolver types of sector-core's rendering of it. Each sector's
 * generated/contractResolvers.ts binds them to the sector's own names, typed by the sector's own
 * resolver types, so the compiler checks the binding.
 */

/** What a resolver of the sector contract receives: the sector's collections and loaders, monitoring's, its cases' and its audit log's. */
export type ContractContext<F extends StoredDocument = StoredDocument> = SectorContext<F> &
  MonitoringContext &
  CaseResponseContext &
  AuditContext;

/**
 * Sector-core's resolvers of the sector contract, under its placeholder names. Federation answers
 * `_entities` itself, through each entity's `__resolveReference`.
 */
export type ContractResolvers = Omit<Resolvers<ContractContext>, '_Entity'>;

/**
 * The sector contract's resolvers for one sector: its id, what its response to a case records, and
 * when it offers its facets' services at a crisis centre.
 */
export function contractResolvers(sectorId: string, caseResponse: CaseResponseOptions<any>, offers: CentreOffers<any>): ContractResolvers {
  return mergeResolvers<ContractResolvers>(
    sectorCoreResolvers(sectorId),
    frameworkFactResolvers(sectorId, offers),
    sectorMonitoringResolvers(sectorId),
    caseResponseResolvers(sectorId, caseResponse),
    { TemplateAuditLog: auditLogFields(sectorId), AuditEntry: auditEntryFields },
  );
}
