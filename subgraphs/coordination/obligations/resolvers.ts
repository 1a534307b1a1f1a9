import { startOfDayUtc } from '../../kit/clock.ts';
import { referenced } from '../../kit/loaders.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import { currentOf } from '../frameworks/lifecycle.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import type { OrganisationDoc } from '../organisations/models.ts';
import { sourcedFields } from '../../kit/provenance.ts';
import type { ObligationContext } from './context.ts';
import { evaluateObligation, type Evaluation } from './evaluate.ts';
import type { BodyReportDoc, ObligationDoc } from './models.ts';
import { recordBodyReport, type BodyReportInput } from './writes.ts';

type Ctx = ObligationContext;

/** The events of the framework a duty to review concerns: the one it names, or the current one. */
async function frameworkEvents(obligation: ObligationDoc, ctx: Ctx) {
  if (obligation.duty !== 'REVIEW_FRAMEWORK') return [];
  const frameworks = await ctx.loaders.frameworks.load();
  const framework = obligation.frameworkId ? frameworks.find((f) => f._id === obligation.frameworkId) : currentOf(frameworks);
  if (!framework)
    throw new Error(`Obligation "${obligation._id}" concerns framework "${obligation.frameworkId ?? '(current)'}", which is not recorded`);
  return framework.events ?? [];
}

/**
 * The evaluation as of today, from the holder's meetings and reports (a body's; an organisation
 * keeps neither yet) and, for a duty to review the framework, the framework's events.
 */
function evaluation(obligation: ObligationDoc, ctx: Ctx): Promise<Evaluation> {
  // status and assessments both ask for it: evaluate once per obligation and request.
  let ofRequest = evaluations.get(ctx.loaders);
  if (!ofRequest) evaluations.set(ctx.loaders, (ofRequest = new Map<string, Promise<Evaluation>>()));
  let evaluated = ofRequest.get(obligation._id);
  if (!evaluated) ofRequest.set(obligation._id, (evaluated = evaluate(obligation, ctx)));
  return evaluated;
}

/** Per request (its loaders), the evaluations made. */
const evaluations = new WeakMap<object, Map<string, Promise<Evaluation>>>();

async function evaluate(obligation: ObligationDoc, ctx: Ctx): Promise<Evaluation> {
  const today = startOfDayUtc(ctx.clock.now());
  const body = obligation.holderKind === 'BODY';
  const [meetings, reports, events] = await Promise.all([
    body ? ctx.loaders.meetings.meetingsByBody.load(obligation.holderId) : [],
    body ? ctx.loaders.obligations.reportsByBody.load(obligation.holderId) : [],
    frameworkEvents(obligation, ctx),
  ]);
  return evaluateObligation(obligation, { meetings, reports, frameworkEvents: events }, today);
}

const organisation = (id: string, ctx: Ctx, from: string) =>
  referenced(ctx.loaders.organisations.byId.load(id), `organisation "${id}" (${from})`);

/** Obligations, their evaluation and the reports that are their evidence. */
export const obligationResolvers: Resolvers<Ctx> = {
  Query: {
    obligations: (_: unknown, { holderId }: { holderId?: string | null }, ctx: Ctx) =>
      holderId ? ctx.loaders.obligations.byHolder.load(holderId) : ctx.loaders.obligations.all.load(),
  },
  Mutation: {
    recordBodyReport: (_: unknown, { input }: { input: BodyReportInput }, ctx: Ctx) => recordBodyReport(input, ctx),
  },
  Obligation: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.obligations.byId.load(ref.id),
    id: (obligation: ObligationDoc) => obligation._id,
    holder: (obligation: ObligationDoc, _: unknown, ctx: Ctx) => {
      const from = `holder of obligation "${obligation._id}"`;
      return obligation.holderKind === 'ORGANISATION'
        ? organisation(obligation.holderId, ctx, from)
        : referenced(ctx.loaders.bodyById.load(obligation.holderId), `coordination body "${obligation.holderId}" (${from})`);
    },
    owedTo: (obligation: ObligationDoc, _: unknown, ctx: Ctx) =>
      obligation.owedToId ? organisation(obligation.owedToId, ctx, `owed obligation "${obligation._id}"`) : null,
    status: async (obligation: ObligationDoc, _: unknown, ctx: Ctx) => (await evaluation(obligation, ctx)).status,
    assessments: async (obligation: ObligationDoc, _: unknown, ctx: Ctx) => (await evaluation(obligation, ctx)).assessments,
    ...sourcedFields,
  },
  ObligationHolder: {
    __resolveType: (holder: CoordinationBodyDoc | OrganisationDoc) => ('cadence' in holder ? 'CoordinationBody' : 'Organisation'),
  },
  ObligationRule: {
    times: (rule: ObligationDoc['rule']) => rule.times ?? null,
    period: (rule: ObligationDoc['rule']) => rule.period ?? null,
    dueBy: (rule: ObligationDoc['rule']) => rule.dueBy ?? null,
  },
  BodyReport: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.obligations.reportById.load(ref.id),
    id: (report: BodyReportDoc) => report._id,
    body: (report: BodyReportDoc, _: unknown, ctx: Ctx) =>
      referenced(ctx.loaders.bodyById.load(report.bodyId), `coordination body "${report.bodyId}" (report "${report._id}")`),
    coversMeeting: (report: BodyReportDoc, _: unknown, ctx: Ctx) =>
      referenced(ctx.loaders.meetings.meetingById.load(report.meetingId), `meeting "${report.meetingId}" (report "${report._id}")`),
    sentTo: (report: BodyReportDoc, _: unknown, ctx: Ctx) => organisation(report.sentToId, ctx, `report "${report._id}"`),
  },
  CoordinationBody: {
    obligations: (body: CoordinationBodyDoc, _: unknown, ctx: Ctx) => ctx.loaders.obligations.byHolder.load(body._id),
  },
  Organisation: {
    obligations: (holder: OrganisationDoc, _: unknown, ctx: Ctx) => ctx.loaders.obligations.byHolder.load(holder._id),
  },
};
