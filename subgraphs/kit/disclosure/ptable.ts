/*
 * The perturbation table of the cell-key method (ABS TableBuilder; the "cell key method" of the
 * ONS and Eurostat, as the `ptable` R package builds it): for each true count n and each cell key
 * in [0, 1), the noise v added to n. Each row is a probability distribution over v in [-D, D]
 * with these constraints:
 * - zero mean, so totals of many published cells are unbiased;
 * - variance V where the row allows it (rows next to the threshold cannot reach it: see below);
 * - no published value below the threshold: counts below it are withheld, so a published value
 *   of n + v is never in 0..threshold-1 (the `js` of `ptable`);
 * - among distributions meeting those, the one of maximum entropy: p(v) ∝ exp(a·v + b·v²).
 * A count of exactly the threshold can only move up, so with zero mean it never moves; rows just
 * above it have less variance than V. Rows from threshold + D on are all alike.
 */

export interface PerturbationParameters {
  /** Counts below this are withheld. */
  threshold: number;
  /** The largest noise added or taken away. */
  maxNoise: number;
  /** The noise variance rows far enough from the threshold have (with `base` 1). */
  variance: number;
  /**
   * Published values are multiples of this (1: any whole number). With a base above 1 each row
   * puts all its weight on the two multiples around the count, in the proportions that keep the
   * mean at zero: fixed random rounding, as Statistics New Zealand and Statistics Canada publish.
   * Then maxNoise is base - 1 and the variance follows from the count.
   */
  base: number;
}

/** One row: the noise values in order and the cumulative probability up to each. */
export interface PerturbationRow {
  noise: number[];
  probability: number[];
  cumulative: number[];
}

/** p(v) ∝ exp(a v + b v²) over the support, normalised. */
function shape(support: readonly number[], a: number, b: number): number[] {
  const logs = support.map((v) => a * v + b * v * v);
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const sum = weights.reduce((x, y) => x + y, 0);
  return weights.map((w) => w / sum);
}

const moment = (support: readonly number[], p: readonly number[], k: number) => support.reduce((s, v, i) => s + p[i]! * v ** k, 0);

/** The a giving zero mean for this b (the mean rises with a). */
function zeroMeanA(support: readonly number[], b: number): number {
  let [lo, hi] = [-60, 60];
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (moment(support, shape(support, mid, b), 1) > 0) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/** The maximum-entropy distribution with zero mean and the given variance over the support. */
function maxEntropyRow(support: readonly number[], variance: number): number[] {
  let [lo, hi] = [-30, 30];
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const p = shape(support, zeroMeanA(support, mid), mid);
    if (moment(support, p, 2) > variance) hi = mid;
    else lo = mid;
  }
  const b = (lo + hi) / 2;
  return shape(support, zeroMeanA(support, b), b);
}

/** The row for true count `n` (at least the threshold). */
export function perturbationRow(n: number, { threshold, maxNoise, variance, base }: PerturbationParameters): PerturbationRow {
  if (base > 1) return roundingRow(n, threshold, base);
  const lowest = Math.max(-maxNoise, threshold - n);
  // At the threshold the noise could only be upward, and with zero mean it is none.
  if (lowest === 0) return { noise: [0], probability: [1], cumulative: [1] };
  const noise = Array.from({ length: maxNoise - lowest + 1 }, (_, i) => lowest + i);
  // With zero mean, the largest variance a support allows is |lowest|·D (all weight on the ends);
  // rows near the threshold aim a little below it, so every value keeps some probability.
  const reachable = 0.8 * -lowest * maxNoise;
  const probability = maxEntropyRow(noise, Math.min(variance, reachable));
  let running = 0;
  const cumulative = probability.map((p) => (running += p));
  cumulative[cumulative.length - 1] = 1;
  return { noise, probability, cumulative };
}

/** Unbiased random rounding of n to the multiples of base around it that are not below the threshold. */
function roundingRow(n: number, threshold: number, base: number): PerturbationRow {
  const below = Math.floor(n / base) * base;
  const above = below === n ? n : below + base;
  if (below === above || below < threshold) {
    return { noise: [above - n], probability: [1], cumulative: [1] };
  }
  const up = (n - below) / base;
  return { noise: [below - n, above - n], probability: [1 - up, up], cumulative: [1 - up, 1] };
}

export interface PerturbationTable extends PerturbationParameters {
  /** The row for a count of at least the threshold. */
  row(n: number): PerturbationRow;
  /** The noise for count `n` (at least the threshold) and a cell key in [0, 1). */
  noise(n: number, cellKey: number): number;
}

export function perturbationTable(parameters: PerturbationParameters): PerturbationTable {
  const { threshold, maxNoise, variance, base } = parameters;
  if (!Number.isInteger(base) || base < 1) throw new Error(`base must be a whole number of at least 1 (got ${base})`);
  if (base > 1 && maxNoise !== base - 1) throw new Error(`maxNoise must be base - 1 when rounding (got ${maxNoise} for base ${base})`);
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error(`threshold must be a whole number of at least 1 (got ${threshold})`);
  if (!Number.isInteger(maxNoise) || maxNoise < 1) throw new Error(`maxNoise must be a whole number of at least 1 (got ${maxNoise})`);
  if (base === 1 && !(variance > 0 && variance < maxNoise * maxNoise))
    throw new Error(`variance must be between 0 and maxNoise² (got ${variance})`);
  // Rows from threshold + maxNoise on repeat with the count's remainder by the base.
  const repeat = maxNoise + base;
  const rows = Array.from({ length: repeat + base }, (_, i) => perturbationRow(threshold + i, parameters));
  const row = (n: number) => {
    if (!Number.isInteger(n) || n < threshold) throw new Error(`no perturbation row for ${n}: counts below ${threshold} are withheld`);
    const i = n - threshold;
    return rows[i < repeat ? i : repeat + ((i - repeat) % base)]!;
  };
  return {
    ...parameters,
    row,
    noise(n, cellKey) {
      const { noise, cumulative } = row(n);
      const at = cumulative.findIndex((c) => cellKey < c);
      return noise[at === -1 ? noise.length - 1 : at]!;
    },
  };
}
