import { disclosure } from '../../../kit/disclosure/configured.ts';
import { caseCodePrefix } from '../caseCode.ts';
import type { CaseContext } from '../context.ts';
import type { IncidentType } from '../models.ts';
import { KeptYears, defaultKeptYearsOptions } from './keptYears.ts';
import { readYearInSlices } from './yearData.ts';
import { YearTally } from './yearTally.ts';

/*
 * The pathway aggregates of a year, kept between requests. Reading a year of cases and referrals
 * is what costs (seconds at 100,000 cases on the embedded store), so it is read once and counted
 * into a tally (yearTally.ts) kept with the store's case-registry revision, read before the data.
 * Every write to a case or referral bumps that revision and notes the case code
 * (kit/revisions.ts). On each request one small read tells what was written since, through any
 * replica: nothing, and the kept tables answer; a few cases, and only those are read and counted
 * again; more than the counter remembers, and the year is read whole again. So every replica
 * answers after a write exactly as if it had read the whole year, without doing so. A write whose
 * bump was lost is counted when the kept year is next read whole: at the latest once it is older
 * than the re-read age (keptYears.ts). The subgraph counts the current year at start, before it
 * reports ready (warmPathway below).
 *
 * Only the follow-ups overdue today and the months begun by today depend on the day asked: they
 * are published on each request from the kept cells.
 */

type Tables = ReturnType<YearTally['tables']>;

/** What PathwayAggregates resolves from: published tables only, no case-level data. */
export interface PublishedPathway extends Omit<Tables, 'timeToService'> {
  casesByMonth: ReturnType<YearTally['casesByMonth']>;
  overdueFollowUps: ReturnType<YearTally['overdueFollowUps']>;
  timeToService(incidentType: IncidentType | null): NonNullable<ReturnType<Tables['timeToService']['get']>>;
}

interface KeptYear {
  revision: number;
  tally: YearTally;
  tables: Tables;
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

/** The year's published aggregates, as the registry holds it now. */
export async function keptPathway(ctx: PathwayContext, year: number): Promise<PublishedPathway> {
  const { tally, tables } = await keptYearsOf(ctx.repos).get(year, (kept) => upToDate(ctx, year, kept), ctx.logger);
  const { timeToService, ...published } = tables;
  return {
    ...published,
    casesByMonth: tally.casesByMonth(ctx.clock.now()),
    overdueFollowUps: tally.overdueFollowUps(ctx.clock.now()),
    timeToService: (incidentType) => timeToService.get(incidentType)!,
  };
}

/**
 * At start: sets how old a kept year may grow (`CRG_PATHWAY_REREAD_MINUTES`) and counts the
 * current year (by the subgraph's clock), so the first request for it is answered from the tally.
 */
export async function warmPathway(ctx: PathwayContext, rereadAfterMs: number | undefined): Promise<void> {
  const kept = keptYearsOf(ctx.repos);
  if (rereadAfterMs !== undefined) kept.options = { ...kept.options, rereadAfterMs };
  await keptPathway(ctx, ctx.clock.now().getUTCFullYear());
}

async function upToDate(ctx: PathwayContext, year: number, kept: KeptYear | undefined): Promise<KeptYear> {
  if (kept) {
    const { revision, keys } = await ctx.repos.cases.changesSince(kept.revision);
    if (keys?.length === 0) return kept;
    if (keys) {
      const [cases, referrals] = await Promise.all([ctx.repos.cases.findByIds(keys), ctx.repos.referrals.find({ caseId: { $in: keys } })]);
      kept.tally.recount(keys, cases, referrals);
      return { revision, tally: kept.tally, tables: kept.tally.tables() };
    }
  }
  // Read before the data: a tally counted after this read holds at least every write it counts.
  const revision = await ctx.repos.cases.revision();
  const prefix = await caseCodePrefix(ctx, year);
  const { cases, referrals } = await readYearInSlices(ctx.repos, prefix, year);
  const tally = await YearTally.of(year, disclosure, prefix, cases, referrals);
  return { revision, tally, tables: tally.tables() };
}
