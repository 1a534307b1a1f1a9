import { referenced } from '../../kit/loaders.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { MeetingContext } from '../meetings/context.ts';
import type { CoordinationBodyDoc, CrisisCentreDoc } from '../models.ts';
import { sourcedFields } from '../../kit/provenance.ts';
import type { AreaDoc, AreaLevel } from './models.ts';
import type { CaseDoc } from '../cases/models.ts';
import { filteredBodies, type BodyFilter } from './bodyRollup.ts';
import { centresIn, countryArea, districtOf, subtree } from './tree.ts';

type Ctx = MeetingContext;

interface AreaFilter {
  level?: AreaLevel | null;
  parentId?: string | null;
  withoutCrisisCentre?: boolean | null;
}

async function areas(_: unknown, args: AreaFilter, ctx: Ctx): Promise<AreaDoc[]> {
  const all = await ctx.loaders.areas.all.load();
  const centres = args.withoutCrisisCentre == null ? [] : await ctx.loaders.areas.crisisCentres.load();
  return all.filter(
    (area) =>
      (!args.level || area.level === args.level) &&
      (!args.parentId || area.parentId === args.parentId) &&
      (args.withoutCrisisCentre == null || (centresIn(area, all, centres).length === 0) === args.withoutCrisisCentre),
  );
}

async function centresOf(area: AreaDoc, ctx: Ctx): Promise<CrisisCentreDoc[]> {
  return centresIn(area, await ctx.loaders.areas.all.load(), await ctx.loaders.areas.crisisCentres.load());
}

/** A body's area; a body recorded before areas were kept sits for the country. */
async function areaOfBody(body: CoordinationBodyDoc, ctx: Ctx): Promise<AreaDoc> {
  if (body.areaId) return referenced(ctx.loaders.areas.byId.load(body.areaId), `area "${body.areaId}" (coordination body "${body._id}")`);
  return countryArea(await ctx.loaders.areas.all.load());
}

async function bodiesOf(area: AreaDoc, { includeBelow }: { includeBelow?: boolean | null }, ctx: Ctx): Promise<CoordinationBodyDoc[]> {
  const all = await ctx.loaders.areas.all.load();
  const within = new Set((includeBelow ? subtree(area, all) : [area]).map((a) => a._id));
  const country = countryArea(all)._id;
  return (await ctx.loaders.bodies.load()).filter((body) => within.has(body.areaId ?? country));
}

/** Areas, the bodies that sit for each, and the crisis centres in each. */
export const areaResolvers: Resolvers<Ctx> = {
  Query: {
    areas,
    area: (_: unknown, { id }: { id: string }, ctx: Ctx) => ctx.loaders.areas.byId.load(id),
    coordinationBodies: (_: unknown, args: BodyFilter, ctx: Ctx) => filteredBodies(args, ctx),
  },
  Area: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.areas.byId.load(ref.id),
    id: (area: AreaDoc) => area._id,
    parent: (area: AreaDoc, _: unknown, ctx: Ctx) =>
      area.parentId ? referenced(ctx.loaders.areas.byId.load(area.parentId), `area "${area.parentId}" (parent of "${area._id}")`) : null,
    children: async (area: AreaDoc, _: unknown, ctx: Ctx) => (await ctx.loaders.areas.all.load()).filter((a) => a.parentId === area._id),
    crisisCentres: (area: AreaDoc, _: unknown, ctx: Ctx) => centresOf(area, ctx),
    hasCrisisCentre: async (area: AreaDoc, _: unknown, ctx: Ctx) => (await centresOf(area, ctx)).length > 0,
    coordinationBodies: (area: AreaDoc, args: { includeBelow?: boolean | null }, ctx: Ctx) => bodiesOf(area, args, ctx),
    ...sourcedFields,
  },
  CrisisCentre: {
    area: async (centre: CrisisCentreDoc, _: unknown, ctx: Ctx) => districtOf(centre, await ctx.loaders.areas.all.load()),
  },
  // The case was reached through the one access rule; its district is as coarse as its area.
  SurvivorCase: {
    area: async (c: CaseDoc, _: unknown, ctx: Ctx) => districtOf(c, await ctx.loaders.areas.all.load()),
  },
  CoordinationBody: {
    area: (body: CoordinationBodyDoc, _: unknown, ctx: Ctx) => areaOfBody(body, ctx),
    level: async (body: CoordinationBodyDoc, _: unknown, ctx: Ctx) => (await areaOfBody(body, ctx)).level,
  },
};
