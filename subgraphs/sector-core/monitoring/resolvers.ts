import { requireScopes } from '../../../platform/auth/identity.ts';
import { listPage, type PagedList } from '../../kit/connections/connection.ts';
import { sourcedFields } from '../../kit/provenance.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { mergeResolvers } from '../../kit/resolverMaps.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { MonitoringContext } from './context.ts';
import { complianceResolvers } from './complianceResolvers.ts';
import { indicatorReadResolvers } from './indicatorResolvers.ts';
import { reviseIndicatorTarget } from './indicatorTargets.ts';
import { reopenPeriod, reportIndicatorValue } from './indicatorWrites.ts';
import { recordProgress } from './progress.ts';

// An action's history only grows at its end, one sequence number per report.
const historyList = (actionId: string): PagedList => ({
  name: `progress-history/${actionId}`,
  order: [['sequence', 1, 'number']],
  maxSize: 100,
});

/** Progress reports, the monitoring mutations and the action's history, under the contract's placeholder names. */
function progressResolvers(sectorId: string): Resolvers<MonitoringContext> {
  return {
    Mutation: {
      reportTemplateActionProgress: (_, { input }, ctx) => recordProgress(sectorId, input, ctx),
      reportTemplateIndicatorValue: (_, { input }, ctx) => reportIndicatorValue(sectorId, input, ctx),
      reopenTemplatePeriod: (_, { input }, ctx) => reopenPeriod(input, ctx),
      reviseTemplateIndicatorTarget: (_, { input }, ctx) => reviseIndicatorTarget(input, ctx),
    },
    TemplateAction: {
      progressHistory: (action, _, ctx) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        return ctx.loaders.monitoring.progressByAction.load(action.id);
      },
      // From the same loader as progressHistory, so a page of every action's history is still one store query.
      progressHistoryConnection: async (action, args, ctx) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        return listPage(historyList(action.id), args, await ctx.loaders.monitoring.progressByAction.load(action.id));
      },
    },
    ProgressReport: {
      id: (report) => report._id,
      ...sourcedFields,
    },
  };
}

/**
 * The monitoring resolvers every sector shares, under the contract's placeholder names
 * (`reportTemplateActionProgress`, `TemplateAction.progressHistory`, ...; see ../contract.ts).
 */
export function sectorMonitoringResolvers(sectorId: string): Resolvers<MonitoringContext> {
  return mergeResolvers(progressResolvers(sectorId), indicatorReadResolvers(sectorId), complianceResolvers());
}
