import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import { requireOwnSector, requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import type { AuditRepositories } from '../../kit/audit/auditLog.ts';
import { recordAudit, recordAuditBatched, selectedFields } from '../../kit/audit/recordAudit.ts';
import { refuseWhole, type DocumentSpec } from '../../kit/documents.ts';
import { illustrativeFields } from '../../kit/provenance.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '../../kit/errors.ts';
import { optionalText, requiredText } from '../../kit/blankText.ts';
import { notBefore, notInFuture, startOfYear, type DayBound } from '../../kit/plausibleDates.ts';
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
 * A case code carries the year the case was first reported (CASE-BD-2026-000123), so nothing
 * done for the case can precede 1 January of that year, while the sector never sees the day.
 */
function caseYear(caseId: string): DayBound {
  return startOfYear(Number(caseId.split('-')[2]), `1 January of the year in the case code, the year case ${caseId} was first reported`);
}

/** The values of a given type among an input's fields, by name. */
function valuesOf<T>(fields: Record<string, unknown>, is: (value: unknown) => value is T): Record<string, T> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, T] => is(entry[1])));
}

/** Every day a sector records of a case has happened, and not before the year the case was first reported. */
function caseDayProblems(caseId: string, fields: Record<string, unknown>, now: Date): FieldProblem[] {
  const days = valuesOf(fields, (v): v is Date => v instanceof Date);
  return [...notInFuture(now, days), ...notBefore(caseYear(caseId), days)];
}

/**
 * Whether the caller may see the case now, as the case registry decides: nothing the request
 * carries (an entity representation included) enters the decision. A refusal is audited, and
 * worded and recorded like a case code that does not exist, which the registry refuses alike.
 */
async function mayReach(ctx: CaseResponseContext, caseId: string, action: string): Promise<boolean> {
  if (await ctx.caseRegistry.visible(caseId)) return true;
  await recordAudit(ctx, {
    action: `${action}.refused`,
    caseIds: [caseId],
    fields: [],
    detail: 'the case registry says this sector may not see this case, or that it does not exist',
  });
  return false;
}

const noSuchCase = (caseId: string) => new NotFoundError(`No case with code "${caseId}" that your sector may see`);

/**
 * The resolvers every sector shares for its response to cases, under the contract's placeholder
 * names (`TemplateCaseResponse`, `recordTemplateCaseResponse`, `templateSurvivorContact`...; each
 * sector's generated/contractResolvers.ts binds them to its own).
 *
 * Who may read or write anything about a case is decided by the case registry, not here: every
 * path asks it (mayReach) for the caller's sector. Identifying details are, besides, served only
 * to the sector's own officers.
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
    requireScopes(ctx.identity, scopes.casesRead);
    if (!(await mayReach(ctx, caseId, 'response.read'))) return null;
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
    const now = ctx.clock.now();
    await refuseWhole(ctx.repos.caseResponses.spec, { _id: caseId, ...fields, updatedAt: now }, [
      ...caseDayProblems(caseId, fields, now),
      ...optionalText(valuesOf(fields, (v): v is string => typeof v === 'string')),
    ]);
    if (!(await mayReach(ctx, caseId, 'response.record'))) throw noSuchCase(caseId);
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
        if (!(await mayReach(ctx, args.caseId, 'contact.read'))) return null;
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
        await refuseWhole(ctx.repos.survivorContacts.spec, { _id: caseId, ...fields }, [
          ...caseDayProblems(caseId, fields, ctx.clock.now()),
          ...requiredText({ name: fields.name }),
          ...optionalText({ phone: fields.phone, address: fields.address }),
        ]);
        if (!(await mayReach(ctx, caseId, 'contact.record'))) throw noSuchCase(caseId);
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
      // Only whether the response is synthetic: a person's record names no source.
      illustrative: (e) => (e.record ? Boolean(e.record.addedForDemo) : null),
      illustrativeNote: (e) => e.record?.addedForDemo ?? null,
    },
    TemplateSurvivorContact: { caseId: (c) => c._id, ...illustrativeFields },
  };
}
