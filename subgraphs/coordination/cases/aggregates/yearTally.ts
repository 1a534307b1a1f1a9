import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DisclosureControl } from '../../../kit/disclosure/publish.ts';
import { PathwayCells, shareOf, type CaseShare } from './pathwayCells.ts';
import type { CountedCase, CountedReferral, YearSlice } from './yearData.ts';

/*
 * A year's pathway aggregates as running counts, kept up to date case by case: what each counted
 * case adds (its share, pathwayCells.ts) is noted, so a case written since can be taken out and
 * counted again without reading the rest of the year. The cells are kept per month of first
 * report and per district, so that any window of whole months, for the country or for any area,
 * is published by adding kept cells together without touching a case: the result is the
 * straightforward computation's (pathway.ts), count for count (test/cases/pathwayKept.test.ts
 * holds it to that).
 */

function cellsIn(byDistrict: Map<string, PathwayCells>, district: string): PathwayCells {
  let cells = byDistrict.get(district);
  if (!cells) byDistrict.set(district, (cells = new PathwayCells()));
  return cells;
}

function referralsByCase(referrals: readonly CountedReferral[]): Map<string, CountedReferral[]> {
  const byCase = new Map<string, CountedReferral[]>();
  for (const r of referrals) {
    const list = byCase.get(r.caseId);
    if (list) list.push(r);
    else byCase.set(r.caseId, [r]);
  }
  return byCase;
}

/** The cells of the cases of some months, by district and for them all: a window's share of a year. */
export interface MonthsView {
  byDistrict: Map<string, PathwayCells>;
  all: PathwayCells;
}

/** How many windows' views a year keeps: the windows dashboards ask for are few. */
const keptViews = 24;

export class YearTally {
  private readonly shares = new Map<string, CaseShare>();
  /** The cells of each month's cases, by district. */
  private readonly months = new Map<string, Map<string, PathwayCells>>();
  /**
   * The views of the windows asked for lately, by their months, kept up to date with every case
   * counted again like the month cells: so a window asked again is published without adding a
   * year of month cells together (tens of milliseconds at 100,000 cases) after every write.
   */
  private readonly views = new Map<string, { months: ReadonlySet<string>; view: MonthsView }>();

  constructor(
    readonly year: number,
    readonly disclosure: DisclosureControl,
  ) {}

  /**
   * Counts the year's cases (each counted one) with their referrals, as readYear returns them, a
   * slice of cases at a time with a turn for other work between slices: counting a large year
   * takes most of a second, which requests arriving meanwhile would otherwise wait out.
   */
  static async of(
    year: number,
    disclosure: DisclosureControl,
    cases: readonly CountedCase[],
    referrals: readonly CountedReferral[],
    casesPerSlice = 2000,
  ): Promise<YearTally> {
    const tally = new YearTally(year, disclosure);
    const byCase = referralsByCase(referrals);
    for (let from = 0; from < cases.length; from += casesPerSlice) {
      for (let i = from; i < Math.min(cases.length, from + casesPerSlice); i++) tally.countAgain(cases[i]!, byCase);
      await nextTurn();
    }
    return tally;
  }

  /**
   * Counts the year as `slices` hand it over (yearInSlices), with a turn for other work after
   * every `casesPerTurn` cases: counting a large year takes seconds, which requests arriving
   * meanwhile would otherwise wait out.
   */
  static async ofSlices(
    year: number,
    disclosure: DisclosureControl,
    slices: AsyncIterable<YearSlice>,
    casesPerTurn = 1000,
  ): Promise<YearTally> {
    const tally = new YearTally(year, disclosure);
    let sinceTurn = 0;
    for await (const { cases, referrals } of slices) {
      const byCase = referralsByCase(referrals);
      for (const c of cases) {
        tally.countAgain(c, byCase);
        if (++sinceTurn >= casesPerTurn) {
          sinceTurn = 0;
          await nextTurn();
        }
      }
    }
    return tally;
  }

  /**
   * Replaces what a case adds with what it adds as `c` now holds (nothing when it is no longer
   * counted): the case with its referrals, in the year of its first report, whatever year its code
   * carries.
   */
  private countAgain(c: CountedCase, byCase: ReadonlyMap<string, CountedReferral[]>) {
    const counted = c.reportingConsent && c.firstReportedOn.getUTCFullYear() === this.year;
    this.replace(c._id, counted ? shareOf(c, byCase.get(c._id) ?? [], this.disclosure) : null);
  }

  /**
   * Counts cases again as the store now holds them: `cases` and `referrals` are what the store
   * returned for the case codes `codes`; a case missing from `cases`, or no longer counted (no
   * reporting consent, first reported in another year), is taken out.
   */
  recount(codes: readonly string[], cases: readonly CountedCase[], referrals: readonly CountedReferral[]) {
    const byCase = referralsByCase(referrals);
    for (const c of cases) this.countAgain(c, byCase);
    const found = new Set(cases.map((c) => c._id));
    for (const code of codes) if (!found.has(code)) this.replace(code, null);
  }

  private replace(code: string, share: CaseShare | null) {
    const before = this.shares.get(code);
    if (before) this.count(before, -1);
    if (share) this.count(share, 1);
    if (share) this.shares.set(code, share);
    else this.shares.delete(code);
  }

  private count(share: CaseShare, by: 1 | -1) {
    let districts = this.months.get(share.month);
    if (!districts) this.months.set(share.month, (districts = new Map<string, PathwayCells>()));
    cellsIn(districts, share.district).count(share, by);
    for (const { months, view } of this.views.values()) {
      if (!months.has(share.month)) continue;
      cellsIn(view.byDistrict, share.district).count(share, by);
      view.all.count(share, by);
    }
  }

  /** The cells of the cases first reported in `months` (those of this year), kept for the next request. */
  view(months: readonly string[]): MonthsView {
    const key = months.join(' ');
    const kept = this.views.get(key);
    if (kept) {
      // Most recently asked last, so the one asked longest ago goes first.
      this.views.delete(key);
      this.views.set(key, kept);
      return kept.view;
    }
    const byDistrict = new Map<string, PathwayCells>();
    this.addInto(byDistrict, months);
    const all = new PathwayCells();
    for (const cells of byDistrict.values()) all.add(cells);
    const view = { byDistrict, all };
    this.views.set(key, { months: new Set(months), view });
    if (this.views.size > keptViews) this.views.delete(this.views.keys().next().value!);
    return view;
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
