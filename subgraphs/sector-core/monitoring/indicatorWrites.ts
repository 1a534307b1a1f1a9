import { GraphQLError } from 'graphql';
import { addDays, daysBetween, startOfDayUtc } from '../../kit/clock.ts';
import { ForbiddenError, requireOwnSector, requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '../../kit/errors.ts';
import type { MonitoringContext } from './context.ts';
import type { DataSetDoc, IndicatorValueDoc, PeriodReopeningDoc } from './models.ts';
import { isoDay, notAfter, notBefore } from '../../kit/plausibleDates.ts';
import { requiredText } from '../../kit/blankText.ts';
import { isLocked, openUntil, parsePeriod, type Period } from './periods.ts';
import { activeReopening, periodReport, type PeriodReport } from './reporting.ts';
import { valueProblems, type ValueFigures } from './valueRules.ts';

/** A value for a period whose lock has passed, with no reopening in force. */
export class PeriodLockedError extends GraphQLError {
  constructor(message: string, period: string) {
    super(message, { extensions: { code: 'PERIOD_LOCKED', period } });
  }
}

export interface IndicatorValueInput extends ValueFigures {
  indicatorId: string;
  period: string;
}

export interface PeriodReopeningInput {
  dataSetId: string;
  period: string;
  reason: string;
  openUntil: Date;
}

/** The period a value or reopening names, if it is a period of the data set's schedule that has ended. */
function scheduledPeriod(dataSet: DataSetDoc, id: string, today: Date, what: string): Period {
  const problem = (text: string): never => {
    throw new InvalidInputError(what, [{ field: 'period', problem: text }]);
  };
  const period = parsePeriod(id, dataSet.periodType);
  const example = dataSet.periodType === 'MONTHLY' ? '2026-10' : '2026-Q3';
  if (!period) return problem(`"${id}" is not a ${dataSet.periodType} period of data set ${dataSet._id} (write it like ${example})`);
  const first = parsePeriod(dataSet.firstPeriod, dataSet.periodType)!;
  if (daysBetween(first.start, period.start) < 0) {
    return problem(`${id} is outside the schedule of data set ${dataSet._id}, which starts at ${dataSet.firstPeriod}`);
  }
  if (daysBetween(period.end, today) <= 0) {
    return problem(`${id} is in the future: it ends on ${isoDay(period.end)} and is reported after it ends (today is ${isoDay(today)})`);
  }
  return period;
}

/**
 * Records the value of one of the sector's indicators for one period. Refused whole, naming the
 * problem, when the caller is not the owning sector, the figures do not fit the indicator, the
 * period is not in the schedule or has not ended, the period is locked and not reopened, or a
 * value for the period already exists: a reported value is never replaced.
 */
export async function reportIndicatorValue(
  sectorId: string,
  input: IndicatorValueInput,
  ctx: MonitoringContext,
): Promise<IndicatorValueDoc> {
  requireOwnSector(ctx.identity, sectorId, scopes.sectorWrite);
  const indicator = await ctx.repos.indicators.findById(input.indicatorId);
  if (!indicator) {
    throw new ForbiddenError(
      `Indicator "${input.indicatorId}" is not one the ${sectorId} sector reports; only the owning sector reports its values`,
      {
        indicatorId: input.indicatorId,
      },
    );
  }
  const dataSet = await ctx.repos.dataSets.findById(indicator.dataSetId);
  if (!dataSet) throw new NotFoundError(`Indicator ${indicator.code} names data set "${indicator.dataSetId}", which does not exist`);
  const now = ctx.clock.now();
  const today = startOfDayUtc(now);
  const problems: FieldProblem[] = valueProblems(indicator, input);
  if (problems.length > 0) throw new InvalidInputError(`value for indicator ${indicator.code}`, problems);
  const period = scheduledPeriod(dataSet, input.period, today, `value for indicator ${indicator.code}`);

  const id = `${indicator._id}@${period.id}`;
  const existing = await ctx.repos.indicatorValues.findById(id);
  if (existing) {
    throw new ConflictError(
      `Indicator ${indicator.code} already has a value for ${period.id} (${existing.value}, reported on ${isoDay(existing.reportedAt)} ` +
        `by ${existing.reportedBy}); a reported value is never replaced`,
    );
  }
  if (isLocked(period, dataSet.lockDays, today)) {
    const reopenings = await ctx.repos.periodReopenings.find({ dataSetId: dataSet._id, period: period.id });
    if (!activeReopening(reopenings, today)) {
      throw new PeriodLockedError(
        `Period ${period.id} of data set ${dataSet._id} is locked: it took values until ${isoDay(openUntil(period, dataSet.lockDays))} ` +
          `(${dataSet.lockDays} days after it ended). The lead ministry must reopen it before a value can be recorded`,
        period.id,
      );
    }
  }
  return ctx.repos.indicatorValues.insert({
    _id: id,
    indicatorId: indicator._id,
    dataSetId: dataSet._id,
    period: period.id,
    value: input.value,
    numerator: input.numerator ?? null,
    denominator: input.denominator ?? null,
    breakdowns: input.breakdowns ?? [],
    reportedAt: now,
    reportedBy: ctx.identity.subject,
  });
}

/** How long the lead ministry may reopen a period for at most, so a reopening cannot become a permanent unlock. */
export const MAX_REOPEN_DAYS = 90;

/**
 * The lead ministry reopens a locked period of one of the sector's data sets until a given
 * day, with a reason. Recorded, never replaced; the period locks again the day after.
 */
export async function reopenPeriod(input: PeriodReopeningInput, ctx: MonitoringContext): Promise<PeriodReport> {
  requireScopes(ctx.identity, scopes.frameworkWrite);
  const dataSet = await ctx.repos.dataSets.findById(input.dataSetId);
  if (!dataSet) throw new NotFoundError(`No data set "${input.dataSetId}" in this sector`);
  const today = startOfDayUtc(ctx.clock.now());
  const period = scheduledPeriod(dataSet, input.period, today, 'period reopening');
  const until = startOfDayUtc(input.openUntil);
  const problems: FieldProblem[] = [];
  if (!isLocked(period, dataSet.lockDays, today)) {
    problems.push({
      field: 'period',
      problem: `${period.id} is not locked: it takes values until ${isoDay(openUntil(period, dataSet.lockDays))}`,
    });
  }
  problems.push(
    ...notBefore({ day: today, what: 'today' }, { openUntil: until }),
    ...notAfter({ day: addDays(today, MAX_REOPEN_DAYS), what: `${MAX_REOPEN_DAYS} days from today` }, { openUntil: until }),
    ...requiredText({ reason: input.reason }),
  );
  if (problems.length > 0) throw new InvalidInputError('period reopening', problems);
  const earlier = await ctx.repos.periodReopenings.find({ dataSetId: dataSet._id, period: period.id });
  const reopening: Omit<PeriodReopeningDoc, 'version'> = {
    _id: `${dataSet._id}@${period.id}#${earlier.length + 1}`,
    dataSetId: dataSet._id,
    period: period.id,
    reason: input.reason,
    openUntil: until,
    reopenedAt: ctx.clock.now(),
    reopenedBy: ctx.identity.subject,
  };
  const stored = await ctx.repos.periodReopenings.insert(reopening);
  const [indicators, values] = await Promise.all([
    ctx.repos.indicators.find({ dataSetId: dataSet._id }),
    ctx.repos.indicatorValues.find({ dataSetId: dataSet._id, period: period.id }),
  ]);
  return periodReport(
    dataSet,
    period,
    indicators.map((i) => i._id),
    values,
    [...earlier, stored],
    today,
  );
}
