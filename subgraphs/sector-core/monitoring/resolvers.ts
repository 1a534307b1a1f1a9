import { requireScopes } from '../../kit/auth/identity.ts';
import { scopes } from '../../kit/auth/roles.ts';
import type { MonitoringContext } from './context.ts';
import { complianceResolvers } from './complianceResolvers.ts';
import { indicatorReadResolvers } from './indicatorResolvers.ts';
import { reviseIndicatorTarget, type TargetRevisionInput } from './indicatorTargets.ts';
import { reopenPeriod, reportIndicatorValue, type IndicatorValueInput, type PeriodReopeningInput } from './indicatorWrites.ts';
import type { ProgressReportDoc } from './models.ts';
import { recordProgress, type ProgressReportInput } from './progress.ts';

interface ActionEntity {
  id: string;
}

/**
 * The monitoring resolvers every sector shares, under its own type and mutation names
 * (`reportHealthActionProgress`, `HealthAction.progressHistory`, ...).
 */
export function sectorMonitoringResolvers(sectorId: string, typePrefix: string) {
  const reads = indicatorReadResolvers(sectorId, `${typePrefix}Sector`);
  const scoreboard = complianceResolvers(`${typePrefix}Sector`, `${typePrefix}Action`);
  return {
    ...reads,
    ...scoreboard,
    [`${typePrefix}Sector`]: { ...reads[`${typePrefix}Sector`], ...scoreboard[`${typePrefix}Sector`] },
    Mutation: {
      [`report${typePrefix}ActionProgress`]: (_: unknown, { input }: { input: ProgressReportInput }, ctx: MonitoringContext) =>
        recordProgress(sectorId, input, ctx),
      [`report${typePrefix}IndicatorValue`]: (_: unknown, { input }: { input: IndicatorValueInput }, ctx: MonitoringContext) =>
        reportIndicatorValue(sectorId, input, ctx),
      [`reopen${typePrefix}Period`]: (_: unknown, { input }: { input: PeriodReopeningInput }, ctx: MonitoringContext) =>
        reopenPeriod(input, ctx),
      [`revise${typePrefix}IndicatorTarget`]: (_: unknown, { input }: { input: TargetRevisionInput }, ctx: MonitoringContext) =>
        reviseIndicatorTarget(input, ctx),
    },
    [`${typePrefix}Action`]: {
      progressHistory: (action: ActionEntity, _: unknown, ctx: MonitoringContext) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        return ctx.loaders.monitoring.progressByAction.load(action.id);
      },
    },
    ProgressReport: {
      id: (report: ProgressReportDoc) => report._id,
    },
  };
}
