import type { Cell } from '../../../kit/disclosure/cells.ts';
import { disclosure } from '../../../kit/disclosure/configured.ts';
import type { DisclosureControl, DisclosureMethod } from '../../../kit/disclosure/publish.ts';
import { InvalidInputError, type FieldProblem } from '../../../kit/errors.ts';
import type { AreaDoc, AreaLevel } from '../../areas/models.ts';
import { areaAtLevelOf, subtree } from '../../areas/tree.ts';
import type { CaseContext } from '../context.ts';
import { KeptYears, defaultKeptYearsOptions } from './keptYears.ts';
import { PathwayCells, publishedTables, type PublishedTables } from './pathwayCells.ts';
import { pathwayPeriod, type WindowPeriod } from './window.ts';
import { yearInSlices } from './yearData.ts';
import { YearTally, type MonthsView } from './yearTally.ts';

/*
 * The pathway aggregates, kept between requests a year at a time; a window (window.ts) adds the
 * kept cells of its months together, across years when it spans two. Reading a year of cases and referrals
 * is what costs (seconds at 100,000 cases on the embedded store), so it is read once and counted
 * into a tally (yearTally.ts) kept with the store's case-registry revision, read before the data.
 * Every write to a case or referral bumps that revision and notes the case code
 * (kit/revisions.ts). On each request one small read tells what was written since, through any
 * replica: nothing, and the kept cells answer; a few cases, and only those are read and counted
 * again; more than the counter remembers, and the year is read whole again. So every replica
 * answers after a write exactly as if it had read the whole year, without doing so. A write whose
 * bump was lost is counted when the kept year is next read whole: at the latest once it is older
 * than the re-read age (keptYears.ts). The subgraph counts the current year at start, before it
 * reports ready (warmPathway below).
 *
 * Every table is published on each request from the kept cells (adding a year's cells together
 * takes milliseconds), and only the tables asked for.
 */

/** What PathwayAggregates resolves from: published tables only, no case-level data. */
export interface PublishedPathway extends PublishedTables {
  year: number;
  period: WindowPeriod;
  suppressionThreshold: number;
  disclosureControl: DisclosureMethod;
  casesByDistrict(): Promise<ReturnType<DisclosureControl['publishTable']>>;
  byArea(level: AreaLevel, within: string | null): Promise<PublishedAreaPathway[]>;
}

/** What AreaPathwayAggregates resolves from. */
export interface PublishedAreaPathway extends PublishedTables {
  area: AreaDoc;
}

interface KeptYear {
  revision: number;
  tally: YearTally;
}

/** What the pathway aggregates use of a request's context (warm-up passes the same, made at start). */
export type PathwayContext = Pick<CaseContext, 'repos' | 'loaders' | 'clock' | 'logger'>;

/** Kept years per store (keyed by its case repository), so subgraphs sharing a process never share tallies. */
const keptByStore = new WeakMap<object, KeptYears<KeptYear>>();

/** The kept years of the store behind these repositories. */
export function keptYearsOf(repos: Pick<CaseContext['repos'], 'cases'>): KeptYears<KeptYear> {
  let kept = keptByStore.get(repos.cases);
  if (!kept) keptByStore.set(repos.cases, (kept = new KeptYears({ ...defaultKeptYearsOptions })));
  return kept;
}

/**
 * The window's published aggregates, as the registry holds it now: the kept cells of its months,
 * by district, added together for the country and, when asked, for each area.
 */
export async function keptPathway(
  ctx: PathwayContext,
  period: WindowPeriod,
  areas: () => Promise<readonly AreaDoc[]>,
): Promise<PublishedPathway> {
  const views: MonthsView[] = [];
  for (const year of period.years) {
    const { tally } = await keptYearsOf(ctx.repos).get(year, (kept) => upToDate(ctx, year, kept), ctx.logger);
    views.push(tally.view(period.months.filter((m) => m.startsWith(`${year}-`))));
  }
  // A year with no counted case in the window adds nothing (its cells are empty).
  const counted = views.filter((view) => view.all.allCases.count > 0);
  const { byDistrict, all: national } = counted.length === 1 ? counted[0]! : together(counted);
  const today = ctx.clock.now();
  return {
    ...publishedTables(national, period.months, today, disclosure),
    year: period.years[period.years.length - 1]!,
    period,
    suppressionThreshold: disclosure.table.threshold,
    disclosureControl: disclosure.method,
    // Every district area is a row, with cases or not, and the cases whose district names none are
    // one fixed row: a row that comes and goes, or a key typed at intake, would tell of the cases behind it.
    casesByDistrict: async () => {
      const all = await areas();
      const listed = all.filter((a) => a.level === 'DISTRICT');
      const cells = areaCells(national, byDistrict, all, 'DISTRICT', listed);
      const rows: [string, Cell][] = listed.map((a) => [a._id, cells.get(a._id)!.allCases]);
      rows.push([unplacedKey, cells.get(unplacedKey)!.allCases]);
      return disclosure.publishTable(rows, { ...national.allCases });
    },
    byArea: async (level, within) => {
      const all = await areas();
      const listed = areasListed(all, level, within);
      const publish = (cells: PathwayCells) => publishedTables(cells, period.months, today, disclosure);
      // Every counted case was reported in the country, placed or not: the country's tables are the
      // national ones, the same cells, so the same figures, and not all cases less the unplaced.
      if (level === 'COUNTRY') return listed.map((area) => ({ area, ...publish(national) }));
      const cells = areaCells(national, byDistrict, all, level, listed);
      const tables = listed.map((area) => ({ area, ...publish(cells.get(area._id)!) }));
      // The areas of a level and the unplaced cases together are every case, as in the national tables.
      const country = all.find((a) => a.level === 'COUNTRY');
      if (country && (within === null || within === country._id)) {
        tables.push({ area: unplacedArea(country, level), ...publish(cells.get(unplacedKey)!) });
      }
      return tables;
    },
  };
}

/** The key of the cases whose district names no district area (or more than one). */
export const unplacedKey = 'UNPLACED';

/**
 * The cases whose district names no district area (or more than one), listed after the areas of a
 * level below the country as if they were an area of it, so that every level holds every case.
 */
function unplacedArea(country: AreaDoc, level: AreaLevel): AreaDoc {
  return {
    _id: unplacedKey,
    version: 1,
    code: unplacedKey,
    name: 'Unplaced: district names no area',
    level,
    parentId: country._id,
    order: Infinity,
  };
}

/**
 * Each listed area's cells: its districts' added together; under `unplacedKey`, the cells of the
 * districts that name no area. Kept with the window's cells until they
 * change (or the areas do), so a breakdown asked again is published from the same cells, whose
 * published tables are kept too.
 */
const areaCellsOf = new WeakMap<PathwayCells, Map<string, { asOf: string; cells: Map<string, PathwayCells> }>>();
function areaCells(
  national: PathwayCells,
  byDistrict: ReadonlyMap<string, PathwayCells>,
  all: readonly AreaDoc[],
  level: AreaLevel,
  listed: readonly AreaDoc[],
): Map<string, PathwayCells> {
  const asOf = `${national.revision} ${all.map((a) => `${a._id}:${a.version}`).join(',')}`;
  const ask = `${level} ${listed.map((a) => a._id).join(',')}`;
  let kept = areaCellsOf.get(national);
  if (!kept) areaCellsOf.set(national, (kept = new Map<string, { asOf: string; cells: Map<string, PathwayCells> }>()));
  const known = kept.get(ask);
  if (known?.asOf === asOf) return known.cells;
  const areaOf = areaAtLevelOf(all, level);
  const cells = new Map([...listed.map((a) => a._id), unplacedKey].map((id) => [id, new PathwayCells()]));
  for (const [district, districtCells] of byDistrict) {
    const area = areaOf(district);
    cells.get(area ? area._id : unplacedKey)?.add(districtCells);
  }
  kept.set(ask, { asOf, cells });
  return cells;
}

/** The views of a window's years as one (their cases are apart: a case is first reported in one year). */
function together(views: readonly MonthsView[]): MonthsView {
  const byDistrict = new Map<string, PathwayCells>();
  const all = new PathwayCells();
  for (const view of views) {
    all.add(view.all);
    for (const [district, cells] of view.byDistrict) {
      let into = byDistrict.get(district);
      if (!into) byDistrict.set(district, (into = new PathwayCells()));
      into.add(cells);
    }
  }
  return { byDistrict, all };
}

/** The areas a breakdown lists: every area of the level (at or below `within`), in listing order. */
function areasListed(all: readonly AreaDoc[], level: AreaLevel, within: string | null): AreaDoc[] {
  const problems: FieldProblem[] = [];
  if (level === 'SUB_DISTRICT')
    problems.push({ field: 'level', problem: 'must be DISTRICT or above: cases are placed no finer than their district' });
  const top = within === null ? null : all.find((a) => a._id === within);
  if (top === undefined) problems.push({ field: 'within', problem: `must be the id of an area (got ${JSON.stringify(within)})` });
  if (problems.length > 0) throw new InvalidInputError('pathway aggregates by area', problems);
  const under = top ? new Set(subtree(top, all).map((a) => a._id)) : null;
  return all.filter((a) => a.level === level && (!under || under.has(a._id)));
}

/**
 * At start: sets how old a kept year may grow (`CRG_PATHWAY_REREAD_MINUTES`) and counts the
 * current year (by the subgraph's clock) before the subgraph reports ready. Ready after the count,
 * a rolling update keeps the old replica serving until the new one has the year; ready before it,
 * every pathway query after a restart would wait behind the count, longer than the gateway waits
 * for a subgraph (`GATEWAY_SUBGRAPH_TIMEOUT_MS`), and the count's store reads would run beside the
 * first requests. The count is read a day at a time (yearData.ts), so /health and /ready still
 * answer while it runs. A count that fails is logged by the warm-up, and the first request reads the year.
 */
export async function warmPathway(ctx: PathwayContext, rereadAfterMs: number | undefined): Promise<void> {
  const kept = keptYearsOf(ctx.repos);
  if (rereadAfterMs !== undefined) kept.options = { ...kept.options, rereadAfterMs };
  const now = ctx.clock.now();
  const started = performance.now();
  const year = await keptPathway(ctx, pathwayPeriod({ year: now.getUTCFullYear() }, now), async () => []);
  // Published once now, so the first request finds the year's tables kept.
  for (const table of [year.casesByIncidentType, year.casesByMonth, year.casesBySector, year.justiceFunnel, year.referralOutcomes]) table();
  year.overdueFollowUps();
  year.timeToService(null);
  ctx.logger.info({ year: year.year, ms: Math.round(performance.now() - started) }, "this year's pathway aggregates counted");
}

async function upToDate(ctx: PathwayContext, year: number, kept: KeptYear | undefined): Promise<KeptYear> {
  if (kept) {
    const { revision, keys } = await ctx.repos.cases.changesSince(kept.revision);
    if (keys?.length === 0) return kept;
    if (keys) {
      const [cases, referrals] = await Promise.all([ctx.repos.cases.findByIds(keys), ctx.repos.referrals.find({ caseId: { $in: keys } })]);
      kept.tally.recount(keys, cases, referrals);
      return { revision, tally: kept.tally };
    }
  }
  // Read before the data: a tally counted after this read holds at least every write it counts.
  const revision = await ctx.repos.cases.revision();
  return { revision, tally: await YearTally.ofSlices(year, disclosure, yearInSlices(ctx.repos, year)) };
}
