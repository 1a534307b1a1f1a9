import type { GraphQLResolveInfo } from 'graphql';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { storePage, type Page, type PageArgs, type PagedList } from '../connections/connection.ts';
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

interface EntriesPageArgs extends PageArgs {
  caseId?: string | null;
  action?: string | null;
  order: 'NEWEST_FIRST' | 'OLDEST_FIRST';
}

function entriesFilter(args: { caseId?: string | null; action?: string | null }): Filter {
  const filter: Filter = {};
  if (args.caseId) filter.caseIds = args.caseId;
  if (args.action) filter.action = args.action;
  return filter;
}

/**
 * A log's entries as a paged list, keyed by position in the chain, which only ever grows at its
 * end. A cursor opens only for the same log, filters and order: one read with other filters is
 * another list.
 */
const entriesList = (subgraph: string, args: EntriesPageArgs): PagedList => ({
  name: `audit-entries/${subgraph}/${args.order}/${JSON.stringify([args.caseId ?? null, args.action ?? null])}`,
  order: [['seq', args.order === 'OLDEST_FIRST' ? 1 : -1, 'number']],
  maxSize: 500,
});

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
      const entries = await ctx.repos.auditLog.find(entriesFilter(args), { sort: { seq: -1 }, limit: args.limit });
      await recordAudit(ctx, { action: 'audit.read', caseIds: [], fields: selectedFields(info), detail: `${entries.length} entries` });
      return entries;
    },
    entriesConnection: async (
      _: AuditLogRef,
      args: EntriesPageArgs,
      ctx: AuditContext,
      info: GraphQLResolveInfo,
    ): Promise<Page<AuditEntryDoc>> => {
      requireScopes(ctx.identity, scopes.auditRead);
      const page = await storePage(entriesList(subgraph, args), args, entriesFilter(args), ctx.repos.auditLog);
      const seqs = page.edges.map((e) => e.node.seq);
      await recordAudit(ctx, {
        action: 'audit.read',
        caseIds: [],
        fields: selectedFields(info, 5),
        detail: seqs.length > 0 ? `a page of ${seqs.length} entries, ${seqs[0]} to ${seqs.at(-1)}` : 'an empty page of entries',
      });
      return page;
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
