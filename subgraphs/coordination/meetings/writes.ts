import { startOfDayUtc } from '../../kit/clock.ts';
import { optionalText, requiredText } from '../../kit/blankText.ts';
import { after, isoDay, notAfter, notBefore, notInFuture, planningBounds } from '../../kit/plausibleDates.ts';
import { frameworkStart } from '../framework.ts';
import { ForbiddenError, hasScope, requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { validateDocument } from '../../kit/documents.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '../../kit/errors.ts';
import { organisationAttendance } from '../organisations/attendance.ts';
import { seatedOrganisations, seatedSectors } from '../organisations/seats.ts';
import type { MeetingContext } from './context.ts';
import { checkedDecisions, decisionDrafts, type MeetingDecisions } from './decisionWrites.ts';
import { actionItemDocument, meetingDocument, type ActionItemDoc, type ActionItemStatus, type MeetingDoc } from './models.ts';

export interface MeetingInput extends MeetingDecisions {
  bodyId: string;
  heldOn: Date;
  sectorsPresent: string[];
  organisationsPresent?: string[] | null;
  minutesRef?: string | null;
  actionItems: { sectorId: string; text: string; dueDate: Date }[];
}

export interface ActionItemUpdateInput {
  id: string;
  status: ActionItemStatus;
  note?: string | null;
}

/**
 * Records a meeting, the decisions it took and the action items it assigned. Everything is
 * checked and validated before anything is written, and a second record of a stored meeting is
 * refused before anything is written; then the action items, the decisions that name them, and
 * the meeting last.
 */
export async function recordMeeting(input: MeetingInput, ctx: MeetingContext): Promise<MeetingDoc> {
  requireScopes(ctx.identity, scopes.meetingsWrite);
  const body = await ctx.repos.coordinationBodies.findById(input.bodyId);
  if (!body) throw new NotFoundError(`No coordination body "${input.bodyId}"`);
  const now = ctx.clock.now();
  const heldOn = startOfDayUtc(input.heldOn);
  const seated = seatedSectors(body);
  const named = [...new Set([...seatedOrganisations(body), ...(input.organisationsPresent ?? [])])];
  const organisations = await ctx.repos.organisations.findByIds(named);
  const attendanceOf = organisationAttendance(body, new Map(organisations.map((o) => [o._id, o])), input);
  const meetingDay = { day: heldOn, what: 'the meeting' };
  const taken = await checkedDecisions(input, { day: meetingDay, actionItems: input.actionItems.length, now }, ctx);
  const problems: FieldProblem[] = [
    ...notInFuture(now, { heldOn }),
    ...notBefore(await frameworkStart(ctx), { heldOn }),
    ...optionalText({ minutesRef: input.minutesRef }),
    ...taken.problems,
  ];
  const strangers = input.sectorsPresent.filter((id) => !seated.includes(id));
  if (strangers.length > 0) {
    problems.push({
      field: 'sectorsPresent',
      problem: `names sectors ${body._id} does not seat: ${strangers.join(', ')} (it seats ${seated.join(', ')})`,
    });
  }
  problems.push(...attendanceOf.problems);
  for (const [index, item] of input.actionItems.entries()) {
    const dueDate = { [`actionItems[${index}].dueDate`]: item.dueDate };
    problems.push(
      ...requiredText({ [`actionItems[${index}].text`]: item.text }),
      ...after(meetingDay, dueDate),
      ...notAfter(planningBounds(now).horizon, dueDate),
    );
  }
  if (problems.length > 0) throw new InvalidInputError('meeting', problems);

  const meetingId = `${body._id}-${isoDay(heldOn)}`;
  const meeting = await validateDocument(meetingDocument, {
    _id: meetingId,
    version: 1,
    bodyId: body._id,
    heldOn,
    attendance: seated.map((sectorId) => ({ sectorId, present: input.sectorsPresent.includes(sectorId) })),
    organisationAttendance: attendanceOf.rows,
    minutesRef: input.minutesRef ?? null,
    decisions: taken.decisions.map(({ text }, i) => ({ code: `D${i + 1}`, text })),
    recordedAt: now,
    recordedBy: ctx.identity.subject,
  });
  const items = input.actionItems.map((item, i) => ({
    _id: `${meetingId}-ai${i + 1}`,
    meetingId,
    bodyId: body._id,
    sectorId: item.sectorId,
    text: item.text,
    dueDate: startOfDayUtc(item.dueDate),
    status: 'OPEN' as const,
    updates: [{ status: 'OPEN' as const, note: 'Assigned at the meeting', at: now, by: ctx.identity.subject }],
  }));
  await Promise.all(
    items.map((item, i) =>
      validateDocument(actionItemDocument, { ...item, version: 1 }).catch((error: unknown) => {
        if (error instanceof InvalidInputError) {
          throw new InvalidInputError(
            'meeting',
            error.problems.map((p) => ({ field: `actionItems[${i}].${p.field}`, problem: p.problem })),
          );
        }
        throw error;
      }),
    ),
  );
  const decisions = await decisionDrafts(
    meeting,
    taken.decisions,
    items.map((item) => item._id),
    { at: now, by: ctx.identity.subject },
  );
  if (await ctx.repos.meetings.findById(meetingId)) {
    throw new ConflictError(
      `${body.name} already has a meeting recorded on ${isoDay(heldOn)} (${meetingId}); a recorded meeting is never replaced`,
    );
  }
  // The meeting is the commit point, written last: a write that fails part way leaves no meeting,
  // so nothing reads its items and decisions, and recording it again replaces what that attempt left.
  for (const item of items) await ctx.repos.actionItems.put(item);
  for (const decision of decisions) await ctx.repos.decisions.put(decision);
  const { version: _, ...draft } = meeting;
  return ctx.repos.meetings.insert(draft);
}

/**
 * Appends a status update to an action item. The body's secretariat (meetings:write) may update
 * any item; a sector may update the items assigned to it. The write is conditional on the
 * version read, so two updates at once cannot lose one another.
 */
export async function updateActionItem(input: ActionItemUpdateInput, ctx: MeetingContext): Promise<ActionItemDoc> {
  const secretariat = hasScope(ctx.identity, scopes.meetingsWrite);
  if (!secretariat && !hasScope(ctx.identity, scopes.sectorWrite)) {
    requireScopes(ctx.identity); // no credentials at all: unauthenticated rather than forbidden
    throw new ForbiddenError(
      `Updating an action item needs ${scopes.meetingsWrite}, or ${scopes.sectorWrite} for the sector it is assigned to`,
    );
  }
  const found = await ctx.repos.actionItems.findById(input.id);
  // An item assigned to another sector is answered as missing: updating must not tell a sector
  // which items exist elsewhere or whose they are.
  const item = secretariat || found?.sectorId === ctx.identity.sector ? found : null;
  if (!item) throw new NotFoundError(`No action item "${input.id}"`);
  const blank = optionalText({ note: input.note });
  if (blank.length > 0) throw new InvalidInputError('action item update', blank);
  const { version, ...rest } = item;
  const update = { status: input.status, note: input.note ?? null, at: ctx.clock.now(), by: ctx.identity.subject };
  return ctx.repos.actionItems.replace({ ...rest, status: input.status, updates: [...item.updates, update] }, version);
}
