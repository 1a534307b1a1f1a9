import { addKey } from './recordKeys.ts';

/** What the cell-key method needs of a cell: how many records it counts and the sum of their keys. */
export interface Cell {
  count: number;
  keySum: number;
}

export const emptyCell = (): Cell => ({ count: 0, keySum: 0 });

/** Adds a record to a cell (by = 1) or takes it out (by = -1). */
export function addToCell(cell: Cell, recordKey: number, by: 1 | -1 = 1): void {
  cell.count += by;
  cell.keySum = addKey(cell.keySum, recordKey, by);
}

/** Adds the records of `cell` to `into` (no record in both). */
export function addCell(into: Cell, cell: Cell): void {
  into.count += cell.count;
  into.keySum = addKey(into.keySum, cell.keySum);
}

/** The cell of several cells' records together (each record in exactly one of them). */
export function mergeCells(cells: Iterable<Cell>): Cell {
  const merged = emptyCell();
  for (const c of cells) addCell(merged, c);
  return merged;
}

/** Cells by key, a key dropped when its cell is empty again, as a count over a list never shows it. */
export class Cells<K = string> extends Map<K, Cell> {
  add(key: K, recordKey: number, by: 1 | -1 = 1): void {
    const cell = this.get(key) ?? emptyCell();
    addToCell(cell, recordKey, by);
    if (cell.count === 0) this.delete(key);
    else this.set(key, cell);
  }
  cell(key: K): Cell {
    return this.get(key) ?? emptyCell();
  }
  rows(keys: readonly K[]): [K, Cell][] {
    return keys.map((k) => [k, this.cell(k)]);
  }
}
