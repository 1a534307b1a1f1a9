import { startOfDayUtc } from '../../kit/clock.ts';
import { cadenceState } from '../meetings/cadence.ts';
import type { MeetingContext } from '../meetings/context.ts';
import type { CoordinationBodyDoc } from '../models.ts';
import type { AreaLevel } from './models.ts';
import { countryArea, subtree } from './tree.ts';

/*
 * The coordination bodies filtered by where they sit and when they last met: "every district
 * committee that has not met this quarter" is `level: DISTRICT, notMetSince: <the quarter's first
 * day>`; "every body overdue to meet" is `overdueToMeet: true`, by each body's cadence as
 * `meetingOverdue` says it. Answered from the recorded meetings each time it is asked; nothing is kept.
 */

export interface BodyFilter {
  level?: AreaLevel | null;
  withinAreaId?: string | null;
  notMetSince?: Date | null;
  overdueToMeet?: boolean | null;
}

export async function filteredBodies(args: BodyFilter, ctx: MeetingContext): Promise<CoordinationBodyDoc[]> {
  const bodies = await ctx.loaders.bodies.load();
  if (!args.level && !args.withinAreaId && !args.notMetSince && args.overdueToMeet == null) return bodies;

  const areas = await ctx.loaders.areas.all.load();
  const country = countryArea(areas)._id;
  const areaOf = (body: CoordinationBodyDoc) => body.areaId ?? country;
  const levelOf = new Map(areas.map((a) => [a._id, a.level]));
  let within: Set<string> | null = null;
  if (args.withinAreaId) {
    const area = areas.find((a) => a._id === args.withinAreaId);
    // An area that does not exist holds no bodies, as an empty list says.
    within = new Set(area ? subtree(area, areas).map((a) => a._id) : []);
  }
  const placed = bodies.filter(
    (body) => (!args.level || levelOf.get(areaOf(body)) === args.level) && (!within || within.has(areaOf(body))),
  );
  if (!args.notMetSince && args.overdueToMeet == null) return placed;

  const since = args.notMetSince?.getTime();
  const today = startOfDayUtc(ctx.clock.now());
  // One read of the meetings of every body left, however many there are.
  const meetings = await ctx.loaders.meetings.meetingsByBody.loadMany(placed.map((body) => body._id));
  return placed.filter((body, i) => {
    const loaded = meetings[i];
    if (loaded instanceof Error) throw loaded;
    const held = loaded ?? [];
    if (since !== undefined && held.some((meeting) => meeting.heldOn.getTime() >= since)) return false;
    return args.overdueToMeet == null || cadenceState(body, held, today).overdue === args.overdueToMeet;
  });
}
