import { sectorIds, typePrefix } from '../../../platform/catalog.ts';
import { requireScopes } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { referenced } from '../../kit/loaders.ts';
import type { CaseResponseResolvers, HealthCaseResponseResolvers, Resolvers } from '../generated/resolverTypes.ts';
import { engagedSectors, visibleCase } from './access.ts';
import type { CaseContext } from './context.ts';
import type { CaseDoc } from './models.ts';

/*
 * The sectors' responses to a case (pattern 1). This subgraph names the sectors that respond
 * (those engaged in the case); each sector's subgraph adds what it did, after asking this one
 * whether the caller may see the case (access.ts), never from anything the request carries.
 */

/** A sector's response as this subgraph knows it: which case and which sector. */
export interface ResponseRef {
  id: string;
  caseId: string;
  sectorId: string;
}

function responsesOf(c: CaseDoc, engaged: Set<string>): ResponseRef[] {
  return sectorIds.filter((s) => engaged.has(s)).map((sectorId) => ({ id: `${c._id}/${sectorId}`, caseId: c._id, sectorId }));
}

async function resolveResponse(ref: { id: string }, ctx: CaseContext): Promise<ResponseRef | null> {
  requireScopes(ctx.identity, scopes.casesRead);
  const cut = ref.id.lastIndexOf('/');
  const found = await visibleCase(ctx, ref.id.slice(0, cut), 'response.resolve');
  if (!found) return null;
  const engaged = engagedSectors(found, await ctx.loaders.referralsByCase.load(found._id));
  return responsesOf(found, engaged).find((r) => r.id === ref.id) ?? null;
}

type ResponseTypeName = NonNullable<Awaited<ReturnType<CaseResponseResolvers['__resolveType']>>>;

/** The same fields for every sector's response type; typed by one of them, as the others are alike. */
const responseFields: HealthCaseResponseResolvers<CaseContext> = {
  __resolveReference: resolveResponse,
  sector: (r, _, ctx) => referenced(ctx.loaders.sectorById.load(r.sectorId), `sector "${r.sectorId}" (response "${r.id}")`),
};

export const caseResponseResolvers: Resolvers<CaseContext> = {
  SurvivorCase: {
    responses: async (c, _, ctx) => responsesOf(c, engagedSectors(c, await ctx.loaders.referralsByCase.load(c._id))),
  },
  // Type names follow from catalog ids; the generated union lists the same names.
  CaseResponse: { __resolveType: (r) => `${typePrefix(r.sectorId)}CaseResponse` as ResponseTypeName, __resolveReference: resolveResponse },
};

/** One response type per sector, named from the catalog, so they cannot be listed in the typed map. */
export const perSectorResponseResolvers = Object.fromEntries(sectorIds.map((id) => [`${typePrefix(id)}CaseResponse`, responseFields]));
