import { requireScopes } from '../../../../platform/auth/identity.ts';
import { scopes } from '../../../../platform/auth/roles.ts';
import { InvalidInputError } from '../../../kit/errors.ts';
import type { QueryPathwayAggregatesArgs, Resolvers } from '../../generated/resolverTypes.ts';
import type { CaseContext } from '../context.ts';
import { keptPathway, type PublishedPathway } from './keptPathway.ts';

async function pathwayAggregates(_: unknown, { year }: QueryPathwayAggregatesArgs, ctx: CaseContext): Promise<PublishedPathway> {
  requireScopes(ctx.identity, scopes.aggregatesRead);
  const thisYear = ctx.clock.now().getUTCFullYear();
  if (!Number.isInteger(year) || year < 1990 || year > thisYear) {
    throw new InvalidInputError('pathway aggregates query', [
      { field: 'year', problem: `must be a year from 1990 to ${thisYear} (got ${year})` },
    ]);
  }
  return keptPathway(ctx, year);
}

export const aggregateResolvers: Resolvers<CaseContext> = {
  Query: { pathwayAggregates },
  PathwayAggregates: {
    timeToService: (p, args) => p.timeToService(args.incidentType ?? null),
  },
};
