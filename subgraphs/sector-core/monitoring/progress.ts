import { startOfDayUtc } from '../../kit/clock.ts';
import { optionalText } from '../../kit/blankText.ts';
import { notAfter, notBefore, notInFuture, planningBounds } from '../../kit/plausibleDates.ts';
import { ForbiddenError, requireOwnSector } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { InvalidInputError, type FieldProblem } from '../../kit/errors.ts';
import type { ActionRecordDoc, ActionStatus } from '../models.ts';
import type { MonitoringContext } from './context.ts';
import { validateDocument } from '../../kit/documents.ts';
import { progressReportDocument, type ProgressReportDoc } from './models.ts';

export interface ProgressReportInput {
  actionId: string;
  status: ActionStatus;
  note?: string | null;
  evidenceRef?: string | null;
  dueDate?: Date | null;
  asOf?: Date | null;
}

/** A due date a sector commits to lies within the planning horizon, either way from today. */
export function dueDateProblems(now: Date, dueDate: Date | null | undefined): FieldProblem[] {
  const { horizon, horizonAgo } = planningBounds(now);
  return [...notBefore(horizonAgo, { dueDate }), ...notAfter(horizon, { dueDate })];
}

export interface StatusChange {
  status: ActionStatus;
  dueDate?: Date | null;
  note?: string | null;
  evidenceRef?: string | null;
  /** The day the report describes; today when omitted. */
  asOf?: Date;
}

/**
 * Moves an action's record to a new status and appends the report of it to the action's
 * history. The report is validated first; then the record is replaced at the version read, so
 * of two reports racing on one action the second gets a CONFLICT before it writes anything;
 * only then is the report appended, under an id made from its position in the history, so the
 * history has no gaps and no report overwrites another.
 */
export async function moveWithHistory(ctx: MonitoringContext, current: ActionRecordDoc, change: StatusChange): Promise<ActionRecordDoc> {
  const now = ctx.clock.now();
  const sequence = (await ctx.repos.progressReports.count({ actionId: current._id })) + 1;
  const dueDate = change.dueDate ?? current.dueDate ?? null;
  const report: Omit<ProgressReportDoc, 'version'> = {
    _id: `${current._id}#${sequence}`,
    actionId: current._id,
    sequence,
    status: change.status,
    note: change.note ?? null,
    evidenceRef: change.evidenceRef ?? null,
    dueDate,
    asOf: change.asOf ?? startOfDayUtc(now),
    recordedAt: now,
    recordedBy: ctx.identity.subject,
  };
  await validateDocument(progressReportDocument, { ...report, version: 1 });
  const record = await ctx.repos.actionRecords.replace(
    { _id: current._id, status: change.status, dueDate, updatedAt: now },
    current.version,
  );
  await ctx.repos.progressReports.insert(report);
  return record;
}

/** A lead sector's progress report on one of its actions, checked, then recorded with its history. */
export async function recordProgress(
  sectorId: string,
  input: ProgressReportInput,
  ctx: MonitoringContext,
): Promise<{ id: string; record: ActionRecordDoc }> {
  requireOwnSector(ctx.identity, sectorId, scopes.sectorWrite);
  const current = await ctx.repos.actionRecords.findById(input.actionId);
  if (!current) {
    throw new ForbiddenError(
      `Action "${input.actionId}" is not in the ${sectorId} sector's register of the actions it leads; ` +
        'a sector reports progress only on the actions it leads',
      { actionId: input.actionId },
    );
  }
  const now = ctx.clock.now();
  const asOf = input.asOf ? startOfDayUtc(input.asOf) : startOfDayUtc(now);
  const problems = [
    ...dueDateProblems(now, input.dueDate),
    ...notInFuture(now, { asOf }),
    ...notBefore(planningBounds(now).horizonAgo, { asOf }),
    ...optionalText({ note: input.note, evidenceRef: input.evidenceRef }),
  ];
  if (problems.length > 0) throw new InvalidInputError('progress report', problems);
  const { actionId: _, ...change } = input;
  const record = await moveWithHistory(ctx, current, { ...change, asOf });
  return { id: record._id, record };
}
