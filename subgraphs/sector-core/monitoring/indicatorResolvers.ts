import { startOfDayUtc } from '../../kit/clock.ts';
import { requireScopes } from '../../kit/auth/identity.ts';
import { scopes } from '../../kit/auth/roles.ts';
import type { MonitoringContext } from './context.ts';
import { assessIndicator } from './indicatorStatus.ts';
import type { DataSetDoc, IndicatorDoc, IndicatorValueDoc, PeriodReopeningDoc } from './models.ts';
import { scheduleReports, summariseReports, type PeriodReport } from './reporting.ts';

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

/** Reads of the sector's indicators and data sets. `sectorId` is the subgraph's sector. */
export function indicatorReadResolvers(sectorId: string, sectorType: string) {
  return {
    [sectorType]: {
      indicators: (_: unknown, __: unknown, ctx: MonitoringContext) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        return ctx.loaders.monitoring.indicators.load();
      },
      dataSets: (_: unknown, __: unknown, ctx: MonitoringContext) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        return ctx.loaders.monitoring.dataSets.load();
      },
      reporting: async (_: unknown, __: unknown, ctx: MonitoringContext) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        return summariseReports(await allReports(ctx));
      },
    },
    Indicator: {
      id: (doc: IndicatorDoc) => doc._id,
      owningSectorId: () => sectorId,
      dataSet: (doc: IndicatorDoc, _: unknown, ctx: MonitoringContext) => ctx.loaders.monitoring.dataSetById.load(doc.dataSetId),
      values: async (doc: IndicatorDoc, { last }: { last?: number | null }, ctx: MonitoringContext) =>
        lastOf(await ctx.loaders.monitoring.valuesByIndicator.load(doc._id), last),
      latest: (doc: IndicatorDoc, _: unknown, ctx: MonitoringContext) => latestValue(doc, ctx),
      status: async (doc: IndicatorDoc, _: unknown, ctx: MonitoringContext) =>
        assessIndicator(doc, await latestValue(doc, ctx), today(ctx)).status,
      progress: async (doc: IndicatorDoc, _: unknown, ctx: MonitoringContext) =>
        assessIndicator(doc, await latestValue(doc, ctx), today(ctx)).progress,
      expectedProgress: (doc: IndicatorDoc, _: unknown, ctx: MonitoringContext) => assessIndicator(doc, null, today(ctx)).expectedProgress,
    },
    IndicatorValue: { id: (doc: IndicatorValueDoc) => doc._id },
    DataSet: {
      id: (doc: DataSetDoc) => doc._id,
      indicators: async (doc: DataSetDoc, _: unknown, ctx: MonitoringContext) =>
        (await ctx.loaders.monitoring.indicators.load()).filter((i) => i.dataSetId === doc._id),
      periods: async (doc: DataSetDoc, { last }: { last?: number | null }, ctx: MonitoringContext) =>
        lastOf(await dataSetReports(doc, ctx), last),
      summary: async (doc: DataSetDoc, _: unknown, ctx: MonitoringContext) => summariseReports(await dataSetReports(doc, ctx)),
    },
    ReportingPeriod: {
      period: (report: PeriodReport) => report.period.id,
      start: (report: PeriodReport) => report.period.start,
      end: (report: PeriodReport) => report.period.end,
    },
    PeriodReopening: { id: (doc: PeriodReopeningDoc) => doc._id },
  };
}
