import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import { ForbiddenError, requireOwnSector, requireScopes } from '../../kit/auth/identity.ts';
import { scopes } from '../../kit/auth/roles.ts';
import type { AuditRepositories } from '../../kit/audit/auditLog.ts';
import { recordAudit, recordAuditBatched, selectedFields } from '../../kit/audit/recordAudit.ts';
import type { DocumentSpec } from '../../kit/documents.ts';
import { ConflictError, InvalidInputError } from '../../kit/errors.ts';
import type { Repository } from '../../kit/repository.ts';
import type { SubgraphContext } from '../../kit/subgraph.ts';
import type { Resolvers, TemplateCaseResponseInput } from '../generated/resolverTypes.ts';
import { caseCodePattern, type CaseResponseBase, type SurvivorContactDoc } from './models.ts';

/** What a sector tells the shared machinery about its response to a case. */
export interface CaseResponseOptions<D extends CaseResponseBase = CaseResponseBase> {
  /** The sector's response document (see defineCaseResponseDocument). */
  document: DocumentSpec<D>;
  /** The day the sector first served the survivor, from its record. */
  startedOn(doc: D): Date | null;
  /** What the sector has done, in one line, for the other sectors on the case. */
  summary(doc: D): string;
}

export type CaseResponseContext = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: AuditRepositories & { caseResponses: Repository<CaseResponseBase>; survivorContacts: Repository<SurvivorContactDoc> };
  loaders: { caseResponseById: DataLoader<string, CaseResponseBase | null> };
};

/** A response as resolved: the record's own fields (read by name), its id and the record itself. */
export type ResponseEntity = Record<string, unknown> & { id: string; caseId: string; record: CaseResponseBase | null };

interface ResponseReference {
  id: string;
  /** Supplied by coordination through `@requires`: the sectors engaged in the case. */
  engagedSectorIds?: string[];
}

function entity(id: string, caseId: string, record: CaseResponseBase | null): ResponseEntity {
  return { ...(record ?? {}), id, caseId, record };
}

function checkCaseCode(caseId: string) {
  if (!caseCodePattern.test(caseId)) {
    throw new InvalidInputError('case code', [
      { field: 'caseId', problem: `must be a case code such as CASE-BD-2026-000123 (got "${caseId}")` },
    ]);
  }
}

/**
 * The resolvers every sector shares for its response to cases, under the template's names
 * (`TemplateCaseResponse`, `recordTemplateCaseResponse`, `templateSurvivorContact`...; see
 * ../template.ts for how each sector gets them under its own).
 *
 * Who may read a response is decided by the case registry, not here: coordination supplies the
 * sectors engaged in the case through `@requires(fields: "engagedSectorIds")`, and the response
 * is served only to a caller acting for one of them. Identifying details are served only to the
 * sector's own officers.
 */
export function caseResponseResolvers(sectorId: string, options: CaseResponseOptions<any>): Resolvers<CaseResponseContext> {
  const suffix = `/${sectorId}`;

  async function resolveReference(
    ref: ResponseReference,
    ctx: CaseResponseContext,
    info: GraphQLResolveInfo,
  ): Promise<ResponseEntity | null> {
    if (!ref.id.endsWith(suffix)) return null;
    const caseId = ref.id.slice(0, -suffix.length);
    if (!ref.engagedSectorIds) return entity(ref.id, caseId, null);
    requireScopes(ctx.identity, scopes.casesRead);
    if (!ctx.identity.sector || !ref.engagedSectorIds.includes(ctx.identity.sector)) {
      throw new ForbiddenError(`Only the sectors engaged in case ${caseId} may read the ${sectorId} sector's response to it`, { caseId });
    }
    const [record] = await Promise.all([
      ctx.loaders.caseResponseById.load(caseId),
      recordAuditBatched(ctx, { action: 'response.read', caseIds: [caseId], fields: selectedFields(info) }),
    ]);
    return entity(ref.id, caseId, record);
  }

  /** The sector's own response fields come in the input beside the case code; its document validates them. */
  async function recordResponse(
    _: unknown,
    { input }: { input: TemplateCaseResponseInput & Record<string, unknown> },
    ctx: CaseResponseContext,
  ): Promise<ResponseEntity> {
    requireOwnSector(ctx.identity, sectorId, scopes.casesWrite);
    const { caseId, expectedVersion, ...fields } = input;
    checkCaseCode(caseId);
    const current = await ctx.repos.caseResponses.findById(caseId);
    const draft = { _id: caseId, ...fields, updatedAt: ctx.clock.now() };
    let record: CaseResponseBase;
    if (current) {
      if (expectedVersion == null) {
        throw new ConflictError(
          `The ${sectorId} sector already recorded a response to ${caseId} (version ${current.version}); give expectedVersion to change it`,
        );
      }
      record = await ctx.repos.caseResponses.replace(draft, expectedVersion);
    } else {
      if (expectedVersion != null)
        throw new ConflictError(`The ${sectorId} sector has no response to ${caseId} yet; leave expectedVersion out to record one`);
      record = await ctx.repos.caseResponses.insert(draft);
    }
    await recordAudit(ctx, { action: 'response.record', caseIds: [caseId], fields: Object.keys(fields) });
    return entity(`${caseId}${suffix}`, caseId, record);
  }

  return {
    Query: {
      templateSurvivorContact: async (_, args, ctx, info) => {
        requireOwnSector(ctx.identity, sectorId, scopes.casesRead);
        const contact = await ctx.repos.survivorContacts.findById(args.caseId);
        if (!contact) return null;
        await recordAudit(ctx, { action: 'contact.read', caseIds: [args.caseId], fields: selectedFields(info), purpose: args.purpose });
        return contact;
      },
    },
    Mutation: {
      recordTemplateCaseResponse: recordResponse,
      recordTemplateSurvivorContact: async (_, { input }, ctx) => {
        requireOwnSector(ctx.identity, sectorId, scopes.casesWrite);
        const { caseId, ...fields } = input;
        checkCaseCode(caseId);
        const contact = await ctx.repos.survivorContacts.put({ _id: caseId, ...fields });
        await recordAudit(ctx, { action: 'contact.record', caseIds: [caseId], fields: Object.keys(fields) });
        return contact;
      },
    },
    TemplateCaseResponse: {
      __resolveReference: resolveReference,
      recorded: (e) => e.record !== null,
      startedOn: (e) => (e.record ? options.startedOn(e.record) : null),
      summary: (e) => (e.record ? options.summary(e.record) : null),
      lastUpdatedAt: (e) => e.record?.updatedAt ?? null,
    },
    TemplateSurvivorContact: { caseId: (c) => c._id },
  };
}
