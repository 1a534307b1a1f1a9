import { subgraphCatalog, typePrefix } from '../../catalog.ts';
import { requireScopes } from '../../kit/auth/identity.ts';
import { scopes } from '../../kit/auth/roles.ts';
import { auditLogResolvers } from '../../kit/audit/auditLogResolvers.ts';
import type { CaseContext } from './context.ts';

/** Every subgraph's audit log, listed by the lead ministry and served by each subgraph itself. */
export const auditLogListResolvers = {
  Query: {
    auditLog: (_: unknown, __: unknown, ctx: CaseContext) => {
      requireScopes(ctx.identity, scopes.auditRead);
      return subgraphCatalog.map((entry) => ({ id: entry.name }));
    },
  },
  AuditLog: { __resolveType: (log: { id: string }) => `${typePrefix(log.id)}AuditLog` },
  ...auditLogResolvers('CoordinationAuditLog', 'coordination'),
};
