import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DisclosureControl } from '../../../kit/disclosure/publish.ts';
import type { CaseDoc, ReferralDoc } from '../models.ts';
import { PathwayCells, shareOf, type CaseShare } from './pathwayCells.ts';

/*
 * A year's pathway aggregates as running counts, kept up to date case by case: what each counted
 * case adds (its share, pathwayCells.ts) is noted, so a case written since can be taken out and
 * counted again without reading the rest of the year. The cells are kept per month of first
 * report and per district, so that any window of whole months, for the country or for any area,
 * is published by adding kept cells together without touching a case: the result is the
 * straightforward computation's (pathway.ts), count for count (test/cases/pathwayKept.test.ts
 * holds it to that).
 */

function referralsByCase(referrals: readonly ReferralDoc[]): Map<string, ReferralDoc[]> {
  const byCase = new Map<string, ReferralDoc[]>();
  for (const r of referrals) {
    const list = byCase.get(r.caseId);
    if (list) list.push(r);
    else byCase.set(r.caseId, [r]);
  }
  return byCase;
}

export class YearTally {
  private readonly shares = new Map<string, CaseShare>();
  /** The cells of each month's cases, by district. */
  private readonly months = new Map<string, Map<string, PathwayCells>>();

  constructor(
    readonly year: number,
    readonly disclosure: DisclosureControl,
    readonly codePrefix: string,
  ) {}

  /**
   * Counts the year's cases (each counted one) with their referrals, as readYear returns them, a
   * slice of cases at a time with a turn for other work between slices: counting a large year
   * takes most of a second, which requests arriving meanwhile would otherwise wait out.
   */
  static async of(
    year: number,
    disclosure: DisclosureControl,
    codePrefix: string,
    cases: readonly CaseDoc[],
    referrals: readonly ReferralDoc[],
    casesPerSlice = 2000,
  ): Promise<YearTally> {
    const tally = new YearTally(year, disclosure, codePrefix);
    const byCase = referralsByCase(referrals);
    for (let from = 0; from < cases.length; from += casesPerSlice) {
      const slice = cases.slice(from, from + casesPerSlice);
      tally.recount(
        [],
        slice,
        slice.flatMap((c) => byCase.get(c._id) ?? []),
      );
      await nextTurn();
    }
    return tally;
  }

  /**
   * Counts cases again as the store now holds them: `cases` and `referrals` are what the store
   * returned for the case codes `codes`; a case missing from `cases`, or no longer counted (no
   * reporting consent, first reported in another year), is taken out.
   */
  recount(codes: readonly string[], cases: readonly CaseDoc[], referrals: readonly ReferralDoc[]) {
    const byCase = referralsByCase(referrals.filter((r) => r.caseId.startsWith(this.codePrefix)));
    for (const c of cases) {
      const counted = c.reportingConsent && c.firstReportedOn.getUTCFullYear() === this.year;
      this.replace(c._id, counted ? shareOf(c, byCase.get(c._id) ?? [], this.disclosure) : null);
    }
    const gone = codes.filter((code) => !cases.some((c) => c._id === code));
    for (const code of gone) this.replace(code, null);
  }

  private replace(code: string, share: CaseShare | null) {
    const before = this.shares.get(code);
    if (before) this.cellsOf(before).count(before, -1);
    if (share) this.cellsOf(share).count(share, 1);
    if (share) this.shares.set(code, share);
    else this.shares.delete(code);
  }

  private cellsOf({ month, district }: CaseShare): PathwayCells {
    let districts = this.months.get(month);
    if (!districts) this.months.set(month, (districts = new Map<string, PathwayCells>()));
    let cells = districts.get(district);
    if (!cells) districts.set(district, (cells = new PathwayCells()));
    return cells;
  }

  /** Adds the cells of the cases first reported in `months` (those of this year) into `byDistrict`. */
  addInto(byDistrict: Map<string, PathwayCells>, months: readonly string[]) {
    for (const month of months) {
      for (const [district, cells] of this.months.get(month) ?? []) {
        if (cells.allCases.count === 0) continue;
        let into = byDistrict.get(district);
        if (!into) byDistrict.set(district, (into = new PathwayCells()));
        into.add(cells);
      }
    }
  }
}
