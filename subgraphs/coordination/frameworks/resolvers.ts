import { referenced } from '../../kit/loaders.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { SubgraphContext } from '../../kit/subgraph.ts';
import type { ActionDoc } from '../models.ts';
import type { CoordinationLoaders, CoordinationRepositories } from '../loaders.ts';
import { sourcedFields } from '../../kit/provenance.ts';
import { newestFirst, supersededBy, supersededByIdOf } from './lifecycle.ts';
import type { FrameworkDoc, FrameworkEventDoc, FrameworkStatus, FundingLineDoc } from './models.ts';
import { recordFrameworkEvent, type FrameworkEventInput } from './recordEvent.ts';

export type FrameworkContext = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: CoordinationRepositories;
  loaders: CoordinationLoaders;
};
type Ctx = FrameworkContext;

const frameworkById = async (id: string, ctx: Ctx, from: string) =>
  referenced(
    ctx.loaders.frameworks.load().then((all) => all.find((f) => f._id === id) ?? null),
    `framework "${id}" (${from})`,
  );

/** Frameworks over time: their status, life, funding and succession. */
export const frameworkResolvers: Resolvers<Ctx> = {
  Query: {
    frameworks: async (_: unknown, { status }: { status?: FrameworkStatus | null }, ctx: Ctx) =>
      (await ctx.loaders.frameworks.load()).filter((f) => !status || f.status === status).sort(newestFirst),
  },
  Mutation: {
    recordFrameworkEvent: (_: unknown, { input }: { input: FrameworkEventInput }, ctx: Ctx) => recordFrameworkEvent(input, ctx),
  },
  Framework: {
    events: (framework: FrameworkDoc) => framework.events ?? [],
    fundingLines: (framework: FrameworkDoc) => framework.fundingLines ?? [],
    supersedes: async (framework: FrameworkDoc, _: unknown, ctx: Ctx) => supersededBy(await ctx.loaders.frameworks.load(), framework),
    supersededBy: (framework: FrameworkDoc, _: unknown, ctx: Ctx) => {
      const id = supersededByIdOf(framework);
      return id ? frameworkById(id, ctx, `superseding "${framework._id}"`) : null;
    },
    ...sourcedFields,
  },
  FrameworkEvent: {
    supersededBy: (event: FrameworkEventDoc, _: unknown, ctx: Ctx) =>
      event.supersededById ? frameworkById(event.supersededById, ctx, 'named by a SUPERSEDED event') : null,
    recordedBy: (event: FrameworkEventDoc) => event.recordedBy ?? null,
    recordedAt: (event: FrameworkEventDoc) => event.recordedAt ?? null,
    ...sourcedFields,
  },
  FundingLine: {
    funder: (line: FundingLineDoc, _: unknown, ctx: Ctx) =>
      referenced(ctx.loaders.organisations.byId.load(line.funderId), `organisation "${line.funderId}" (funder of "${line.id}")`),
    amount: (line: FundingLineDoc) => line.amount ?? null,
    currency: (line: FundingLineDoc) => line.currency ?? null,
    period: (line: FundingLineDoc) => line.period ?? null,
    // An action no longer in the framework is left out rather than failing the whole line.
    actions: async (line: FundingLineDoc, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.actionById.loadMany(line.actionIds)).filter((a): a is ActionDoc => Boolean(a) && !(a instanceof Error)),
    ...sourcedFields,
  },
  ObligationAssessment: {
    frameworkEvents: (assessment: { frameworkEvents?: FrameworkEventDoc[] }) => assessment.frameworkEvents ?? [],
  },
};
