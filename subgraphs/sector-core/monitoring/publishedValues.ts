import { disclosure } from '../../kit/disclosure/configured.ts';
import type { PublishedCount } from '../../kit/disclosure/publish.ts';
import type { MonitoringContext } from './context.ts';
import type { BreakdownValueDoc, IndicatorValueDoc } from './models.ts';
import { districtAreaId } from '../../demo-data/areaIds.ts';

/*
 * A reported indicator value as it leaves the hub. A COUNT indicator counts people (survivors
 * reached, cases): its value and every breakdown category go through the hub's disclosure
 * control (kit/disclosure), so a district, sex or age band with few survivors is withheld and the
 * rest rounded like the pathway counts. The sector reports aggregates, not records, so each cell's
 * key comes from the cell's name (value id, dimension, category) under the secret: a value is
 * never replaced, so the same cell always publishes the same figure. Percentages and rates are
 * published as reported: they are not counts of people (docs/disclosure-control.md says what
 * that leaves open).
 */

const cellOf = (count: number, name: string) => ({ count, keySum: disclosure.keys.of('indicator-cell', name) });

async function isCount(doc: IndicatorValueDoc, ctx: MonitoringContext): Promise<boolean> {
  const indicator = await ctx.loaders.monitoring.indicatorById.load(doc.indicatorId);
  return indicator?.unit === 'COUNT';
}

const asReported = (value: number): { value: number | null; suppressed: boolean } => ({ value, suppressed: false });
const asPublished = ({ count, suppressed }: PublishedCount) => ({ value: count, suppressed });

/** The value itself, withheld or rounded for a COUNT indicator. */
export async function publishedValue(doc: IndicatorValueDoc, ctx: MonitoringContext) {
  return (await isCount(doc, ctx)) ? asPublished(disclosure.publish(cellOf(doc.value, doc._id))) : asReported(doc.value);
}

/** A breakdown category's area: a district's, for the `district` dimension. */
function areaOf(b: BreakdownValueDoc, ctx: MonitoringContext): { id: string } | null {
  const id = b.dimension === 'district' ? districtAreaId(ctx.country, b.category) : null;
  return id ? { id } : null;
}

/** The breakdowns, each category withheld or rounded for a COUNT indicator, with its area where it is a district. */
export async function publishedBreakdowns(doc: IndicatorValueDoc, ctx: MonitoringContext) {
  const counts = await isCount(doc, ctx);
  return doc.breakdowns.map((b: BreakdownValueDoc) => ({
    dimension: b.dimension,
    category: b.category,
    area: areaOf(b, ctx),
    ...(counts ? asPublished(disclosure.publish(cellOf(b.value, `${doc._id}#${b.dimension}=${b.category}`))) : asReported(b.value)),
  }));
}
