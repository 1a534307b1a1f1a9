import { fieldPrefix } from '../../../platform/catalog.ts';
import { centreService } from '../../../platform/centreServices.ts';
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

const isCurrent = async (framework: FrameworkDoc, ctx: Ctx) => currentOf(await ctx.loaders.frameworks.load())?._id === framework._id;

async function sectors(framework: FrameworkWithFacts, { complianceStatus }: { complianceStatus?: ComplianceStatus[] | null }, ctx: Ctx) {
  if (!(await isCurrent(framework, ctx))) return [];
  const all: SectorDoc[] = await ctx.loaders.sectors.load();
  if (!complianceStatus) return all;
  // A sector whose status is null (its subgraph answered with an error) matches no status.
  return all.filter((sector) => complianceStatus.includes(framework[`${fieldPrefix(sector._id)}ComplianceStatus`] as ComplianceStatus));
}

async function crisisCentres(
  framework: FrameworkWithFacts,
  { offering, district }: { offering?: CentreService[] | null; district?: string | null },
  ctx: Ctx,
  sectorIds: readonly string[],
): Promise<CrisisCentreDoc[]> {
  if (!(await isCurrent(framework, ctx))) return [];
  const centres = (await ctx.loaders.areas.crisisCentres.load()).filter((centre) => !district || centre.district === district);
  if (!offering || offering.length === 0) return centres;
  const offered = new Map<string, Set<string>>();
  for (const id of sectorIds) {
    for (const { crisisCentreId, facet } of (framework[`${fieldPrefix(id)}CentreServices`] as CentreServiceOffer[] | null) ?? []) {
      offered.set(crisisCentreId, (offered.get(crisisCentreId) ?? new Set()).add(centreService(facet)));
    }
  }
  return centres.filter((centre) => offering.every((service) => offered.get(centre._id)?.has(service)));
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
      crisisCentres: (framework: FrameworkWithFacts, args: { offering?: CentreService[] | null; district?: string | null }, ctx: Ctx) =>
        crisisCentres(framework, args, ctx, sectorIds),
      ...ledActionIds,
    },
  };
}
