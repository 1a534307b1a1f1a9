import { startOfDayUtc } from '../../kit/clock.ts';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { InvalidInputError } from '../../kit/errors.ts';
import { referenced } from '../../kit/loaders.ts';
import { sourcedFields } from '../../kit/provenance.ts';
import { countryAreaId } from '../../demo-data/areaIds.ts';
import type { Resolvers } from '../generated/resolverTypes.ts';
import type { MonitoringContext } from './context.ts';
import { assessIndicator } from './indicatorStatus.ts';
import type { DataSetDoc, IndicatorDoc, IndicatorValueDoc } from './models.ts';
import { publishedBreakdowns, publishedValue } from './publishedValues.ts';
import { lastClosedReport, scheduleReports, summariseReports, type PeriodReport } from './reporting.ts';

const today = (ctx: MonitoringContext) => startOfDayUtc(ctx.clock.now());
const lastOf = <T>(items: T[], last?: number | null) => (last && last > 0 ? items.slice(-last) : items);

/** Every period report of one data set, from the per-request loaders (one query per collection). */
export async function dataSetReports(dataSet: DataSetDoc, ctx: MonitoringContext): Promise<PeriodReport[]> {
  const { monitoring } = ctx.loaders;
  const [indicators, values, reopenings] = await Promise.all([
    monitoring.indicators.load(),
    monitoring.values.load(),
    monitoring.reopenings.load(),
  ]);
  const ids = indicators.filter((i) => i.dataSetId === dataSet._id).map((i) => i._id);
  return scheduleReports(dataSet, ids, values, reopenings, today(ctx));
}

/** Every period report of every data set the sector reports. */
export async function allReports(ctx: MonitoringContext): Promise<PeriodReport[]> {
  const dataSets = await ctx.loaders.monitoring.dataSets.load();
  return (await Promise.all(dataSets.map((d) => dataSetReports(d, ctx)))).flat();
}

async function latestValue(indicator: IndicatorDoc, ctx: MonitoringContext): Promise<IndicatorValueDoc | null> {
  return (await ctx.loaders.monitoring.valuesByIndicator.load(indicator._id)).at(-1) ?? null;
}

/** Where the indicator stands today, from its latest value. */
async function assessment(indicator: IndicatorDoc, ctx: MonitoringContext) {
  return assessIndicator(indicator, await latestValue(indicator, ctx), today(ctx));
}

/** Only the items for which `keep` says yes, in their order. */
async function keepWhere<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept = await Promise.all(items.map(keep));
  return items.filter((_, i) => kept[i]);
}

/** Reads of the sector's indicators and data sets. `sectorId` is the subgraph's sector. */
export function indicatorReadResolvers(sectorId: string): Resolvers<MonitoringContext> {
  return {
    TemplateSector: {
      indicators: async (_, { status }, ctx) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        const indicators = await ctx.loaders.monitoring.indicators.load();
        if (!status) return indicators;
        return keepWhere(indicators, async (i) => status.includes((await assessment(i, ctx)).status));
      },
      dataSets: async (_, { lastClosedPeriodState: states }, ctx) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        // OPEN is the state of a period not yet ended: asked of a closed one it would keep nothing, silently.
        if (states?.includes('OPEN')) {
          throw new InvalidInputError('data sets filter', [
            {
              field: 'lastClosedPeriodState',
              problem: 'includes OPEN, which a last closed period never is (it has ended); the open period is `periods(last: 1)`',
            },
          ]);
        }
        const dataSets = await ctx.loaders.monitoring.dataSets.load();
        if (!states) return dataSets;
        return keepWhere(dataSets, async (d) => {
          const last = lastClosedReport(await dataSetReports(d, ctx), today(ctx));
          return last !== null && states.includes(last.state);
        });
      },
      reporting: async (_, __, ctx) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        return summariseReports(await allReports(ctx));
      },
    },
    Indicator: {
      id: (doc) => doc._id,
      owningSectorId: () => sectorId,
      dataSet: (doc, _, ctx) =>
        referenced(ctx.loaders.monitoring.dataSetById.load(doc.dataSetId), `data set "${doc.dataSetId}" (indicator "${doc._id}")`),
      values: async (doc, { last }, ctx) => lastOf(await ctx.loaders.monitoring.valuesByIndicator.load(doc._id), last),
      latest: (doc, _, ctx) => latestValue(doc, ctx),
      status: async (doc, _, ctx) => (await assessment(doc, ctx)).status,
      progress: async (doc, _, ctx) => (await assessment(doc, ctx)).progress,
      expectedProgress: (doc, _, ctx) => assessIndicator(doc, null, today(ctx)).expectedProgress,
      ...sourcedFields,
    },
    IndicatorValue: {
      id: (doc) => doc._id,
      value: async (doc, _, ctx) => (await publishedValue(doc, ctx)).value,
      suppressed: async (doc, _, ctx) => (await publishedValue(doc, ctx)).suppressed,
      breakdowns: (doc, _, ctx) => publishedBreakdowns(doc, ctx),
      // The sectors report national values; their district figures are breakdowns.
      area: (_, __, ctx) => ({ id: countryAreaId(ctx.country) }),
    },
    DataSet: {
      id: (doc) => doc._id,
      indicators: async (doc, _, ctx) => (await ctx.loaders.monitoring.indicators.load()).filter((i) => i.dataSetId === doc._id),
      periods: async (doc, { last }, ctx) => lastOf(await dataSetReports(doc, ctx), last),
      lastClosedPeriod: async (doc, _, ctx) => lastClosedReport(await dataSetReports(doc, ctx), today(ctx)),
      summary: async (doc, _, ctx) => summariseReports(await dataSetReports(doc, ctx)),
      ...sourcedFields,
    },
    ReportingPeriod: {
      period: (report) => report.period.id,
      dataSet: (report, _, ctx) =>
        referenced(
          ctx.loaders.monitoring.dataSetById.load(report.dataSetId),
          `data set "${report.dataSetId}" (period "${report.period.id}")`,
        ),
      start: (report) => report.period.start,
      end: (report) => report.period.end,
    },
    PeriodReopening: { id: (doc) => doc._id },
  };
}
