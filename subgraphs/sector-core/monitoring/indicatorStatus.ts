import type { IndicatorDoc, IndicatorValueDoc } from './models.ts';

export type IndicatorStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'NO_DATA';

export interface IndicatorAssessment {
  status: IndicatorStatus;
  /** Share of the way from baseline to target covered by the latest value (1 = target met). */
  progress: number | null;
  /** Share of the way the time elapsed says it should have covered by today. */
  expectedProgress: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Where an indicator stands against its target. Progress is the share of the distance from
 * baseline to target that the latest value has covered, in the indicator's good direction;
 * expected progress is the share of time elapsed from the start of the baseline year to the
 * target date. The thresholds compare the two: progress at or above `onTrack` × expected is on
 * track, at or above `atRisk` × expected at risk, below that off track. A target already met
 * is on track whatever the date.
 */
export function assessIndicator(indicator: IndicatorDoc, latest: IndicatorValueDoc | null, today: Date): IndicatorAssessment {
  const start = Date.UTC(indicator.baseline.year, 0, 1);
  const span = indicator.target.date.getTime() - start;
  const expectedProgress = round(Math.min(1, Math.max(0, span > 0 ? (today.getTime() - start) / span : 1)));
  if (!latest) return { status: 'NO_DATA', progress: null, expectedProgress };
  const sign = indicator.direction === 'HIGHER_IS_BETTER' ? 1 : -1;
  const distance = (indicator.target.value - indicator.baseline.value) * sign;
  const covered = (latest.value - indicator.baseline.value) * sign;
  const progress = distance > 0 ? round(covered / distance) : covered >= 0 ? 1 : 0;
  if (progress >= 1 || expectedProgress === 0) return { status: 'ON_TRACK', progress, expectedProgress };
  const ratio = progress / expectedProgress;
  const status = ratio >= indicator.thresholds.onTrack ? 'ON_TRACK' : ratio >= indicator.thresholds.atRisk ? 'AT_RISK' : 'OFF_TRACK';
  return { status, progress, expectedProgress };
}
