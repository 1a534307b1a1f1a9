import type { FieldProblem } from '../../kit/errors.ts';
import type { IndicatorDoc, IndicatorUnit } from './models.ts';

/*
 * What makes a reported value acceptable for its indicator, independent of the period: the
 * unit it is reported in, the number itself, numerator and denominator, and breakdowns that
 * the indicator declares. Each rule reports the field it concerns, so a sector's data officer
 * can fix every problem in one pass.
 */

export interface BreakdownValueInput {
  dimension: string;
  category: string;
  value: number;
}

export interface ValueFigures {
  unit: IndicatorUnit;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
  breakdowns?: BreakdownValueInput[] | null;
}

/** How many of the unit a ratio of one is worth. */
const scale: Record<IndicatorUnit, number> = { COUNT: 1, PERCENT: 100, RATE_PER_100000: 100_000 };

/** Reported values are compared with numerator/denominator after rounding to one decimal. */
const TOLERANCE = 0.05 + 1e-9;

function numberProblem(unit: IndicatorUnit, value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return `must be a number of at least 0 (got ${value})`;
  if (unit === 'COUNT' && !Number.isInteger(value)) return `must be a whole number for a COUNT (got ${value})`;
  if (unit === 'PERCENT' && value > 100) return `must be at most 100 for a PERCENT (got ${value})`;
  return null;
}

function ratioProblems(indicator: IndicatorDoc, figures: ValueFigures): FieldProblem[] {
  const { numerator, denominator } = figures;
  const hasNumerator = numerator !== undefined && numerator !== null;
  const hasDenominator = denominator !== undefined && denominator !== null;
  if (!hasNumerator && !hasDenominator) return [];
  if (hasNumerator !== hasDenominator) return [{ field: 'numerator', problem: 'and denominator must be given together' }];
  if (!indicator.denominator) {
    return [{ field: 'denominator', problem: `must not be given: indicator ${indicator.code} is a ${indicator.unit} with no denominator` }];
  }
  if (!(denominator! > 0)) return [{ field: 'denominator', problem: `must be more than 0 (got ${denominator})` }];
  if (numerator! < 0) return [{ field: 'numerator', problem: `must be at least 0 (got ${numerator})` }];
  const expected = (numerator! / denominator!) * scale[indicator.unit];
  if (Math.abs(expected - figures.value) > TOLERANCE) {
    return [
      {
        field: 'value',
        problem: `does not match numerator/denominator (${numerator}/${denominator} gives ${expected.toFixed(1)}, got ${figures.value})`,
      },
    ];
  }
  return [];
}

function breakdownProblems(indicator: IndicatorDoc, figures: ValueFigures): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const declared = new Map(indicator.breakdowns.map((b) => [b.dimension, b.categories]));
  const seen = new Set<string>();
  const sums = new Map<string, { total: number; categories: Set<string> }>();
  for (const [index, item] of (figures.breakdowns ?? []).entries()) {
    const field = `breakdowns[${index}]`;
    const categories = declared.get(item.dimension);
    if (!categories) {
      const known = indicator.breakdowns.map((b) => b.dimension).join(', ') || 'none';
      problems.push({
        field: `${field}.dimension`,
        problem: `"${item.dimension}" is not a breakdown of indicator ${indicator.code} (it has: ${known})`,
      });
      continue;
    }
    if (!categories.includes(item.category)) {
      problems.push({
        field: `${field}.category`,
        problem: `"${item.category}" is not a category of ${item.dimension} (one of: ${categories.join(', ')})`,
      });
      continue;
    }
    const key = `${item.dimension}/${item.category}`;
    if (seen.has(key)) problems.push({ field: `${field}.category`, problem: `${key} is given twice` });
    seen.add(key);
    const bad = numberProblem(indicator.unit, item.value);
    if (bad) problems.push({ field: `${field}.value`, problem: bad });
    const sum = sums.get(item.dimension) ?? { total: 0, categories: new Set<string>() };
    sum.total += item.value;
    sum.categories.add(item.category);
    sums.set(item.dimension, sum);
  }
  // Counts add up: a complete breakdown must sum to the total, a partial one may not exceed it.
  if (indicator.unit === 'COUNT') {
    for (const [dimension, sum] of sums) {
      const complete = sum.categories.size === declared.get(dimension)!.length;
      if (complete ? sum.total !== figures.value : sum.total > figures.value) {
        problems.push({
          field: 'breakdowns',
          problem: `by ${dimension} ${complete ? 'add up to' : 'exceed the total with'} ${sum.total}, but the value is ${figures.value}`,
        });
      }
    }
  }
  return problems;
}

/** Every problem with a value's figures for this indicator; empty when it may be stored. */
export function valueProblems(indicator: IndicatorDoc, figures: ValueFigures): FieldProblem[] {
  if (figures.unit !== indicator.unit) {
    return [{ field: 'unit', problem: `must be ${indicator.unit}, the unit of indicator ${indicator.code} (got ${figures.unit})` }];
  }
  const bad = numberProblem(indicator.unit, figures.value);
  return [
    ...(bad ? [{ field: 'value', problem: bad }] : []),
    ...ratioProblems(indicator, figures),
    ...breakdownProblems(indicator, figures),
  ];
}
