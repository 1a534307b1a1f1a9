import { startOfDayUtc } from '../../kit/clock.ts';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { ledActions } from '../delivery.ts';
import { assessCompliance, type Compliance } from './compliance.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { MonitoringContext } from './context.ts';
import { allReports } from './indicatorResolvers.ts';

const latest = (dates: Date[]) => (dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => d.getTime()))));
const severity = { FAILING: 0, AT_RISK: 1 } as const;

/**
 * The sector's compliance today, from its own records: one query per collection. Every action the
 * framework says it leads counts (from the lead ministry's registry through @requires), one it has
 * no record of as not reported: a sector cannot leave an action out of its compliance by never
 * recording it, just as it cannot leave it out of its delivery summary.
 */
export async function sectorCompliance(ctx: MonitoringContext, ledActionIds: readonly string[] | undefined): Promise<Compliance> {
  requireScopes(ctx.identity, scopes.frameworkRead);
  const { monitoring } = ctx.loaders;
  const [responsibilities, records, lastReport, values, reports] = await Promise.all([
    ctx.loaders.responsibilities.load(),
    ctx.loaders.actionRecords.load(),
    monitoring.latestProgressReport.load(),
    monitoring.values.load(),
    allReports(ctx),
  ]);
  const lastUpdateAt = latest([
    ...records.map((r) => r.updatedAt),
    ...(lastReport ? [lastReport.recordedAt] : []),
    ...values.map((v) => v.reportedAt),
  ]);
  // Without the registry's list (a call that did not come through the gateway), the sector's own records.
  const led = ledActions(records, ledActionIds).map(({ id, record }) => record ?? { _id: id, dueDate: null, status: null });
  const compliance = assessCompliance(
    { responsibilities: responsibilities.length, records: led, reports, lastUpdateAt },
    startOfDayUtc(ctx.clock.now()),
  );
  compliance.reasons.sort((a, b) => severity[a.status] - severity[b.status]);
  return compliance;
}

// The sector's own action entities; the lead ministry's subgraph adds each one's code and title.
const actionEntities = (ids: readonly string[], ctx: MonitoringContext) =>
  Promise.all(ids.map(async (id) => ({ id, record: await ctx.loaders.actionRecordById.load(id) })));

/** The scoreboard field on the sector's own type, and what the shared Compliance type needs. */
export function complianceResolvers(): Resolvers<MonitoringContext> {
  return {
    TemplateSector: {
      compliance: (sector, __, ctx) => sectorCompliance(ctx, sector.ledActionIds),
    },
    Compliance: {
      actionsOverdue: (compliance) => compliance.overdueActionIds.length,
      overdueActions: (compliance, _, ctx) => actionEntities(compliance.overdueActionIds, ctx),
    },
    ComplianceReason: {
      actions: (reason, _, ctx) => actionEntities(reason.actionIds, ctx),
    },
  };
}
