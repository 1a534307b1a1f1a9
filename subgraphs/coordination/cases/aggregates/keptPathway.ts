import { awaitingStatuses } from '../lifecycle.ts';
import { incidentTypes, type IncidentType, type ReferralDoc } from '../models.ts';
import type { CaseContext } from '../context.ts';
import * as pathway from './pathway.ts';
import type { PathwayData } from './pathway.ts';
import { loadYear } from './yearData.ts';

/*
 * The pathway aggregates of a year, kept between requests. Reading a year of cases and referrals
 * is what costs (a second or more at 100,000 cases on the embedded store); the tables are then
 * computed once, by the same functions (pathway.ts), and kept together with the store's
 * case-registry revision read before the data. Every write to a case or referral bumps that
 * revision (kit/revisions.ts), so a request whose revision read finds the kept tables current
 * answers from them, and any other request recomputes: a write made through any replica is
 * seen by every replica on its next request, and nothing drifts beyond the next write.
 *
 * Only the follow-ups overdue today depend on the day asked. For those the referrals still
 * awaiting service are kept (a small share of all), and counted against today on each request.
 */

type Table = ReturnType<typeof pathway.casesByIncidentType>;
type ServiceTimings = ReturnType<typeof pathway.timeToService>;

/** What PathwayAggregates resolves from: published tables only, no case-level data. */
export interface PublishedPathway {
  year: number;
  suppressionThreshold: number;
  casesByIncidentType: Table;
  casesByDistrict: Table;
  casesByMonth: Table;
  casesBySector: Table;
  justiceFunnel: ReturnType<typeof pathway.justiceFunnel>;
  referralOutcomes: Table;
  overdueFollowUps: Table;
  timeToService(incidentType: IncidentType | null): ServiceTimings;
}

/** A year's tables as computed from one read of the registry, and what today's overdue count needs. */
export interface YearTables extends Omit<PublishedPathway, 'overdueFollowUps' | 'timeToService'> {
  timeToService: ReadonlyMap<IncidentType | null, ServiceTimings>;
  /** The year's referrals still awaiting service: the only ones that can be overdue on any day. */
  awaiting: readonly Pick<ReferralDoc, 'status' | 'toSector' | 'followUpBy'>[];
}

/** Computes every table that does not depend on the day asked. */
export function tablesOf(data: PathwayData): YearTables {
  return {
    year: data.year,
    suppressionThreshold: data.threshold,
    casesByIncidentType: pathway.casesByIncidentType(data),
    casesByDistrict: pathway.casesByDistrict(data),
    casesByMonth: pathway.casesByMonth(data),
    casesBySector: pathway.casesBySector(data),
    justiceFunnel: pathway.justiceFunnel(data),
    referralOutcomes: pathway.referralOutcomes(data),
    timeToService: new Map([null, ...incidentTypes].map((type) => [type, pathway.timeToService(data, type)])),
    awaiting: data.referrals
      .filter((r) => awaitingStatuses.includes(r.status))
      .map(({ status, toSector, followUpBy }) => ({ status, toSector, followUpBy })),
  };
}

/** The published aggregates on `today`, from a year's kept tables. */
export function publishedOn(tables: YearTables, today: Date): PublishedPathway {
  const { awaiting, timeToService, ...published } = tables;
  // Overdue follow-ups read referrals only, and only awaiting ones can be overdue: these give the same table.
  const overdueData: PathwayData = {
    year: tables.year,
    cases: [],
    referrals: awaiting as ReferralDoc[],
    today,
    threshold: tables.suppressionThreshold,
  };
  return {
    ...published,
    overdueFollowUps: pathway.overdueFollowUps(overdueData),
    timeToService: (incidentType) => timeToService.get(incidentType)!,
  };
}

interface KeptYear {
  revision: number;
  tables: Promise<YearTables>;
}

/** Kept years per store (keyed by its case repository), so subgraphs sharing a process never share tables. */
const keptByStore = new WeakMap<object, Map<number, KeptYear>>();

/** The year's published aggregates, from the kept tables while no case or referral was written since. */
export async function keptPathway(ctx: CaseContext, year: number): Promise<PublishedPathway> {
  let kept = keptByStore.get(ctx.repos.cases);
  if (!kept) keptByStore.set(ctx.repos.cases, (kept = new Map()));
  // Read before the data: tables kept under this revision hold at least every write it counts.
  const revision = await ctx.repos.cases.revision();
  let entry = kept.get(year);
  // Tables kept under a later revision are newer still, so they serve an older reader as well.
  if (!entry || entry.revision < revision) {
    const fresh: KeptYear = { revision, tables: loadYear(ctx, year).then(tablesOf) };
    kept.set(year, fresh);
    // A failed read is not kept: the next request reads again.
    fresh.tables.catch(() => kept.get(year) === fresh && kept.delete(year));
    entry = fresh;
  }
  return publishedOn(await entry.tables, ctx.clock.now());
}
