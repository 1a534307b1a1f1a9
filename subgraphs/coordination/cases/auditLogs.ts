import { auditedSubgraphs, typePrefix } from '../../../platform/catalog.ts';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { auditEntryFields, auditLogFields } from '../../kit/audit/auditLogResolvers.ts';
import type { AuditLogResolvers, Resolvers } from '../generated/resolverTypes.ts';
import type { CaseContext } from './context.ts';

type AuditLogTypeName = NonNullable<Awaited<ReturnType<NonNullable<AuditLogResolvers['__resolveType']>>>>;

/** Every subgraph's audit log, listed by the lead ministry and served by each subgraph itself. */
export const auditLogListResolvers: Resolvers<CaseContext> = {
  Query: {
    auditLog: (_: unknown, __: unknown, ctx: CaseContext) => {
      requireScopes(ctx.identity, scopes.auditRead);
      return auditedSubgraphs.map((id) => ({ id }));
    },
  },
  // Type names follow from catalog ids; the generated union lists the same names.
  AuditLog: { __resolveType: (log) => `${typePrefix(log.id)}AuditLog` as AuditLogTypeName },
  CoordinationAuditLog: auditLogFields('coordination'),
  AuditEntry: auditEntryFields,
};
