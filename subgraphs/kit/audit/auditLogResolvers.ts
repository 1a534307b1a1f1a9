import type { GraphQLResolveInfo } from 'graphql';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { InvalidInputError } from '../errors.ts';
import type { Filter } from '../store/port.ts';
import type { AuditEntryDoc } from './auditEntry.ts';
import { verifyAuditLog } from './auditLog.ts';
import { recordAudit, selectedFields, type AuditContext } from './recordAudit.ts';

interface EntriesArgs {
  caseId?: string | null;
  action?: string | null;
  limit: number;
}

/** A subgraph's audit log as its resolvers see it: the log is named by its subgraph. */
export interface AuditLogRef {
  id: string;
}

/**
 * The fields of one subgraph's audit log type (`CoordinationAuditLog`, `HealthAuditLog`...): its
 * entries and the check of its chain, for auditors only. Reading the log is itself recorded, so
 * the log also shows who looked at it. Each subgraph places these, with `auditEntryFields`, in a
 * resolver map typed by its own generated resolver types.
 */
export function auditLogFields(subgraph: string) {
  return {
    __resolveReference: (ref: AuditLogRef): AuditLogRef | null => (ref.id === subgraph ? { id: subgraph } : null),
    entries: async (_: AuditLogRef, args: EntriesArgs, ctx: AuditContext, info: GraphQLResolveInfo): Promise<AuditEntryDoc[]> => {
      requireScopes(ctx.identity, scopes.auditRead);
      if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > 1000) {
        throw new InvalidInputError('audit log query', [{ field: 'limit', problem: `must be from 1 to 1000 (got ${args.limit})` }]);
      }
      const filter: Filter = {};
      if (args.caseId) filter.caseIds = args.caseId;
      if (args.action) filter.action = args.action;
      const entries = await ctx.repos.auditLog.find(filter, { sort: { seq: -1 }, limit: args.limit });
      await recordAudit(ctx, { action: 'audit.read', caseIds: [], fields: selectedFields(info), detail: `${entries.length} entries` });
      return entries;
    },
    check: async (_: AuditLogRef, __: unknown, ctx: AuditContext) => {
      requireScopes(ctx.identity, scopes.auditRead);
      return verifyAuditLog(ctx.repos);
    },
  };
}

/** The fields of an audit entry that differ from its stored document. */
export const auditEntryFields = {
  id: (e: AuditEntryDoc) => e._id,
  sectorId: (e: AuditEntryDoc) => e.sector,
};
