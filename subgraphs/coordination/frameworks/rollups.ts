import { GraphQLError } from 'graphql';
import { fieldPrefix } from '../../../platform/catalog.ts';
import { allCrisisCentreFacets, centreService } from '../../../platform/centreServices.ts';
import type { CentreService, ComplianceStatus } from '../generated/resolverTypes.ts';
import type { MeetingContext } from '../meetings/context.ts';
import type { CrisisCentreDoc, SectorDoc } from '../models.ts';
import { currentOf } from './lifecycle.ts';
import type { FrameworkDoc } from './models.ts';

/*
 * The lead ministry's lists filtered by facts the sectors hold (docs/adr/0018-cross-sector-filters.md):
 * each sector's subgraph adds its facts to the framework (`healthComplianceStatus`,
 * `healthCentreServices`...), the gateway fetches them from every sector in parallel, and
 * `Framework.sectors` and `Framework.crisisCentres` (generated/rollups.graphql, which @requires
 * them) filter here. The facts are the sectors' answers today, so only the current framework
 * lists anything, as with its objectives and actions.
 */

type Ctx = MeetingContext;

/** The framework with the facts the gateway brought from the sectors, under each sector's field names. */
type FrameworkWithFacts = FrameworkDoc & Record<string, unknown>;

interface CentreServiceOffer {
  crisisCentreId: string;
  facet: string;
}

/**
 * Each sector's fact, by sector id. A fact that is null means its sector answered with an error
 * for it (when its whole subgraph is down the gateway does not call here at all): a list filtered
 * without it could leave out a row that belongs in it, so the list is refused and the error names
 * the sector; the sector's own error is under a field name no client can see.
 */
function factsOf<T>(framework: FrameworkWithFacts, sectorIds: readonly string[], suffix: string, what: string): Map<string, T> {
  const missing = sectorIds.filter((id) => framework[`${fieldPrefix(id)}${suffix}`] == null);
  if (missing.length > 0) {
    throw new GraphQLError(
      `The ${missing.join(', ')} sector${missing.length > 1 ? 's' : ''} could not give ${what} today, so the list is not given: ` +
        'it could leave out a row that belongs in it. The error from the sector is beside this one.',
      { extensions: { code: 'SECTOR_FACT_UNAVAILABLE', subgraph: missing[0], sectors: missing } },
    );
  }
  return new Map(sectorIds.map((id) => [id, framework[`${fieldPrefix(id)}${suffix}`] as T]));
}

const isCurrent = async (framework: FrameworkDoc, ctx: Ctx) => currentOf(await ctx.loaders.frameworks.load())?._id === framework._id;

async function sectors(framework: FrameworkWithFacts, { complianceStatus }: { complianceStatus?: ComplianceStatus[] | null }, ctx: Ctx) {
  if (!(await isCurrent(framework, ctx))) return [];
  const all: SectorDoc[] = await ctx.loaders.sectors.load();
  if (!complianceStatus) return all;
  const status = factsOf<ComplianceStatus>(
    framework,
    all.map((sector) => sector._id),
    'ComplianceStatus',
    'its compliance status',
  );
  return all.filter((sector) => complianceStatus.includes(status.get(sector._id)!));
}

interface CrisisCentresArgs {
  offering?: CentreService[] | null;
  offeringEvery?: boolean | null;
  district?: string | null;
}

async function crisisCentres(
  framework: FrameworkWithFacts,
  { offering, offeringEvery, district }: CrisisCentresArgs,
  ctx: Ctx,
  sectorIds: readonly string[],
): Promise<CrisisCentreDoc[]> {
  if (!(await isCurrent(framework, ctx))) return [];
  const centres = (await ctx.loaders.areas.crisisCentres.load()).filter((centre) => !district || centre.district === district);
  // Every service is read from the sectors' facets when asked, so a sector added later is included.
  const wanted = new Set<string>([
    ...(offering ?? []),
    ...(offeringEvery ? allCrisisCentreFacets().map((facet) => centreService(facet.field)) : []),
  ]);
  if (wanted.size === 0) return centres;
  const offered = new Map<string, Set<string>>();
  for (const offers of factsOf<CentreServiceOffer[]>(
    framework,
    sectorIds,
    'CentreServices',
    'the services it offers at each centre',
  ).values()) {
    for (const { crisisCentreId, facet } of offers) {
      offered.set(crisisCentreId, (offered.get(crisisCentreId) ?? new Set()).add(centreService(facet)));
    }
  }
  return centres.filter((centre) => [...wanted].every((service) => offered.get(centre._id)?.has(service)));
}

/** The framework as an entity the sectors add facts to, its lists filtered by them, and the led actions each sector's fact needs. */
export function frameworkRollupResolvers(sectorIds: readonly string[]) {
  const ledActionIds = Object.fromEntries(
    sectorIds.map((id) => [
      `${fieldPrefix(id)}LedActionIds`,
      async (_: FrameworkDoc, __: unknown, ctx: Ctx) => (await ctx.loaders.actionsByLead.load(id)).map((action) => action._id),
    ]),
  );
  return {
    Framework: {
      // The representation carries the facts the sectors added: keep them beside the stored record.
      __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
        const framework = (await ctx.loaders.frameworks.load()).find((f) => f._id === ref.id);
        return framework ? { ...ref, ...framework } : null;
      },
      sectors,
      crisisCentres: (framework: FrameworkWithFacts, args: CrisisCentresArgs, ctx: Ctx) => crisisCentres(framework, args, ctx, sectorIds),
      ...ledActionIds,
    },
  };
}
