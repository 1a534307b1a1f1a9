import { suppressionThreshold } from '../../../kit/suppressionThreshold.ts';
import { caseCodePrefix } from '../caseCode.ts';
import type { CaseContext } from '../context.ts';
import type { IncidentType } from '../models.ts';
import { readYear } from './yearData.ts';
import { YearTally } from './yearTally.ts';

/*
 * The pathway aggregates of a year, kept between requests. Reading a year of cases and referrals
 * is what costs (seconds at 100,000 cases on the embedded store), so it is read once and counted
 * into a tally (yearTally.ts) kept with the store's case-registry revision, read before the data.
 * Every write to a case or referral bumps that revision and notes the case code
 * (kit/revisions.ts). On each request one small read tells what was written since, through any
 * replica: nothing, and the kept tables answer; a few cases, and only those are read and counted
 * again; more than the counter remembers, and the year is read whole again. So every replica
 * answers after a write exactly as if it had read the whole year, without doing so.
 *
 * Only the follow-ups overdue today depend on the day asked: they are counted on each request
 * from the kept referrals still awaiting service.
 */

type Tables = ReturnType<YearTally['tables']>;

/** What PathwayAggregates resolves from: published tables only, no case-level data. */
export interface PublishedPathway extends Omit<Tables, 'timeToService'> {
  overdueFollowUps: ReturnType<YearTally['overdueFollowUps']>;
  timeToService(incidentType: IncidentType | null): NonNullable<ReturnType<Tables['timeToService']['get']>>;
}

interface KeptYear {
  revision: number;
  tally: YearTally;
  tables: Tables;
}

/**
 * Kept years per store (keyed by its case repository), so subgraphs sharing a process never
 * share tallies. Requests for a year queue behind each other, so one at a time updates it.
 */
const keptByStore = new WeakMap<object, Map<number, Promise<KeptYear>>>();

/** The year's published aggregates, as the registry holds it now. */
export async function keptPathway(ctx: CaseContext, year: number): Promise<PublishedPathway> {
  let kept = keptByStore.get(ctx.repos.cases);
  if (!kept) keptByStore.set(ctx.repos.cases, (kept = new Map()));
  // A request that failed leaves nothing trustworthy: the next one reads the year whole.
  const next = (kept.get(year) ?? Promise.resolve(undefined)).catch(() => undefined).then((k) => upToDate(ctx, year, k));
  kept.set(year, next);
  const { tally, tables } = await next;
  const { timeToService, ...published } = tables;
  return {
    ...published,
    overdueFollowUps: tally.overdueFollowUps(ctx.clock.now()),
    timeToService: (incidentType) => timeToService.get(incidentType)!,
  };
}

async function upToDate(ctx: CaseContext, year: number, kept: KeptYear | undefined): Promise<KeptYear> {
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
  const { cases, referrals } = await readYear(ctx.repos, prefix, year);
  const tally = YearTally.of(year, suppressionThreshold, prefix, cases, referrals);
  return { revision, tally, tables: tally.tables() };
}
