import type { Cell } from './cells.ts';
import { perturbationTable, type PerturbationParameters, type PerturbationTable } from './ptable.ts';
import { cellKeyFraction, recordKeys, type RecordKeys } from './recordKeys.ts';

/*
 * Publishing counts under the cell-key method with a small-cell threshold (see
 * docs/disclosure-control.md). A count below the threshold, 0 included, is withheld: `count` null
 * and `suppressed` true, so a withheld cell never reads 0 and an empty cell cannot be told from
 * a small one. Any other count is published with the noise the perturbation table gives its
 * count and cell key. A total is a cell of its own, perturbed by its own key: rows need not add
 * up to it. Cells known to be empty (months still to come) are left out by the callers: they
 * are never published as cells.
 */

/** A count as published: the number, or null and `suppressed: true`. */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
}

export interface PublishedRow extends PublishedCount {
  key: string;
}

/** The method and its public parameters, as answers describe them. */
export interface DisclosureMethod extends PerturbationParameters {
  method: 'CELL_KEY_PERTURBATION';
}

export interface DisclosureControl {
  readonly method: DisclosureMethod;
  readonly table: PerturbationTable;
  readonly keys: RecordKeys;
  publish(cell: Cell): PublishedCount;
  /** A table of cells and its total, each published on its own. */
  publishTable(rows: readonly (readonly [string, Cell])[], total: Cell): { rows: PublishedRow[]; total: PublishedRow };
}

export function disclosureControl(secret: Buffer, parameters: PerturbationParameters): DisclosureControl {
  const table = perturbationTable(parameters);
  const publish = ({ count, keySum }: Cell): PublishedCount =>
    count < table.threshold
      ? { count: null, suppressed: true }
      : { count: count + table.noise(count, cellKeyFraction(keySum)), suppressed: false };
  return {
    method: { method: 'CELL_KEY_PERTURBATION', ...parameters },
    table,
    keys: recordKeys(secret),
    publish,
    publishTable: (rows, total) => ({
      rows: rows.map(([key, cell]) => ({ key, ...publish(cell) })),
      total: { key: 'TOTAL', ...publish(total) },
    }),
  };
}
