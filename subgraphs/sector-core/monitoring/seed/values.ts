import type { CountryId } from '../../../../platform/config.ts';
import type { Draft } from '../../../kit/repository.ts';
import { seededRandom, seedFrom } from '../../../kit/seedRandom.ts';
import type { SectorMonitoringDemo } from './demo.ts';
import type { BreakdownValueDoc, DataSetDoc, IndicatorDoc, IndicatorValueDoc } from '../models.ts';
import { endedPeriods, parsePeriod, timelyUntil, type Period } from '../periods.ts';
import { indicatorValueNote } from '../../seed/marks.ts';

/*
 * Reported values for the demo, as of a fixed day so they are the same on every run. Each
 * sector reports the way audits find sectors do, by the habit its own seed/monitoring.ts gives
 * it. The figures move from the baseline at a pace of the sector's own, so indicators land on
 * track, at risk and off track.
 */

/** The day the demo data describes. */
export const SEED_AS_OF = new Date('2026-11-24T00:00:00Z');

const populations: Record<CountryId, number> = { bangladesh: 171_000_000, 'england-wales': 60_500_000, 'south-africa': 62_000_000 };

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Splits a whole number across categories in proportion to weights, the remainder going to the last. */
function split(total: number, categories: readonly string[], weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = categories.map((_, i) => Math.floor((total * weights[i]!) / sum));
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

function figuresFor(
  indicator: Draft<IndicatorDoc>,
  period: Period,
  country: CountryId,
  pace: number,
  random: ReturnType<typeof seededRandom>,
) {
  const start = Date.UTC(indicator.baseline.year, 0, 1);
  const elapsed = (period.end.getTime() - start) / (indicator.target.date.getTime() - start);
  const trend = indicator.baseline.value + (indicator.target.value - indicator.baseline.value) * elapsed * pace;
  const noisy = trend * (1 + (random.next() - 0.5) * 0.04);
  let breakdowns: BreakdownValueDoc[] = [];
  if (indicator.unit === 'COUNT') {
    const value = Math.round(noisy);
    for (const { dimension, categories } of indicator.breakdowns) {
      const weights = dimension === 'sex' ? [92, 8] : categories.map(() => 1 + random.next());
      breakdowns = breakdowns.concat(split(value, categories, weights).map((v, i) => ({ dimension, category: categories[i]!, value: v })));
    }
    return { value, numerator: null, denominator: null, breakdowns };
  }
  const scale = indicator.unit === 'PERCENT' ? 100 : 100_000;
  const denominator = indicator.unit === 'PERCENT' ? random.int(400, 900) : populations[country];
  const numerator = Math.round((noisy * denominator) / scale);
  const value = round1((numerator / denominator) * scale);
  breakdowns = indicator.breakdowns.flatMap(({ dimension, categories }) =>
    categories.map((category) => ({ dimension, category, value: round1(Math.min(100, value * (0.85 + random.next() * 0.3))) })),
  );
  return { value, numerator, denominator, breakdowns };
}

/** The values a sector reported for its data sets, up to SEED_AS_OF. */
export function valueSeed(
  sectorId: string,
  country: CountryId,
  dataSets: readonly Draft<DataSetDoc>[],
  indicators: readonly Draft<IndicatorDoc>[],
  { habit: habitAt, pace }: Pick<SectorMonitoringDemo, 'habit' | 'pace'>,
): Draft<IndicatorValueDoc>[] {
  return dataSets.flatMap((dataSet) => {
    const periods = endedPeriods(parsePeriod(dataSet.firstPeriod, dataSet.periodType)!, SEED_AS_OF);
    return periods.flatMap((period, index) => {
      const habit = habitAt(periods.length - 1 - index);
      if (habit === 'MISSING') return [];
      const deadline = timelyUntil(period, dataSet.timelyDays).getTime();
      const delay = habit === 'ON_TIME' ? -3 : 3; // days before or after the on-time deadline
      const reportedAt = new Date(Math.min(deadline + delay * DAY_MS, SEED_AS_OF.getTime()) + 10 * 3_600_000);
      return indicators
        .filter((i) => i.dataSetId === dataSet._id)
        .map((indicator) => ({
          _id: `${indicator._id}@${period.id}`,
          indicatorId: indicator._id,
          dataSetId: dataSet._id,
          period: period.id,
          ...figuresFor(indicator, period, country, pace, seededRandom(seedFrom(`${indicator._id}/${period.id}`))),
          reportedAt,
          reportedBy: `data-officer@${sectorId}`,
          addedForDemo: indicatorValueNote,
        }));
    });
  });
}
