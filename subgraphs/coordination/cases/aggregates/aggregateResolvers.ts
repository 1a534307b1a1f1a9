import { requireScopes } from '../../../kit/auth/identity.ts';
import { scopes } from '../../../kit/auth/roles.ts';
import { InvalidInputError } from '../../../kit/errors.ts';
import type { CaseContext } from '../context.ts';
import type { IncidentType } from '../models.ts';
import { keptPathway, type PublishedPathway } from './keptPathway.ts';

async function pathwayAggregates(_: unknown, { year }: { year: number }, ctx: CaseContext) {
  requireScopes(ctx.identity, scopes.aggregatesRead);
  const thisYear = ctx.clock.now().getUTCFullYear();
  if (!Number.isInteger(year) || year < 1990 || year > thisYear) {
    throw new InvalidInputError('pathway aggregates query', [
      { field: 'year', problem: `must be a year from 1990 to ${thisYear} (got ${year})` },
    ]);
  }
  return keptPathway(ctx, year);
}

export const aggregateResolvers = {
  Query: { pathwayAggregates },
  PathwayAggregates: {
    timeToService: (p: PublishedPathway, args: { incidentType?: IncidentType | null }) => p.timeToService(args.incidentType ?? null),
  },
};
