import { startOfDayUtc } from '../kit/clock.ts';
import { ForbiddenError, requireOwnSector } from '../kit/auth/identity.ts';
import { scopes } from '../kit/auth/roles.ts';
import { InvalidInputError } from '../kit/errors.ts';
import type { Draft } from '../kit/repository.ts';
import type { SubgraphContext } from '../kit/subgraph.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import { deliveryState, summariseDelivery } from './delivery.ts';
import type { MonitoringContext } from './monitoring/context.ts';
import { moveWithHistory } from './monitoring/progress.ts';
import type { SectorLoaders, SectorRepositories } from './loaders.ts';
import type { ActionRecordDoc, ActionStatus, CentreFacet, ServicePointDoc, ServicePointKind } from './models.ts';

/** The context every sector resolver receives. */
export type SectorContext = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: SectorRepositories;
  loaders: SectorLoaders;
};

export type { CentreFacet };

interface ActionEntity {
  id: string;
  record: ActionRecordDoc | null;
}

interface ServicePointInput {
  id: string;
  name: string;
  kind: ServicePointKind;
  place: string;
  district: string;
  capacityAmount?: number | null;
  capacityUnit?: string | null;
  openingHours: string;
  open24Hours: boolean;
  crisisCentreId?: string | null;
}

interface ActionStatusInput {
  actionId: string;
  status: ActionStatus;
  dueDate?: Date | null;
}

function servicePointDraft(input: ServicePointInput): Draft<ServicePointDoc> {
  const hasAmount = input.capacityAmount !== undefined && input.capacityAmount !== null;
  const hasUnit = Boolean(input.capacityUnit);
  if (hasAmount !== hasUnit) {
    throw new InvalidInputError('service point', [{ field: 'capacityUnit', problem: 'must be given together with capacityAmount' }]);
  }
  return {
    _id: input.id,
    name: input.name,
    kind: input.kind,
    place: input.place,
    district: input.district,
    capacity: hasAmount ? { amount: input.capacityAmount!, unit: input.capacityUnit! } : null,
    openingHours: input.openingHours,
    open24Hours: input.open24Hours,
    crisisCentreId: input.crisisCentreId ?? null,
  };
}

/**
 * The resolvers every sector shares, for its own type names (`HealthSector`, `HealthAction`,
 * `recordHealthServicePoint`...). `typePrefix` is the sector's PascalCase name.
 */
export function sectorCoreResolvers(sectorId: string, typePrefix: string) {
  const sectorType = `${typePrefix}Sector`;
  const actionType = `${typePrefix}Action`;
  const rootField = `${typePrefix.charAt(0).toLowerCase()}${typePrefix.slice(1)}Sector`;
  const sector = { id: sectorId };

  return {
    Query: {
      [rootField]: () => sector,
    },
    Mutation: {
      [`record${typePrefix}ServicePoint`]: (_: unknown, { input }: { input: ServicePointInput }, ctx: SectorContext) => {
        requireOwnSector(ctx.identity, sectorId, scopes.sectorWrite);
        return ctx.repos.servicePoints.put(servicePointDraft(input));
      },

      [`report${typePrefix}ActionStatus`]: async (
        _: unknown,
        { input }: { input: ActionStatusInput },
        ctx: SectorContext,
      ): Promise<ActionEntity> => {
        requireOwnSector(ctx.identity, sectorId, scopes.sectorWrite);
        const current = await ctx.repos.actionRecords.findById(input.actionId);
        if (!current) {
          throw new ForbiddenError(
            `Action "${input.actionId}" is not in the ${sectorId} sector's register of the actions it leads; ` +
              'only the lead sector reports on an action',
          );
        }
        // Through the progress history, so a status set here is kept like any progress report.
        const record = await moveWithHistory(ctx as unknown as MonitoringContext, current, input);
        return { id: record._id, record };
      },
    },
    [sectorType]: {
      // The representation carries the fields this subgraph @requires (ledActionIds): keep them.
      __resolveReference: (ref: { id: string; ledActionIds?: string[] }) => (ref.id === sectorId ? ref : null),
      responsibilities: (_: unknown, __: unknown, ctx: SectorContext) => ctx.loaders.responsibilities.load(),
      servicePoints: async (_: unknown, args: { district?: string | null; kind?: ServicePointKind | null }, ctx: SectorContext) =>
        (await ctx.loaders.servicePoints.load()).filter(
          (point) => (!args.district || point.district === args.district) && (!args.kind || point.kind === args.kind),
        ),
      // `ledActionIds` comes from the lead ministry's registry through @requires.
      delivery: async (sector: { ledActionIds?: string[] }, __: unknown, ctx: SectorContext) =>
        summariseDelivery(await ctx.loaders.actionRecords.load(), startOfDayUtc(ctx.clock.now()), sector.ledActionIds),
    },
    [actionType]: {
      __resolveReference: async (ref: { id: string }, ctx: SectorContext): Promise<ActionEntity> => ({
        id: ref.id,
        record: await ctx.loaders.actionRecordById.load(ref.id),
      }),
      dueDate: (action: ActionEntity) => action.record?.dueDate ?? null,
      status: (action: ActionEntity) => action.record?.status ?? null,
      delivery: (action: ActionEntity, _: unknown, ctx: SectorContext) => deliveryState(action.record, startOfDayUtc(ctx.clock.now())),
      lastUpdatedAt: (action: ActionEntity) => action.record?.updatedAt ?? null,
    },
    Responsibility: { id: (doc: StoredDocument) => doc._id },
    ServicePoint: {
      id: (doc: ServicePointDoc) => doc._id,
      crisisCentre: (doc: ServicePointDoc) => (doc.crisisCentreId ? { id: doc.crisisCentreId } : null),
    },
    CrisisCentre: {
      __resolveReference: async (ref: { id: string }, ctx: SectorContext): Promise<CentreFacet> => ({
        id: ref.id,
        facet: await ctx.loaders.facetByCentreId.load(ref.id),
      }),
    },
  };
}

/**
 * The mutation that records a sector's facet of a crisis centre from an input carrying
 * `crisisCentreId` and the facet's fields. The facet is validated against the sector's facet
 * document; recording it again replaces it.
 */
export function recordFacet<I extends { crisisCentreId: string }, F extends StoredDocument>(sectorId: string) {
  return async (_: unknown, { input }: { input: I }, ctx: SectorContext): Promise<CentreFacet<F>> => {
    requireOwnSector(ctx.identity, sectorId, scopes.sectorWrite);
    const { crisisCentreId, ...fields } = input;
    // The sector's facet repository was opened with its facet document, so what it stores is an F.
    const facet = (await ctx.repos.facet.put({ _id: crisisCentreId, ...fields })) as F;
    return { id: crisisCentreId, facet };
  };
}
