/*
 * Small-cell suppression for published counts, so no one can be re-identified from a table.
 *
 * Primary suppression: every count below the threshold is withheld (published as null with a
 * `suppressed` flag, never as 0 or as the number).
 *
 * Secondary suppression: counts related by addition (a row of cells and its total, a funnel
 * stage and the next one plus those who dropped out) could give a withheld count back by
 * subtraction. Within every such group, a withheld count must never be the only one: while
 * a group has exactly one, the smallest published count in it is withheld as well.
 *
 * Some counts of a group are never published but can be derived (how many dropped out between
 * two funnel stages). They are `hidden`: unknown to the reader, so a group whose only unknown
 * count is a hidden one gives that count away, which is harmless unless it is small. A small
 * hidden count is protected like any other; a hidden count is never chosen to protect another.
 */

/** Counts related by addition: `values[total]` is the sum of `values[members]`. */
export interface AdditiveGroup {
  total: number;
  members: readonly number[];
}

export interface SuppressionInput {
  values: readonly number[];
  threshold: number;
  groups?: readonly AdditiveGroup[];
  /** Indexes of counts that are derivable but never published. */
  hidden?: ReadonlySet<number>;
}

/** Which of `values` must be withheld. */
export function suppressionPlan({ values, threshold, groups = [], hidden = new Set() }: SuppressionInput): boolean[] {
  const withheld = values.map((value) => value < threshold);
  const unknown = (i: number) => withheld[i] || hidden.has(i);
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      const cells = [group.total, ...group.members];
      const unknowns = cells.filter(unknown);
      // The one unknown count of a group is its total minus the rest: protect it if it must be.
      if (unknowns.length !== 1 || !withheld[unknowns[0]!]) continue;
      const candidates = cells.filter((i) => !unknown(i));
      if (candidates.length === 0) continue;
      const smallest = candidates.reduce((a, b) => (values[b]! < values[a]! ? b : a));
      withheld[smallest] = true;
      changed = true;
    }
  }
  return withheld;
}

/** A count as published: the number, or null and `suppressed: true`. */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
}

export const publish = (value: number, withheld: boolean): PublishedCount =>
  withheld ? { count: null, suppressed: true } : { count: value, suppressed: false };

/** A one-way table of counts and its total, suppressed together. */
export function suppressedTable(rows: readonly (readonly [string, number])[], total: number, threshold: number) {
  const values = [...rows.map(([, n]) => n), total];
  const withheld = suppressionPlan({ values, threshold, groups: [{ total: rows.length, members: rows.map((_, i) => i) }] });
  return {
    rows: rows.map(([key, n], i) => ({ key, ...publish(n, withheld[i]!) })),
    total: { key: 'TOTAL', ...publish(total, withheld[rows.length]!) },
  };
}
