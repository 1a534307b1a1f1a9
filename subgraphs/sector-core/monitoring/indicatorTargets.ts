import { startOfDayUtc } from '../../kit/clock.ts';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { InvalidInputError, NotFoundError, type FieldProblem } from '../../kit/errors.ts';
import type { MonitoringContext } from './context.ts';
import type { IndicatorDoc } from './models.ts';
import { after, notAfter, planningBounds } from '../../kit/plausibleDates.ts';
import { requiredText } from '../../kit/blankText.ts';
import { valueProblems } from './valueRules.ts';

export interface TargetRevisionInput {
  indicatorId: string;
  value: number;
  date: Date;
  reason: string;
}

/**
 * The lead ministry moves an indicator's target. Targets are the framework's commitments, not
 * the sector's: only `framework:write` may change one, never to a day already past, and the
 * old target is kept in the indicator's revisions with who moved it and why.
 */
export async function reviseIndicatorTarget(input: TargetRevisionInput, ctx: MonitoringContext): Promise<IndicatorDoc> {
  requireScopes(ctx.identity, scopes.frameworkWrite);
  const indicator = await ctx.repos.indicators.findById(input.indicatorId);
  if (!indicator) throw new NotFoundError(`No indicator "${input.indicatorId}" in this sector`);
  const now = ctx.clock.now();
  const date = startOfDayUtc(input.date);
  const problems: FieldProblem[] = valueProblems(indicator, { unit: indicator.unit, value: input.value });
  const { today, horizon } = planningBounds(now);
  problems.push(...after(today, { date }), ...notAfter(horizon, { date }), ...requiredText({ reason: input.reason }));
  if (problems.length > 0) throw new InvalidInputError(`target for indicator ${indicator.code}`, problems);
  const { version, ...current } = indicator;
  const revision = {
    from: current.target,
    to: { value: input.value, date },
    reason: input.reason,
    revisedAt: now,
    revisedBy: ctx.identity.subject,
  };
  return ctx.repos.indicators.replace(
    { ...current, target: revision.to, targetRevisions: [...current.targetRevisions, revision] },
    version,
  );
}
