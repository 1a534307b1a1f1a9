import { sectorIds, typePrefix } from '../../catalog.ts';
import { scopes } from '../../kit/auth/roles.ts';
import { referenced } from '../../kit/loaders.ts';
import type { CaseResponseResolvers, HealthCaseResponseResolvers, Resolvers } from '../generated/resolverTypes.ts';
import { engagedSectors, requireCaseAccess } from './access.ts';
import type { CaseContext } from './context.ts';
import type { CaseDoc } from './models.ts';

/*
 * The sectors' responses to a case (pattern 1). This subgraph decides which sectors respond and
 * who may read their responses; it passes the engaged sectors on to each sector's subgraph
 * (`engagedSectorIds`, through @requires), which serves its response only to those.
 */

/** A sector's response as this subgraph knows it: which case, which sector, and who may read it. */
export interface ResponseRef {
  id: string;
  caseId: string;
  sectorId: string;
  engagedSectorIds: string[];
}

function responsesOf(c: CaseDoc, engaged: Set<string>): ResponseRef[] {
  const engagedSectorIds = sectorIds.filter((s) => engaged.has(s));
  return engagedSectorIds.map((sectorId) => ({ id: `${c._id}/${sectorId}`, caseId: c._id, sectorId, engagedSectorIds }));
}

async function resolveResponse(ref: { id: string }, ctx: CaseContext): Promise<ResponseRef | null> {
  const cut = ref.id.lastIndexOf('/');
  const found = await ctx.loaders.caseById.load(ref.id.slice(0, cut));
  if (!found) return null;
  await requireCaseAccess(ctx, found, scopes.casesRead);
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
