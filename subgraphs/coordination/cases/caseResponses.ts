import { sectorIds, typePrefix } from '../../catalog.ts';
import { scopes } from '../../kit/auth/roles.ts';
import { engagedSectors, requireCaseAccess } from './access.ts';
import type { CaseContext } from './context.ts';
import type { CaseDoc } from './models.ts';

/*
 * The sectors' responses to a case (pattern 1). This subgraph decides which sectors respond and
 * who may read their responses; it passes the engaged sectors on to each sector's subgraph
 * (`engagedSectorIds`, through @requires), which serves its response only to those.
 */

interface ResponseRef {
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

const responseFields = {
  __resolveReference: resolveResponse,
  sector: (r: ResponseRef, _: unknown, ctx: CaseContext) => ctx.loaders.sectorById.load(r.sectorId),
};

export const caseResponseResolvers = {
  SurvivorCase: {
    responses: async (c: CaseDoc, _: unknown, ctx: CaseContext) =>
      responsesOf(c, engagedSectors(c, await ctx.loaders.referralsByCase.load(c._id))),
  },
  CaseResponse: { __resolveType: (r: ResponseRef) => `${typePrefix(r.sectorId)}CaseResponse`, ...responseFields },
  ...Object.fromEntries(sectorIds.map((id) => [`${typePrefix(id)}CaseResponse`, responseFields])),
};
