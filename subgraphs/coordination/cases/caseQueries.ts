import type { Resolvers } from '../generated/resolverTypes.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { startOfDayUtc } from '../../kit/clock.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { recordAudit, selectedFields } from '../../kit/audit/recordAudit.ts';
import { listPage, selectedNodeFields, storePage, type Page, type PageArgs, type PagedList } from '../../kit/connections/connection.ts';
import { InvalidInputError } from '../../kit/errors.ts';
import type { Filter } from '../../kit/store/port.ts';
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

/**
 * The cases `sector` may see now, as a store filter: those it holds, and those referred to it
 * that the access rule lets it see (the rule decides each, in access.ts).
 */
async function visibleCasesFilter(ctx: CaseContext, sector: string): Promise<Filter> {
  const referred = await ctx.repos.referrals.find({ toSector: sector, status: { $in: [...engagedStatuses] } });
  const visibleIds = [
    ...(await visibleAmong(
      ctx.loaders,
      sector,
      referred.map((r) => r.caseId),
    )),
  ];
  return { $or: [{ holdingSector: sector }, { _id: { $in: visibleIds } }] };
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
  const found = await ctx.repos.cases.find(await visibleCasesFilter(ctx, sector), {
    sort: { firstReportedOn: -1, _id: -1 },
    limit: args.limit,
  });
  await recordAudit(ctx, { action: 'case.list', caseIds: found.map((c) => c._id), fields: selectedFields(info), purpose: args.purpose });
  return found;
}

// Each sector pages its own view of a list: a cursor given out to one sector opens for no other.
const caseList = (sector: string): PagedList => ({
  name: `cases/${sector}`,
  order: [
    ['firstReportedOn', -1, 'date'],
    ['_id', -1, 'string'],
  ],
  maxSize: 100,
});

const escalatedList = (sector: string): PagedList => ({
  name: `escalated-referrals/${sector}`,
  order: [
    ['followUpBy', 1, 'date'],
    ['_id', 1, 'string'],
  ],
  maxSize: 100,
});

async function casesConnection(_: unknown, args: PageArgs & Purpose, ctx: CaseContext, info: GraphQLResolveInfo): Promise<Page<CaseDoc>> {
  const sector = callerSector(ctx, scopes.casesRead);
  const page = await storePage(caseList(sector), args, await visibleCasesFilter(ctx, sector), ctx.repos.cases);
  await recordAudit(ctx, {
    action: 'case.list',
    caseIds: page.edges.map((e) => e.node._id),
    fields: selectedNodeFields(info),
    purpose: args.purpose,
    detail: 'a page of casesConnection',
  });
  return page;
}

/** The referrals sent by or to `sector` past their follow-up day and still awaiting service, that it may see now; most overdue first. */
async function visibleEscalated(ctx: CaseContext, sector: string): Promise<ReferralDoc[]> {
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
  return involved.filter((r) => visible.has(r.caseId));
}

async function escalatedReferrals(_: unknown, args: Purpose, ctx: CaseContext, info: GraphQLResolveInfo): Promise<ReferralDoc[]> {
  const sector = callerSector(ctx, scopes.casesRead);
  const found = await visibleEscalated(ctx, sector);
  await recordAudit(ctx, {
    action: 'referral.list-escalated',
    caseIds: found.map((r) => r.caseId),
    fields: selectedFields(info),
    purpose: args.purpose,
  });
  return found;
}

async function escalatedReferralsConnection(
  _: unknown,
  args: PageArgs & Purpose,
  ctx: CaseContext,
  info: GraphQLResolveInfo,
): Promise<Page<ReferralDoc>> {
  const sector = callerSector(ctx, scopes.casesRead);
  // Read whole, as escalatedReferrals reads it: the access rule is decided per case, in memory.
  const page = listPage(escalatedList(sector), args, await visibleEscalated(ctx, sector));
  await recordAudit(ctx, {
    action: 'referral.list-escalated',
    caseIds: page.edges.map((e) => e.node.caseId),
    fields: selectedNodeFields(info),
    purpose: args.purpose,
    detail: 'a page of escalatedReferralsConnection',
  });
  return page;
}

export const caseQueryResolvers: Resolvers<CaseContext> = {
  Query: { case: caseById, cases: casesOfSector, casesConnection, escalatedReferrals, escalatedReferralsConnection },
};
