import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { NotFoundError } from '../../kit/errors.ts';
import { theFramework } from '../framework.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import { isOpen, isOverdueItem } from './cadence.ts';
import { requestDay } from './requestDay.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { MeetingContext } from './context.ts';
import type { ObligationContext } from '../obligations/context.ts';
import type { ActionItemDoc, DecisionDoc } from './models.ts';
import { decisionQuery, decisionsListed } from './decisionList.ts';
import { openDecisionStatuses } from './decisionState.ts';

/** What the meeting pack resolves from; its other fields come from other modules and subgraphs. */
export interface Pack {
  body: CoordinationBodyDoc;
  preparedOn: Date;
  items: ActionItemDoc[];
  /** Open decisions of the same bodies, the most overdue first. */
  decisions: DecisionDoc[];
  /** The bodies that report to the pack's body. */
  reportingBodies: CoordinationBodyDoc[];
}

/**
 * The pack's own part: the body, and the open items and open decisions of its meetings and of
 * the bodies that report to it (a steering committee follows up what its coordination committee
 * assigned and decided).
 * Everything else in the pack is reached through fields other modules and subgraphs resolve.
 */
async function meetingPack(_: unknown, { bodyId }: { bodyId: string }, ctx: MeetingContext): Promise<Pack> {
  requireScopes(ctx.identity, scopes.meetingsRead, scopes.frameworkRead);
  const body = await ctx.loaders.bodyById.load(bodyId);
  if (!body) throw new NotFoundError(`No coordination body "${bodyId}"`);
  const reporting = await ctx.loaders.bodiesByParent.load(body._id);
  const items = (await ctx.loaders.meetings.items.load()).filter(
    (item) => isOpen(item) && (item.bodyId === body._id || reporting.some((b) => b._id === item.bodyId)),
  );
  const preparedOn = requestDay(ctx);
  const open = { status: openDecisionStatuses, bodyIds: [body._id, ...reporting.map((b) => b._id)] };
  const decisions = decisionsListed(await ctx.repos.decisions.find(decisionQuery(open)), open, preparedOn);
  return { body, preparedOn, items, decisions, reportingBodies: reporting };
}

type PackContext = ObligationContext;

export const meetingPackResolvers: Resolvers<PackContext> = {
  Query: { meetingPack },
  MeetingPack: {
    framework: (_: Pack, __: unknown, ctx: MeetingContext) => theFramework(ctx),
    sectors: (_: Pack, __: unknown, ctx: MeetingContext) => ctx.loaders.sectors.load(),
    openActionItems: (pack: Pack) => pack.items,
    overdueActionItems: (pack: Pack) => pack.items.filter((item) => isOverdueItem(item, pack.preparedOn)),
    openDecisions: (pack: Pack) => pack.decisions,
    obligations: async (pack: Pack, _: unknown, ctx: PackContext) => {
      const holders = [pack.body._id, ...pack.reportingBodies.map((b) => b._id), (await theFramework(ctx)).leadOrganisationId];
      const held = await Promise.all([...new Set(holders)].map((id) => ctx.loaders.obligations.byHolder.load(id)));
      return held.flat();
    },
  },
};
