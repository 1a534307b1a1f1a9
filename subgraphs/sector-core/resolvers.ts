import { startOfDayUtc } from '../kit/clock.ts';
import { ForbiddenError, requireOwnSector, requireScopes } from '../../platform/auth/identity.ts';
import { scopes } from '../../platform/auth/roles.ts';
import { InvalidInputError } from '../kit/errors.ts';
import { listed, requiredText, type TextFields } from '../kit/blankText.ts';
import { refuseWhole } from '../kit/documents.ts';
import type { Draft, Repository } from '../kit/repository.ts';
import type { SubgraphContext } from '../kit/subgraph.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import { checkActionListArgs, listActions } from './actionList.ts';
import { daysOverdue, deliveryState, ledActions, summariseDelivery } from './delivery.ts';
import type { MonitoringContext } from './monitoring/context.ts';
import { dueDateProblems, moveWithHistory } from './monitoring/progress.ts';
import type { SectorLoaders, SectorRepositories } from './loaders.ts';
import type { CentreFacet, CentreRef, ServicePointDoc } from './models.ts';
import { sourcedFields } from '../kit/provenance.ts';
import { districtAreaId } from '../demo-data/areaIds.ts';
import type { Resolvers, ServicePointInput } from './generated/resolverTypes.ts';

/** The context every sector resolver receives; `F` is the sector's crisis-centre facet record. */
export type SectorContext<F extends StoredDocument = StoredDocument> = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: SectorRepositories<F>;
  loaders: SectorLoaders<F>;
};

export type { CentreFacet, CentreRef };

/** A service point as the sector records it: its own word, so it carries no demo mark; its area follows its district. */
function servicePointDraft(input: ServicePointInput, country: SectorContext['country']): Draft<ServicePointDoc> {
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
    organisationId: input.organisationId ?? null,
    areaId: districtAreaId(country, input.district),
  };
}

/**
 * The resolvers every sector shares, under the contract's placeholder names (`TemplateSector`,
 * `recordTemplateServicePoint`...; each sector's generated/contractResolvers.ts binds them to its own).
 */
export function sectorCoreResolvers(sectorId: string): Resolvers<MonitoringContext> {
  return {
    Query: {
      templateSector: () => ({ id: sectorId }),
    },
    Mutation: {
      recordTemplateServicePoint: (_, { input }, ctx) => {
        requireOwnSector(ctx.identity, sectorId, scopes.sectorWrite);
        return ctx.repos.servicePoints.put(servicePointDraft(input, ctx.country));
      },

      reportTemplateActionStatus: async (_, { input }, ctx) => {
        requireOwnSector(ctx.identity, sectorId, scopes.sectorWrite);
        const current = await ctx.repos.actionRecords.findById(input.actionId);
        if (!current) {
          throw new ForbiddenError(
            `Action "${input.actionId}" is not in the ${sectorId} sector's register of the actions it leads; ` +
              'only the lead sector reports on an action',
          );
        }
        const problems = dueDateProblems(ctx.clock.now(), input.dueDate);
        if (problems.length > 0) throw new InvalidInputError('action status', problems);
        // Through the progress history, so a status set here is kept like any progress report.
        const record = await moveWithHistory(ctx, current, input);
        return { id: record._id, record };
      },

      recordTemplateFacet: recordFacet(sectorId),
    },
    TemplateSector: {
      // The representation carries the fields this subgraph @requires (ledActionIds): keep them.
      __resolveReference: (ref) => (ref.id === sectorId ? ref : null),
      responsibilities: (_, __, ctx) => ctx.loaders.responsibilities.load(),
      servicePoints: async (_, args, ctx) =>
        (await ctx.loaders.servicePoints.load()).filter(
          (point) => (!args.district || point.district === args.district) && (!args.kind || point.kind === args.kind),
        ),
      // `ledActionIds` comes from the lead ministry's registry through @requires.
      delivery: async (sector, __, ctx) =>
        summariseDelivery(await ctx.loaders.actionRecords.load(), startOfDayUtc(ctx.clock.now()), sector.ledActionIds),
      actions: async (sector, args, ctx) => {
        requireScopes(ctx.identity, scopes.frameworkRead);
        checkActionListArgs(args);
        const led = ledActions(await ctx.loaders.actionRecords.load(), sector.ledActionIds);
        return listActions(led, args, startOfDayUtc(ctx.clock.now()));
      },
    },
    TemplateAction: {
      __resolveReference: async (ref, ctx) => ({ id: ref.id, record: await ctx.loaders.actionRecordById.load(ref.id) }),
      dueDate: (action) => action.record?.dueDate ?? null,
      status: (action) => action.record?.status ?? null,
      delivery: (action, _, ctx) => deliveryState(action.record, startOfDayUtc(ctx.clock.now())),
      daysOverdue: (action, _, ctx) => daysOverdue(action.record, startOfDayUtc(ctx.clock.now())),
      lastUpdatedAt: (action) => action.record?.updatedAt ?? null,
    },
    Responsibility: {
      id: (doc) => doc._id,
      organisations: (doc) => (doc.organisationIds ?? []).map((id) => ({ id })),
      ...sourcedFields,
    },
    ServicePoint: {
      id: (doc) => doc._id,
      organisation: (doc) => (doc.organisationId ? { id: doc.organisationId } : null),
      area: (doc) => (doc.areaId ? { id: doc.areaId } : null),
      ...sourcedFields,
      // The sector's facet fields of the centre read its facet record (facetOf), here as at the centre.
      crisisCentre: (doc) => (doc.crisisCentreId ? { id: doc.crisisCentreId } : null),
    },
    CrisisCentre: {
      __resolveReference: (ref) => ({ id: ref.id }),
    },
  };
}

/** The free text among an input's fields, lists of text included, by name. */
function textsOf(fields: Record<string, unknown>): TextFields {
  const texts: TextFields = {};
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string') texts[field] = value;
    else if (Array.isArray(value))
      Object.assign(
        texts,
        listed(
          field,
          value.filter((v): v is string => typeof v === 'string'),
        ),
      );
  }
  return texts;
}

/**
 * The mutation that records a sector's facet of a crisis centre from an input carrying
 * `crisisCentreId` and the facet's fields. The facet is validated against the sector's facet
 * document; recording it again replaces it.
 */
function recordFacet<I extends { crisisCentreId: string }, F extends StoredDocument>(sectorId: string) {
  return async (_: unknown, { input }: { input: I }, ctx: SectorContext<F>): Promise<CentreFacet<F>> => {
    requireOwnSector(ctx.identity, sectorId, scopes.sectorWrite);
    const { crisisCentreId, ...fields } = input;
    await refuseWhole(ctx.repos.facet.spec, { _id: crisisCentreId, ...fields }, requiredText(textsOf(fields)));
    // The input's fields are the facet's (refuseWhole checked them against its document), so what is stored is an F.
    const repository: Repository<StoredDocument> = ctx.repos.facet;
    const facet = (await repository.put({ _id: crisisCentreId, ...fields })) as F;
    // The facet's fields of the centre returned read what was just stored, not what was read before.
    ctx.loaders.facetByCentreId.clear(crisisCentreId).prime(crisisCentreId, facet);
    return { id: crisisCentreId, facet };
  };
}

/** The sector's facet record of a crisis centre, for the facet's fields: one store query per request for all centres. */
export function facetOf<F extends StoredDocument>() {
  return (centre: CentreRef, _: unknown, ctx: SectorContext<F>): Promise<F | null> => ctx.loaders.facetByCentreId.load(centre.id);
}
