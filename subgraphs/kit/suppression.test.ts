import { describe, expect, it } from 'vitest';
import { suppressedTable, suppressionPlan } from './suppression.ts';
import { readSuppressionThreshold } from './suppressionThreshold.ts';

describe('primary suppression', () => {
  it('withholds every count below the threshold, zero included, as null and never as 0', () => {
    const table = suppressedTable(
      [
        ['a', 12],
        ['b', 0],
        ['c', 4],
        ['d', 30],
      ],
      46,
      5,
    );
    expect(table.rows).toEqual([
      { key: 'a', count: 12, suppressed: false },
      { key: 'b', count: null, suppressed: true },
      { key: 'c', count: null, suppressed: true },
      { key: 'd', count: 30, suppressed: false },
    ]);
    expect(table.total).toEqual({ key: 'TOTAL', count: 46, suppressed: false });
  });
});

describe('secondary suppression against differencing', () => {
  it('withholds the next smallest cell when one cell of a row could be recovered from the total', () => {
    const table = suppressedTable(
      [
        ['a', 20],
        ['b', 3],
        ['c', 9],
        ['d', 40],
      ],
      72,
      5,
    );
    expect(table.rows.map((r) => r.count)).toEqual([20, null, null, 40]);
    // The total minus every published cell no longer gives any one withheld cell.
    expect(72 - 20 - 40).toBe(12);
  });

  it('withholds a whole row whose total is small', () => {
    const plan = suppressionPlan({ values: [3, 0, 3], threshold: 5, groups: [{ total: 2, members: [0, 1] }] });
    expect(plan).toEqual([true, true, true]);
  });

  it('protects a small hidden difference, such as a few drop-outs between two funnel stages', () => {
    // values: stage 0 (40), stage 1 (38), dropped between them (2, never published)
    const plan = suppressionPlan({ values: [40, 38, 2], threshold: 5, groups: [{ total: 0, members: [1, 2] }], hidden: new Set([2]) });
    expect(plan).toEqual([false, true, true]);
  });

  it('keeps going until every group is safe, across overlapping groups', () => {
    // A 2x2 table with row and column totals: cell (0,0) is small.
    const [a, b, c, d] = [0, 1, 2, 3];
    const [r0, r1, c0, c1, t] = [4, 5, 6, 7, 8];
    const values = [2, 10, 11, 12, 12, 23, 13, 22, 35];
    const plan = suppressionPlan({
      values,
      threshold: 5,
      groups: [
        { total: r0, members: [a, b] },
        { total: r1, members: [c, d] },
        { total: c0, members: [a, c] },
        { total: c1, members: [b, d] },
        { total: t, members: [r0, r1] },
        { total: t, members: [c0, c1] },
      ],
    });
    for (const group of [
      [r0, a, b],
      [r1, c, d],
      [c0, a, c],
      [c1, b, d],
      [t, r0, r1],
      [t, c0, c1],
    ]) {
      expect(group.filter((i) => plan[i]).length, String(group)).not.toBe(1);
    }
    expect(plan[a]).toBe(true);
  });
});

describe('CRG_SUPPRESSION_THRESHOLD', () => {
  it('defaults to 5 and refuses values that would not protect anyone, naming the variable', () => {
    expect(readSuppressionThreshold({})).toBe(5);
    expect(readSuppressionThreshold({ CRG_SUPPRESSION_THRESHOLD: '10' })).toBe(10);
    expect(() => readSuppressionThreshold({ CRG_SUPPRESSION_THRESHOLD: '1' })).toThrow(
      /CRG_SUPPRESSION_THRESHOLD must be a whole number from 2 to 100/,
    );
    expect(() => readSuppressionThreshold({ CRG_SUPPRESSION_THRESHOLD: 'five' })).toThrow(/got "five"/);
  });
});
