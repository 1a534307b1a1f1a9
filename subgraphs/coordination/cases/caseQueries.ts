import type { Resolvers } from '../generated/resolverTypes.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { startOfDayUtc } from '../../kit/clock.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { recordAudit, selectedFields } from '../../kit/audit/recordAudit.ts';
import { InvalidInputError } from '../../kit/errors.ts';
import { callerSector, visibleAmong, visibleCase } from './access.ts';
import type { CaseContext } from './context.ts';
import { awaitingStatuses, engagedStatuses } from './lifecycle.ts';
import type { CaseDoc, ReferralDoc } from './models.ts';

/*
 * Case-level reads. Each one returns only what the caller's sector may see now (access.ts), and
 * writes one audit entry naming every case returned and every field selected, with the purpose
 * the caller gave, before it answers.
 */

type Purpose = { purpose?: string | null };

async function caseById(_: unknown, args: { id: string } & Purpose, ctx: CaseContext, info: GraphQLResolveInfo): Promise<CaseDoc | null> {
  callerSector(ctx, scopes.casesRead);
  const found = await visibleCase(ctx, args.id, 'case.read');
  if (!found) return null;
  await recordAudit(ctx, { action: 'case.read', caseIds: [found._id], fields: selectedFields(info), purpose: args.purpose });
  return found;
}

async function casesOfSector(
  _: unknown,
  args: { limit: number } & Purpose,
  ctx: CaseContext,
  info: GraphQLResolveInfo,
): Promise<CaseDoc[]> {
  const sector = callerSector(ctx, scopes.casesRead);
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > 500) {
    throw new InvalidInputError('case listing', [{ field: 'limit', problem: `must be from 1 to 500 (got ${args.limit})` }]);
  }
  const referred = await ctx.repos.referrals.find({ toSector: sector, status: { $in: [...engagedStatuses] } });
  const visibleIds = [
    ...(await visibleAmong(
      ctx.loaders,
      sector,
      referred.map((r) => r.caseId),
    )),
  ];
  const found = await ctx.repos.cases.find(
    { $or: [{ holdingSector: sector }, { _id: { $in: visibleIds } }] },
    { sort: { firstReportedOn: -1, _id: -1 }, limit: args.limit },
  );
  await recordAudit(ctx, { action: 'case.list', caseIds: found.map((c) => c._id), fields: selectedFields(info), purpose: args.purpose });
  return found;
}

async function escalatedReferrals(_: unknown, args: Purpose, ctx: CaseContext, info: GraphQLResolveInfo): Promise<ReferralDoc[]> {
  const sector = callerSector(ctx, scopes.casesRead);
  const involved = await ctx.repos.referrals.find(
    {
      status: { $in: [...awaitingStatuses] },
      followUpBy: { $lt: startOfDayUtc(ctx.clock.now()) },
      $or: [{ fromSector: sector }, { toSector: sector }],
    },
    { sort: { followUpBy: 1, _id: 1 } },
  );
  const visible = await visibleAmong(
    ctx.loaders,
    sector,
    involved.map((r) => r.caseId),
  );
  const found = involved.filter((r) => visible.has(r.caseId));
  await recordAudit(ctx, {
    action: 'referral.list-escalated',
    caseIds: found.map((r) => r.caseId),
    fields: selectedFields(info),
    purpose: args.purpose,
  });
  return found;
}

export const caseQueryResolvers: Resolvers<CaseContext> = {
  Query: { case: caseById, cases: casesOfSector, escalatedReferrals },
};
