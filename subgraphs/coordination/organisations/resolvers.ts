import { referenced } from '../../kit/loaders.ts';
import { theFramework } from '../framework.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { OrganisationAttendanceDoc } from '../meetings/models.ts';
import type { CoordinationBodyDoc, FrameworkDoc, SectorDoc } from '../models.ts';
import { sourcedFields } from '../../kit/provenance.ts';
import { organisationAttendanceRates, type OrganisationAttendanceCount } from './attendance.ts';
import type { MeetingContext } from '../meetings/context.ts';
import type { OrganisationDoc } from './models.ts';
import { chairsOf, seatsOf, type SeatRef } from './seats.ts';

type Ctx = MeetingContext;

const organisationById = (id: string, ctx: Ctx, from: string) =>
  referenced(ctx.loaders.organisations.byId.load(id), `organisation "${id}" (${from})`);

const organisationOf = (row: { organisationId: string }, _: unknown, ctx: Ctx) => organisationById(row.organisationId, ctx, 'attendance');

async function organisations(_: unknown, args: { kind?: OrganisationDoc['kind'] | null; sectorId?: string | null }, ctx: Ctx) {
  const all = await ctx.loaders.organisations.all.load();
  return all.filter((o) => (!args.kind || o.kind === args.kind) && (!args.sectorId || o.sectorIds.includes(args.sectorId)));
}

async function sectorsOf(organisation: OrganisationDoc, _: unknown, ctx: Ctx): Promise<SectorDoc[]> {
  const loaded = await ctx.loaders.sectorById.loadMany(organisation.sectorIds);
  return loaded.map((sector, i) => {
    if (!sector || sector instanceof Error) {
      throw new Error(
        `Stored data refers to sector "${organisation.sectorIds[i]}" (organisation "${organisation._id}"), which does not exist`,
      );
    }
    return sector;
  });
}

/** Organisations, the seats they hold on the coordination bodies, and who came to each meeting. */
export const organisationResolvers: Resolvers<Ctx> = {
  Query: {
    organisations,
    organisation: (_: unknown, { id }: { id: string }, ctx: Ctx) => ctx.loaders.organisations.byId.load(id),
  },
  Organisation: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.organisations.byId.load(ref.id),
    id: (organisation: OrganisationDoc) => organisation._id,
    parent: (organisation: OrganisationDoc, _: unknown, ctx: Ctx) =>
      organisation.parentId ? organisationById(organisation.parentId, ctx, `parent of "${organisation._id}"`) : null,
    children: async (organisation: OrganisationDoc, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.organisations.all.load()).filter((o) => o.parentId === organisation._id),
    sectors: sectorsOf,
    leadsFramework: async (organisation: OrganisationDoc, _: unknown, ctx: Ctx) =>
      (await theFramework(ctx)).leadOrganisationId === organisation._id,
    seats: async (organisation: OrganisationDoc, _: unknown, ctx: Ctx) =>
      (await ctx.loaders.bodies.load()).flatMap((body) => seatsOf(body).filter((s) => s.organisationId === organisation._id)),
    ...sourcedFields,
  },
  BodySeat: {
    body: (seat: SeatRef, _: unknown, ctx: Ctx) => referenced(ctx.loaders.bodyById.load(seat.bodyId), `coordination body "${seat.bodyId}"`),
    organisation: (seat: SeatRef, _: unknown, ctx: Ctx) => organisationById(seat.organisationId, ctx, `a seat on "${seat.bodyId}"`),
    sector: (seat: SeatRef, _: unknown, ctx: Ctx) => (seat.sectorId ? ctx.loaders.sectorById.load(seat.sectorId) : null),
    ...sourcedFields,
  },
  CoordinationBody: {
    seats: (body: CoordinationBodyDoc) => seatsOf(body),
    chairs: (body: CoordinationBodyDoc) => chairsOf(body),
    organisationAttendanceRates: async (body: CoordinationBodyDoc, _: unknown, ctx: Ctx) =>
      organisationAttendanceRates(await ctx.loaders.meetings.meetingsByBody.load(body._id)),
  },
  Meeting: {
    organisationAttendance: (meeting) => meeting.organisationAttendance ?? [],
  },
  OrganisationAttendance: { organisation: (row: OrganisationAttendanceDoc, _: unknown, ctx: Ctx) => organisationOf(row, _, ctx) },
  OrganisationAttendanceRate: { organisation: (row: OrganisationAttendanceCount, _: unknown, ctx: Ctx) => organisationOf(row, _, ctx) },
  Framework: {
    leadOrganisation: (framework: FrameworkDoc, _: unknown, ctx: Ctx) =>
      organisationById(framework.leadOrganisationId, ctx, `lead of framework "${framework._id}"`),
  },
};
