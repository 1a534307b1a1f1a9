import { typePrefix } from '../../platform/catalog.ts';
import { referenced } from '../kit/loaders.ts';
import { refuseWhole } from '../kit/documents.ts';
import { InvalidInputError, NotFoundError } from '../kit/errors.ts';
import type { SubgraphContext } from '../kit/subgraph.ts';
import { optionalText, requiredText } from '../kit/blankText.ts';
import { notInFuture } from '../kit/plausibleDates.ts';
import { sourcedFields } from '../kit/provenance.ts';
import type { OrganisationDoc } from './organisations/models.ts';
import { theFramework } from './framework.ts';
import { currentOf } from './frameworks/lifecycle.ts';
import type { FrameworkActionResolvers, Resolvers, SectorAgencyResolvers } from './generated/resolverTypes.ts';
import type { CoordinationLoaders, CoordinationRepositories } from './loaders.ts';
import type { SeatDoc } from './organisations/models.ts';
import { chairsOf } from './organisations/seats.ts';
import type { ActionDoc, CoordinationBodyDoc, CrisisCentreDoc, FocalPointDoc, FrameworkDoc, ObjectiveDoc, SectorDoc } from './models.ts';

type Context = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: CoordinationRepositories;
  loaders: CoordinationLoaders;
};
type Ref = { id: string };

const byId = (doc: { _id: string }) => doc._id;

/** Fields every sector type shares; the sector's own subgraph adds the rest. */
const sectorFields = {
  __resolveReference: (ref: Ref, ctx: Context) => ctx.loaders.sectorById.load(ref.id),
  id: byId,
  ledActions: (sector: SectorDoc, _: unknown, ctx: Context) => ctx.loaders.actionsByLead.load(sector._id),
  supportingActions: (sector: SectorDoc, _: unknown, ctx: Context) => ctx.loaders.actionsBySupporter.load(sector._id),
  ledActionIds: async (sector: SectorDoc, _: unknown, ctx: Context) => (await ctx.loaders.actionsByLead.load(sector._id)).map(byId),
  ...sourcedFields,
};

const organisationById = (id: string, action: ActionDoc, ctx: Context) =>
  referenced(ctx.loaders.organisations.byId.load(id), `organisation "${id}" (framework action "${action._id}")`);

const actionFields = {
  __resolveReference: (ref: Ref, ctx: Context) => ctx.loaders.actionById.load(ref.id),
  id: byId,
  objective: (action: ActionDoc, _: unknown, ctx: Context) => ctx.loaders.objectiveById.load(action.objectiveId),
  leadSector: (action: ActionDoc, _: unknown, ctx: Context) => ctx.loaders.sectorById.load(action.leadSectorId),
  supportingSectors: async (action: ActionDoc, _: unknown, ctx: Context) =>
    (await ctx.loaders.sectorById.loadMany(action.supportingSectorIds)).filter((s): s is SectorDoc => Boolean(s) && !(s instanceof Error)),
  leadOrganisation: (action: ActionDoc, _: unknown, ctx: Context) =>
    action.leadOrganisationId ? organisationById(action.leadOrganisationId, action, ctx) : null,
  supportingOrganisations: (action: ActionDoc, _: unknown, ctx: Context): Promise<OrganisationDoc[]> =>
    Promise.all((action.supportingOrganisationIds ?? []).map((id) => organisationById(id, action, ctx))),
  ...sourcedFields,
};

/** The GraphQL type of a sector or an action follows from the sector id: `social-welfare` → `SocialWelfareSector`. */
const sectorTypeName = (sector: SectorDoc) => `${typePrefix(sector._id)}Sector`;
const actionTypeName = (action: ActionDoc) => `${typePrefix(action.leadSectorId)}Action`;

interface FrameworkActionInput {
  id: string;
  code: string;
  title: string;
  objectiveId: string;
  leadSectorId: string;
  supportingSectorIds: string[];
  leadOrganisationId?: string | null;
  supportingOrganisationIds?: string[] | null;
}

/** What is wrong with the organisations an action names: unknown ids, the lead among its supporters, one named twice. */
async function organisationProblems(input: FrameworkActionInput, ctx: Context): Promise<{ field: string; problem: string }[]> {
  const supporting = input.supportingOrganisationIds ?? [];
  const named = [...new Set([...(input.leadOrganisationId ? [input.leadOrganisationId] : []), ...supporting])];
  const known = new Set((await ctx.repos.organisations.findByIds(named)).map(byId));
  const problems: { field: string; problem: string }[] = [];
  if (input.leadOrganisationId && !known.has(input.leadOrganisationId)) {
    problems.push({ field: 'leadOrganisationId', problem: `names no organisation (got "${input.leadOrganisationId}")` });
  }
  const unknown = supporting.filter((id) => !known.has(id));
  if (unknown.length > 0)
    problems.push({ field: 'supportingOrganisationIds', problem: `names unknown organisations: ${unknown.join(', ')}` });
  if (input.leadOrganisationId && supporting.includes(input.leadOrganisationId)) {
    problems.push({ field: 'supportingOrganisationIds', problem: 'must not include the lead organisation' });
  }
  if (new Set(supporting).size !== supporting.length) {
    problems.push({ field: 'supportingOrganisationIds', problem: 'must not name an organisation twice' });
  }
  return problems;
}

async function addFrameworkAction(_: unknown, { input }: { input: FrameworkActionInput }, ctx: Context) {
  const [objective, lead] = await Promise.all([
    ctx.repos.objectives.findById(input.objectiveId),
    ctx.repos.sectors.findById(input.leadSectorId),
  ]);
  const problems = requiredText({ code: input.code, title: input.title });
  if (!objective) problems.push({ field: 'objectiveId', problem: `names no objective of the framework (got "${input.objectiveId}")` });
  if (!lead) problems.push({ field: 'leadSectorId', problem: `names no registered sector (got "${input.leadSectorId}")` });
  if (input.supportingSectorIds.includes(input.leadSectorId)) {
    problems.push({ field: 'supportingSectorIds', problem: 'must not include the lead sector' });
  }
  const supporters = await ctx.repos.sectors.findByIds(input.supportingSectorIds);
  const unknown = input.supportingSectorIds.filter((id) => !supporters.some((s) => s._id === id));
  if (unknown.length > 0) problems.push({ field: 'supportingSectorIds', problem: `names unregistered sectors: ${unknown.join(', ')}` });
  problems.push(...(await organisationProblems(input, ctx)));
  if (problems.length > 0) throw new InvalidInputError('framework action', problems);
  const { id, leadOrganisationId, supportingOrganisationIds, ...fields } = input;
  return ctx.repos.actions.insert({
    _id: id,
    ...fields,
    leadOrganisationId: leadOrganisationId ?? null,
    supportingOrganisationIds: supportingOrganisationIds ?? [],
  });
}

async function updateFocalPoint(_: unknown, args: { sectorId: string; input: FocalPointDoc }, ctx: Context) {
  const sector = await ctx.repos.sectors.findById(args.sectorId);
  if (!sector) throw new NotFoundError(`No sector with id "${args.sectorId}"`);
  const { version, ...rest } = sector;
  const draft = { ...rest, focalPoint: args.input };
  // The sector document refuses a blank name or title; a blank email would pass its pattern.
  await refuseWhole(ctx.repos.sectors.spec, draft, optionalText({ 'focalPoint.email': args.input.email }));
  return ctx.repos.sectors.replace(draft, version);
}

async function addCrisisCentre(_: unknown, { input }: { input: Omit<CrisisCentreDoc, '_id' | 'version'> & Ref }, ctx: Context) {
  const { id, ...fields } = input;
  await refuseWhole(ctx.repos.crisisCentres.spec, { _id: id, ...fields }, [
    ...requiredText({ name: input.name, hospital: input.hospital, place: input.place, district: input.district }),
    ...notInFuture(ctx.clock.now(), { openedOn: input.openedOn }),
  ]);
  return ctx.repos.crisisCentres.insert({ _id: id, ...fields });
}

const perSectorTypes = (sectorIds: readonly string[]) =>
  Object.fromEntries<typeof sectorFields | typeof actionFields>(
    sectorIds.flatMap((id) => [
      [`${typePrefix(id)}Sector`, sectorFields],
      [`${typePrefix(id)}Action`, actionFields],
    ]),
  );

type SectorTypeName = NonNullable<Awaited<ReturnType<NonNullable<SectorAgencyResolvers['__resolveType']>>>>;
type ActionTypeName = NonNullable<Awaited<ReturnType<NonNullable<FrameworkActionResolvers['__resolveType']>>>>;

/** The deprecated single chair: the CHAIR, or the first CO_CHAIR of a body chaired by co-chairs (the model requires one or the other). */
function chairOf(body: CoordinationBodyDoc): SeatDoc {
  const [chair] = chairsOf(body);
  if (!chair) throw new Error(`Coordination body "${body._id}" has no chair or co-chair among its seats`);
  return chair;
}

const isCurrent = async (framework: FrameworkDoc, ctx: Context) => currentOf(await ctx.loaders.frameworks.load())?._id === framework._id;

/** The lead ministry's resolvers. `sectorIds` are the sectors whose types the schema declares. */
export function coordinationResolvers(sectorIds: readonly string[]) {
  const resolvers: Resolvers<Context> = {
    Query: {
      framework: (_: unknown, __: unknown, ctx: Context) => theFramework(ctx),
      sectors: (_: unknown, __: unknown, ctx: Context) => ctx.loaders.sectors.load(),
      sector: (_: unknown, { id }: Ref, ctx: Context) => ctx.loaders.sectorById.load(id),
      coordinationBody: (_: unknown, { id }: Ref, ctx: Context) => ctx.loaders.bodyById.load(id),
      crisisCentres: (_: unknown, { district }: { district?: string | null }, ctx: Context) =>
        ctx.repos.crisisCentres.find(district ? { district } : {}, { sort: { district: 1, name: 1 } }),
      crisisCentre: (_: unknown, { id }: Ref, ctx: Context) => ctx.loaders.crisisCentreById.load(id),
      action: (_: unknown, { id }: Ref, ctx: Context) => ctx.loaders.actionById.load(id),
    },
    Mutation: { addFrameworkAction, updateFocalPoint, addCrisisCentre },
    // Type names follow from catalog ids; the generated union lists the same names.
    SectorAgency: { __resolveType: (sector) => sectorTypeName(sector) as SectorTypeName, ...sectorFields },
    FrameworkAction: { __resolveType: (action) => actionTypeName(action) as ActionTypeName, ...actionFields },
    Framework: {
      id: byId,
      leadMinistry: async (framework: FrameworkDoc, _: unknown, ctx: Context) =>
        (
          await referenced(
            ctx.loaders.organisations.byId.load(framework.leadOrganisationId),
            `organisation "${framework.leadOrganisationId}"`,
          )
        ).name,
      // The objectives and actions the hub holds are the current framework's; an earlier one lists none.
      objectives: async (framework: FrameworkDoc, __: unknown, ctx: Context) =>
        (await isCurrent(framework, ctx)) ? ctx.loaders.objectives.load() : [],
      actions: async (framework: FrameworkDoc, { leadSectorId }: { leadSectorId?: string | null }, ctx: Context) => {
        if (!(await isCurrent(framework, ctx))) return [];
        return leadSectorId ? ctx.loaders.actionsByLead.load(leadSectorId) : ctx.loaders.actions.load();
      },
    },
    FocalPoint: { ...sourcedFields },
    Objective: {
      id: byId,
      ...sourcedFields,
      actions: (objective: ObjectiveDoc, _: unknown, ctx: Context) => ctx.loaders.actionsByObjective.load(objective._id),
    },
    CoordinationBody: {
      __resolveReference: (ref: Ref, ctx: Context) => ctx.loaders.bodyById.load(ref.id),
      id: byId,
      chair: (body: CoordinationBodyDoc) => chairOf(body),
      members: (body: CoordinationBodyDoc) => body.seats,
      reportsTo: (body: CoordinationBodyDoc, _: unknown, ctx: Context) =>
        body.reportsToId ? ctx.loaders.bodyById.load(body.reportsToId) : null,
      reportingBodies: (body: CoordinationBodyDoc, _: unknown, ctx: Context) => ctx.loaders.bodiesByParent.load(body._id),
      ...sourcedFields,
    },
    BodyMember: {
      organisation: async (seat: SeatDoc, _: unknown, ctx: Context) =>
        (await referenced(ctx.loaders.organisations.byId.load(seat.organisationId), `organisation "${seat.organisationId}"`)).name,
      sector: (seat: SeatDoc, _: unknown, ctx: Context) => (seat.sectorId ? ctx.loaders.sectorById.load(seat.sectorId) : null),
    },
    CrisisCentre: {
      __resolveReference: (ref: Ref, ctx: Context) => ctx.loaders.crisisCentreById.load(ref.id),
      id: byId,
      ...sourcedFields,
    },
  };
  // One type per sector, named from the catalog, so they cannot be listed in the typed map.
  return { ...resolvers, ...perSectorTypes(sectorIds) };
}
