import { requireScopes } from '../../../kit/auth/identity.ts';
import { scopes } from '../../../kit/auth/roles.ts';
import { InvalidInputError } from '../../../kit/errors.ts';
import { suppressionThreshold } from '../../../kit/suppressionThreshold.ts';
import type { QueryPathwayAggregatesArgs, Resolvers } from '../../generated/resolverTypes.ts';
import { caseCodePrefix, codesWithPrefix } from '../caseCode.ts';
import type { CaseContext } from '../context.ts';
import * as pathway from './pathway.ts';
import type { PathwayData } from './pathway.ts';

/*
 * Reads one year of consenting cases (one indexed query on reportingConsent and firstReportedOn)
 * and their referrals (one range query on the case code, which carries the year), once per
 * request however many aggregates the query asks for.
 */
async function loadYear(ctx: CaseContext, year: number): Promise<PathwayData> {
  const prefix = await caseCodePrefix(ctx, year);
  const [cases, referrals] = await Promise.all([
    ctx.repos.cases.find({
      reportingConsent: true,
      firstReportedOn: { $gte: new Date(Date.UTC(year, 0, 1)), $lt: new Date(Date.UTC(year + 1, 0, 1)) },
    }),
    ctx.repos.referrals.find({ caseId: codesWithPrefix(prefix) }),
  ]);
  const counted = new Set(cases.map((c) => c._id));
  return {
    year,
    cases,
    referrals: referrals.filter((r) => counted.has(r.caseId)),
    today: ctx.clock.now(),
    threshold: suppressionThreshold,
  };
}

async function pathwayAggregates(_: unknown, { year }: QueryPathwayAggregatesArgs, ctx: CaseContext): Promise<PathwayData> {
  requireScopes(ctx.identity, scopes.aggregatesRead);
  const thisYear = ctx.clock.now().getUTCFullYear();
  if (!Number.isInteger(year) || year < 1990 || year > thisYear) {
    throw new InvalidInputError('pathway aggregates query', [
      { field: 'year', problem: `must be a year from 1990 to ${thisYear} (got ${year})` },
    ]);
  }
  return loadYear(ctx, year);
}

export const aggregateResolvers: Resolvers<CaseContext> = {
  Query: { pathwayAggregates },
  PathwayAggregates: {
    suppressionThreshold: (d) => d.threshold,
    casesByIncidentType: pathway.casesByIncidentType,
    casesByDistrict: pathway.casesByDistrict,
    casesByMonth: pathway.casesByMonth,
    casesBySector: pathway.casesBySector,
    timeToService: (d, args) => pathway.timeToService(d, args.incidentType ?? null),
    justiceFunnel: pathway.justiceFunnel,
    referralOutcomes: pathway.referralOutcomes,
    overdueFollowUps: pathway.overdueFollowUps,
  },
};
