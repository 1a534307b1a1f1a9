import highsPackage from 'highs';
import { perturbationTable, type PerturbationParameters } from '../../subgraphs/kit/disclosure/ptable.ts';

/*
 * What an analyst can work out from the published counts of one answer, by integer linear
 * programming (HiGHS): the true count of every cell is a variable; the attacker knows how the
 * tables add up, which cells are known to be empty, and the disclosure method with its public
 * parameters; the tightest bounds of each cell are its minimum and maximum over every set of
 * true counts that agrees with all of that.
 */

// The package's types describe an ES default export on a CommonJS package; Node's loader gives the ES build.
const loadHighs = ((highsPackage as { default?: unknown }).default ?? highsPackage) as typeof highsPackage.default;

export type Row = { key: string; count: number | null; suppressed: boolean };

/** What the attacker knows of the method from the answer. */
export type Method =
  /** Small-cell suppression: a published count is exact; a withheld one is any count (it may be withheld to protect another). */
  | { kind: 'suppression'; threshold: number }
  /** The cell-key method: a published count is within the ptable's noise of a count of at least the threshold; a withheld one is below it. */
  | { kind: 'cell-key'; parameters: PerturbationParameters };

export class Attack {
  private readonly bounds = new Map<string, [number, number]>();
  private readonly constraints: string[] = [];

  constructor(private readonly method: Method) {}

  /** A published cell, by name: its possible true counts follow from what was published. */
  cell(name: string, row: Row): string {
    this.bounds.set(name, this.possible(row));
    return name;
  }

  /** A count the attacker knows nothing of but that it is a count (a month's cases, never published alone). */
  unknown(name: string): string {
    this.bounds.set(name, [0, 1_000_000]);
    return name;
  }

  /** A cell the attacker knows to be empty (a month to come). */
  empty(name: string): string {
    this.bounds.set(name, [0, 0]);
    return name;
  }

  /** The cells add up to the total. */
  sum(parts: readonly string[], total: string): void {
    this.constraints.push(`${parts.join(' + ')} - ${total} = 0`);
  }

  /** `small` is at most `large` (a later funnel stage, a sector's cases against all cases). */
  atMost(small: string, large: string): void {
    this.constraints.push(`${small} - ${large} <= 0`);
  }

  /** The cells together are at least the total (every case is served by at least its holder). */
  atLeast(parts: readonly string[], total: string): void {
    this.constraints.push(`${parts.join(' + ')} - ${total} >= 0`);
  }

  private possible(row: Row): [number, number] {
    const big = 1_000_000;
    if (this.method.kind === 'suppression') {
      return row.suppressed ? [0, big] : [row.count!, row.count!];
    }
    const { threshold, maxNoise } = this.method.parameters;
    if (row.suppressed) return [0, threshold - 1];
    const table = perturbationTable(this.method.parameters);
    const p = row.count!;
    const can = [];
    for (let n = Math.max(threshold, p - maxNoise); n <= p + maxNoise; n++) {
      const { noise, probability } = table.row(n);
      if ((probability[noise.indexOf(p - n)] ?? 0) > 0) can.push(n);
    }
    if (can.length === 0) throw new Error(`no true count publishes as ${p}`);
    return [Math.min(...can), Math.max(...can)];
  }

  /** The tightest bounds of each named cell. */
  async solve(names: readonly string[]): Promise<Map<string, [number, number]>> {
    const highs = await loadHighs();
    const variables = [...this.bounds.keys()];
    const lp = (sense: 'Minimize' | 'Maximize', target: string) =>
      [
        sense,
        ` obj: ${target}`,
        'Subject To',
        ...this.constraints.map((c, i) => ` c${i}: ${c}`),
        'Bounds',
        ...variables.map((v) => ` ${this.bounds.get(v)![0]} <= ${v} <= ${this.bounds.get(v)![1]}`),
        'Generals',
        ` ${variables.join(' ')}`,
        'End',
      ].join('\n');
    const result = new Map<string, [number, number]>();
    for (const name of names) {
      const [low, high] = (['Minimize', 'Maximize'] as const).map((sense) => {
        const solution = highs.solve(lp(sense, name), { output_flag: false });
        if (solution.Status !== 'Optimal')
          throw new Error(`${sense} ${name}: ${solution.Status} (the attacker's model contradicts the answer)`);
        return Math.round(solution.ObjectiveValue);
      });
      result.set(name, [low!, high!]);
    }
    return result;
  }
}
