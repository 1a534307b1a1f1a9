import { GraphQLError } from 'graphql';
import { fieldPrefix } from '../../platform/catalog.ts';
import { crisisCentreFacets } from '../../platform/centreServices.ts';
import { requireScopes } from '../../platform/auth/identity.ts';
import { scopes } from '../../platform/auth/roles.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { MonitoringContext } from './monitoring/context.ts';
import { sectorCompliance } from './monitoring/complianceResolvers.ts';

/*
 * The facts a sector adds to the framework so that the lead ministry's lists can filter on them
 * (docs/adr/0018-cross-sector-filters.md): its compliance status, and the services it offers at
 * each crisis centre. The gateway cannot filter a list by another subgraph's field, and a subgraph
 * never calls the gateway, so the lead ministry's subgraph @requires these from every sector.
 */

/** The framework as the gateway sends it here: its id and the fields this subgraph @requires, under the sector's names. */
export type FrameworkFacts = { id: string } & Record<string, unknown>;

/** A service the sector offers at a crisis centre: the centre, and the facet field of `CrisisCentre` that serves it. */
export interface CentreServiceOffer {
  crisisCentreId: string;
  facet: string;
}

/**
 * When the sector offers each of its facets' services at a centre, from its facet record there:
 * one rule per field the sector adds to `CrisisCentre` (social welfare's one record serves two,
 * `shelter` and `counselling`). A recorded facet with no one or nothing to provide the service
 * (no doctor on duty, no beds) does not offer it. The sector's facet field says the rule in words.
 */
export type CentreOffers<F> = Readonly<Record<string, (facet: F) => boolean>>;

/** The rules, checked to be exactly one for each facet field the sector's SDL adds to `CrisisCentre`. */
export function checkedOffers<F>(sectorId: string, offers: CentreOffers<F>): CentreOffers<F> {
  const fields = crisisCentreFacets(sectorId).map((facet) => facet.field);
  const missing = fields.filter((field) => !(field in offers));
  const extra = Object.keys(offers).filter((field) => !fields.includes(field));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `The ${sectorId} sector's \`offers\` must give one rule for each field its SDL adds to CrisisCentre (${fields.join(', ')})` +
        (missing.length > 0 ? `; missing: ${missing.join(', ')}` : '') +
        (extra.length > 0 ? `; not a field of its facet: ${extra.join(', ')}` : ''),
    );
  }
  return offers;
}

/**
 * A fact's error names its sector: the gateway reports it under the fact's field, which no client
 * can see (`educationComplianceStatus`), beside the lead ministry's error for the list it refuses.
 */
async function namingSector<T>(sectorId: string, what: string, fact: () => Promise<T>): Promise<T> {
  try {
    return await fact();
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    const code = error instanceof GraphQLError ? error.extensions.code : undefined;
    throw new GraphQLError(`The ${sectorId} sector could not give ${what}: ${cause.message}`, {
      originalError: cause,
      extensions: { ...(code ? { code } : {}), sector: sectorId, subgraph: sectorId },
    });
  }
}

/** The facts' resolvers, under the contract's placeholder names (`templateComplianceStatus`...). */
export function frameworkFactResolvers<F extends StoredDocument>(sectorId: string, offers: CentreOffers<F>): Resolvers<MonitoringContext> {
  const ledActionIds = `${fieldPrefix(sectorId)}LedActionIds`;
  const rules = Object.entries(checkedOffers(sectorId, offers));
  return {
    Framework: {
      templateComplianceStatus: (framework, _, ctx) =>
        namingSector(sectorId, 'its compliance status today', async () => {
          return (await sectorCompliance(ctx, framework[ledActionIds] as string[] | undefined)).status;
        }),
      templateCentreServices: (_, __, ctx) =>
        namingSector(sectorId, 'the services it offers at each crisis centre', async () => {
          requireScopes(ctx.identity, scopes.frameworkRead);
          const facets = (await ctx.loaders.facets.load()) as F[];
          return facets.flatMap((record) =>
            rules.filter(([, offered]) => offered(record)).map(([facet]) => ({ crisisCentreId: record._id, facet })),
          );
        }),
    },
  };
}
