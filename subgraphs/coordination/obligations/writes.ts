import { startOfDayUtc } from '../../kit/clock.ts';
import { optionalText } from '../../kit/blankText.ts';
import { isoDay, notBefore, notInFuture } from '../../kit/plausibleDates.ts';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { validateDocument } from '../../kit/documents.ts';
import { ConflictError, InvalidInputError, type FieldProblem } from '../../kit/errors.ts';
import type { ObligationContext } from './context.ts';
import { bodyReportDocument, type BodyReportDoc } from './models.ts';

export interface BodyReportInput {
  meetingId: string;
  sentToId: string;
  sentOn: Date;
  ref?: string | null;
}

/**
 * Records a report a body sent on one of its meetings. Everything is checked before anything is
 * written; a meeting may have several reports (a correction, a second addressee), numbered in
 * the order they are recorded.
 */
export async function recordBodyReport(input: BodyReportInput, ctx: ObligationContext): Promise<BodyReportDoc> {
  requireScopes(ctx.identity, scopes.meetingsWrite);
  const now = ctx.clock.now();
  const sentOn = startOfDayUtc(input.sentOn);
  const [meeting, sentTo] = await Promise.all([
    ctx.repos.meetings.findById(input.meetingId),
    ctx.repos.organisations.findById(input.sentToId),
  ]);
  const problems: FieldProblem[] = [...notInFuture(now, { sentOn }), ...optionalText({ ref: input.ref })];
  if (!meeting) problems.push({ field: 'meetingId', problem: `names no recorded meeting ("${input.meetingId}")` });
  else problems.push(...notBefore({ day: meeting.heldOn, what: `the meeting (${isoDay(meeting.heldOn)})` }, { sentOn }));
  if (!sentTo) problems.push({ field: 'sentToId', problem: `names no organisation ("${input.sentToId}")` });
  if (problems.length > 0 || !meeting) throw new InvalidInputError('body report', problems);

  // Numbered in the order recorded; two reports on one meeting recorded at once would take the
  // same number, and the later insert is refused as a duplicate: count again and take the next.
  for (let attempt = 1; ; attempt += 1) {
    const earlier = await ctx.repos.bodyReports.count({ meetingId: meeting._id });
    const report = await validateDocument(bodyReportDocument, {
      _id: `${meeting._id}-report${earlier + 1}`,
      version: 1,
      bodyId: meeting.bodyId,
      meetingId: meeting._id,
      sentToId: input.sentToId,
      sentOn,
      ref: input.ref ?? null,
      recordedAt: now,
      recordedBy: ctx.identity.subject,
    });
    const { version: _, ...draft } = report;
    try {
      return await ctx.repos.bodyReports.insert(draft);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === 3) throw error;
    }
  }
}
