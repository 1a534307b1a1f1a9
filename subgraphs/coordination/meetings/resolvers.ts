import { referenced } from '../../kit/loaders.ts';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import { attendanceRates, cadenceState, isOpen, isOverdueItem, type SectorAttendance } from './cadence.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { MeetingContext } from './context.ts';
import type { ActionItemDoc, AttendanceDoc, MeetingDoc } from './models.ts';
import { sourcedFields } from '../../kit/provenance.ts';
import { listPage, type PageArgs, type PagedList } from '../../kit/connections/connection.ts';
import { recordMeeting, updateActionItem, type ActionItemUpdateInput, type MeetingInput } from './writes.ts';
import { requestDay as today } from './requestDay.ts';

const canRead = (ctx: MeetingContext) => requireScopes(ctx.identity, scopes.meetingsRead);

// A body's meeting record (minutes, decisions, who came) is for those who work with the bodies
// (meetings:read); its standing (when it last met, whether it is overdue, attendance rates, the
// open items) is framework status that dashboards show too, and the SDL says so.
const meetingsOf = (body: CoordinationBodyDoc, ctx: MeetingContext): Promise<MeetingDoc[]> =>
  ctx.loaders.meetings.meetingsByBody.load(body._id);

async function bodyMeetings(body: CoordinationBodyDoc, ctx: MeetingContext): Promise<MeetingDoc[]> {
  canRead(ctx);
  return meetingsOf(body, ctx);
}

// Read whole anyway (cadence and attendance need every meeting), so paged in memory; the day
// held is the key, since a body meets at most once a day, and the id makes it unique regardless.
const meetingList = (body: CoordinationBodyDoc): PagedList => ({
  name: `meetings/${body._id}`,
  order: [
    ['heldOn', -1, 'date'],
    ['_id', -1, 'string'],
  ],
  maxSize: 100,
});

async function bodyCadence(body: CoordinationBodyDoc, ctx: MeetingContext) {
  return cadenceState(body, await meetingsOf(body, ctx), today(ctx));
}

const sectorOf = (row: { sectorId: string }, _: unknown, ctx: MeetingContext) =>
  referenced(ctx.loaders.sectorById.load(row.sectorId), `sector "${row.sectorId}"`);

/** The coordination bodies' meetings, action items and cadence, added to the lead ministry's subgraph. */
export const meetingResolvers: Resolvers<MeetingContext> = {
  Query: {
    meeting: (_: unknown, { id }: { id: string }, ctx: MeetingContext) => {
      canRead(ctx);
      return ctx.loaders.meetings.meetingById.load(id);
    },
  },
  Mutation: {
    recordMeeting: (_: unknown, { input }: { input: MeetingInput }, ctx: MeetingContext) => recordMeeting(input, ctx),
    updateActionItem: (_: unknown, { input }: { input: ActionItemUpdateInput }, ctx: MeetingContext) => updateActionItem(input, ctx),
  },
  CoordinationBody: {
    meetings: async (body: CoordinationBodyDoc, { last }: { last?: number | null }, ctx: MeetingContext) => {
      const meetings = await bodyMeetings(body, ctx);
      return last && last > 0 ? meetings.slice(0, last) : meetings;
    },
    meetingsConnection: async (body: CoordinationBodyDoc, args: PageArgs, ctx: MeetingContext) =>
      listPage(meetingList(body), args, await bodyMeetings(body, ctx)),
    lastMetOn: async (body: CoordinationBodyDoc, _: unknown, ctx: MeetingContext) => (await bodyCadence(body, ctx)).lastMetOn,
    nextMeetingDue: async (body: CoordinationBodyDoc, _: unknown, ctx: MeetingContext) => (await bodyCadence(body, ctx)).nextMeetingDue,
    meetingOverdue: async (body: CoordinationBodyDoc, _: unknown, ctx: MeetingContext) => (await bodyCadence(body, ctx)).overdue,
    daysOverdue: async (body: CoordinationBodyDoc, _: unknown, ctx: MeetingContext) => (await bodyCadence(body, ctx)).daysOverdue,
    attendanceRates: async (body: CoordinationBodyDoc, _: unknown, ctx: MeetingContext) => attendanceRates(await meetingsOf(body, ctx)),
    actionItems: async (body: CoordinationBodyDoc, { openOnly }: { openOnly?: boolean | null }, ctx: MeetingContext) => {
      const items = await ctx.loaders.meetings.itemsByBody.load(body._id);
      return openOnly ? items.filter(isOpen) : items;
    },
  },
  Meeting: {
    __resolveReference: (ref: { id: string }, ctx: MeetingContext) => {
      canRead(ctx);
      return ctx.loaders.meetings.meetingById.load(ref.id);
    },
    id: (meeting: MeetingDoc) => meeting._id,
    body: (meeting: MeetingDoc, _: unknown, ctx: MeetingContext) =>
      referenced(ctx.loaders.bodyById.load(meeting.bodyId), `coordination body "${meeting.bodyId}" (meeting "${meeting._id}")`),
    actionItems: (meeting: MeetingDoc, _: unknown, ctx: MeetingContext) => ctx.loaders.meetings.itemsByMeeting.load(meeting._id),
    ...sourcedFields,
  },
  MeetingAttendance: { sector: (row: AttendanceDoc, _: unknown, ctx: MeetingContext) => sectorOf(row, _, ctx) },
  SectorAttendanceRate: { sector: (row: SectorAttendance, _: unknown, ctx: MeetingContext) => sectorOf(row, _, ctx) },
  ActionItem: {
    id: (item: ActionItemDoc) => item._id,
    meeting: (item: ActionItemDoc, _: unknown, ctx: MeetingContext) =>
      referenced(ctx.loaders.meetings.meetingById.load(item.meetingId), `meeting "${item.meetingId}" (action item "${item._id}")`),
    sector: (item: ActionItemDoc, _: unknown, ctx: MeetingContext) => sectorOf(item, _, ctx),
    overdue: (item: ActionItemDoc, _: unknown, ctx: MeetingContext) => isOverdueItem(item, today(ctx)),
    ...sourcedFields,
  },
};
