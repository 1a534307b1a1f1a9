import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { InvalidInputError } from '../../kit/errors.ts';
import { referenced } from '../../kit/loaders.ts';
import { sourcedFields } from '../../kit/provenance.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import type { MeetingContext } from './context.ts';
import { decisionQuery, decisionsListed, type DecisionFilter, type DecisionOrder } from './decisionList.ts';
import { decisionDaysOverdue, isOverdueDecision } from './decisionState.ts';
import { updateDecision, type DecisionUpdateInput } from './decisionWrites.ts';
import type { DecisionDoc, MeetingDoc } from './models.ts';
import { requestDay as today } from './requestDay.ts';

/* The decisions the bodies took: listed, filtered, followed and updated. All of it is meetings:read. */

type ListArgs = DecisionFilter & { orderBy?: DecisionOrder | null };

async function listDecisions(filter: DecisionFilter, orderBy: DecisionOrder | null | undefined, ctx: MeetingContext) {
  const stored = await ctx.repos.decisions.find(decisionQuery(filter));
  return decisionsListed(stored, filter, today(ctx), orderBy ?? 'DUE_DATE');
}

async function checkedBodies(bodyIds: readonly string[], ctx: MeetingContext): Promise<void> {
  const found = await Promise.all(bodyIds.map((id) => ctx.loaders.bodyById.load(id)));
  const unknown = bodyIds.filter((_, i) => !found[i]);
  if (unknown.length > 0) {
    throw new InvalidInputError('decisions filter', [{ field: 'bodyIds', problem: `names no coordination body: ${unknown.join(', ')}` }]);
  }
}

/**
 * A meeting's decisions, from their own records. A meeting whose minuted decisions and records
 * disagree is a store out of order: said, rather than shown with some missing.
 */
async function meetingDecisions(meeting: MeetingDoc, ctx: MeetingContext): Promise<DecisionDoc[]> {
  const decisions = await ctx.loaders.meetings.decisionsByMeeting.load(meeting._id);
  if (decisions.length !== meeting.decisions.length) {
    throw new Error(
      `Meeting "${meeting._id}" minutes ${meeting.decisions.length} decisions but ${decisions.length} have records: the store is inconsistent`,
    );
  }
  return decisions;
}

export const decisionResolvers: Resolvers<MeetingContext> = {
  Query: {
    decisions: async (_: unknown, { orderBy, ...filter }: ListArgs, ctx: MeetingContext) => {
      requireScopes(ctx.identity, scopes.meetingsRead);
      if (filter.bodyIds) await checkedBodies(filter.bodyIds, ctx);
      return listDecisions(filter, orderBy, ctx);
    },
    decision: (_: unknown, { id }: { id: string }, ctx: MeetingContext) => {
      requireScopes(ctx.identity, scopes.meetingsRead);
      return ctx.loaders.meetings.decisionById.load(id);
    },
  },
  Mutation: {
    updateDecision: (_: unknown, { input }: { input: DecisionUpdateInput }, ctx: MeetingContext) => updateDecision(input, ctx),
  },
  CoordinationBody: {
    decisions: async (body: CoordinationBodyDoc, { orderBy, ...filter }: Omit<ListArgs, 'bodyIds'>, ctx: MeetingContext) => {
      requireScopes(ctx.identity, scopes.meetingsRead);
      const decisions = await ctx.loaders.meetings.decisionsByBody.load(body._id);
      return decisionsListed(decisions, filter, today(ctx), orderBy ?? 'DUE_DATE');
    },
  },
  Meeting: {
    decisions: (meeting: MeetingDoc, _: unknown, ctx: MeetingContext) => meetingDecisions(meeting, ctx),
  },
  Decision: {
    id: (decision: DecisionDoc) => decision._id,
    meeting: (decision: DecisionDoc, _: unknown, ctx: MeetingContext) =>
      referenced(ctx.loaders.meetings.meetingById.load(decision.meetingId), `meeting "${decision.meetingId}" (decision "${decision._id}")`),
    body: (decision: DecisionDoc, _: unknown, ctx: MeetingContext) =>
      referenced(ctx.loaders.bodyById.load(decision.bodyId), `coordination body "${decision.bodyId}" (decision "${decision._id}")`),
    ownerOrganisation: (decision: DecisionDoc, _: unknown, ctx: MeetingContext) =>
      decision.ownerOrganisationId
        ? referenced(
            ctx.loaders.organisations.byId.load(decision.ownerOrganisationId),
            `organisation "${decision.ownerOrganisationId}" (decision "${decision._id}")`,
          )
        : null,
    ownerSector: (decision: DecisionDoc, _: unknown, ctx: MeetingContext) =>
      decision.ownerSectorId
        ? referenced(ctx.loaders.sectorById.load(decision.ownerSectorId), `sector "${decision.ownerSectorId}" (decision "${decision._id}")`)
        : null,
    overdue: (decision: DecisionDoc, _: unknown, ctx: MeetingContext) => isOverdueDecision(decision, today(ctx)),
    daysOverdue: (decision: DecisionDoc, _: unknown, ctx: MeetingContext) => decisionDaysOverdue(decision, today(ctx)),
    actionItems: (decision: DecisionDoc, _: unknown, ctx: MeetingContext) =>
      Promise.all(
        decision.actionItemIds.map((id) =>
          referenced(ctx.loaders.meetings.itemById.load(id), `action item "${id}" (decision "${decision._id}")`),
        ),
      ),
    frameworkActions: (decision: DecisionDoc, _: unknown, ctx: MeetingContext) =>
      Promise.all(
        decision.frameworkActionIds.map((id) =>
          referenced(ctx.loaders.actionById.load(id), `framework action "${id}" (decision "${decision._id}")`),
        ),
      ),
    ...sourcedFields,
  },
};
