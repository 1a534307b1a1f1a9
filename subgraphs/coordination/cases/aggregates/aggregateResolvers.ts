import { requireScopes } from '../../../../platform/auth/identity.ts';
import { scopes } from '../../../../platform/auth/roles.ts';
import { InvalidInputError } from '../../../kit/errors.ts';
import type { QueryPathwayAggregatesArgs, Resolvers } from '../../generated/resolverTypes.ts';
import type { CoordinationLoaders } from '../../loaders.ts';
import type { CaseContext } from '../context.ts';
import type { IncidentType } from '../models.ts';
import { keptPathway, type PublishedPathway } from './keptPathway.ts';
import type { PublishedTables } from './pathwayCells.ts';
import { pathwayPeriod } from './window.ts';

type Ctx = CaseContext & { loaders: Pick<CoordinationLoaders, 'areas'> };

async function pathwayAggregates(_: unknown, { year, window }: QueryPathwayAggregatesArgs, ctx: Ctx): Promise<PublishedPathway> {
  requireScopes(ctx.identity, scopes.aggregatesRead);
  const today = ctx.clock.now();
  if ((year == null) === (window == null)) {
    throw new InvalidInputError('pathway aggregates query', [{ field: 'year', problem: 'or window must be given, and not both' }]);
  }
  const period = window ? pathwayPeriod(window, today) : pathwayPeriod({ year }, today, '');
  return keptPathway(ctx, period, () => ctx.loaders.areas.all.load());
}

/** The tables' fields, published when asked for. */
const tableFields = {
  casesByIncidentType: (p: PublishedTables) => p.casesByIncidentType(),
  casesByMonth: (p: PublishedTables) => p.casesByMonth(),
  casesBySector: (p: PublishedTables) => p.casesBySector(),
  timeToService: (p: PublishedTables, args: { incidentType?: IncidentType | null }) => p.timeToService(args.incidentType ?? null),
  justiceFunnel: (p: PublishedTables) => p.justiceFunnel(),
  legalProtection: (p: PublishedTables) => p.legalProtection(),
  referralOutcomes: (p: PublishedTables) => p.referralOutcomes(),
  overdueFollowUps: (p: PublishedTables) => p.overdueFollowUps(),
};

export const aggregateResolvers: Resolvers<Ctx> = {
  Query: { pathwayAggregates },
  PathwayAggregates: {
    ...tableFields,
    casesByDistrict: (p) => p.casesByDistrict(),
    byArea: (p, { level, within }) => p.byArea(level, within ?? null),
  },
  AreaPathwayAggregates: tableFields,
};
