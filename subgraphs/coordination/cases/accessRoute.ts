import { caseAccessTokenHeader } from '../../../platform/auth/internalToken.ts';
import { hasScope } from '../../../platform/auth/identity.ts';
import { scopes } from '../../../platform/auth/roles.ts';
import { caseAccessPath, type CaseAccessAnswer } from '../../kit/caseRegistry.ts';
import { cachedCaseAccessVerifier } from '../../kit/verifiedTokens.ts';
import { json, type PostRoute } from '../../../platform/http.ts';
import type { RouteServices } from '../../kit/subgraph.ts';
import { visibleAmong } from './access.ts';
import type { CaseLoaders } from './loaders.ts';

/*
 * The case registry's answer to a sector subgraph: of the case codes it asks about, which the
 * caller may see now, by the one rule (access.ts). The question comes with the case-access token
 * the gateway minted for the caller, so a sector learns only what its own caller may learn by
 * asking `case(id:)`: a code that does not exist and one out of sight read alike.
 */

const largestQuestion = 500;

function codesAsked(body: string): string[] | null {
  try {
    const { caseIds } = JSON.parse(body) as { caseIds?: unknown };
    if (!Array.isArray(caseIds) || caseIds.length > largestQuestion || !caseIds.every((id) => typeof id === 'string')) return null;
    return [...new Set(caseIds)];
  } catch {
    return null;
  }
}

export function caseAccessRoute(
  services: Pick<RouteServices<never, CaseLoaders>, 'createLoaders' | 'gatewayKey'>,
): Record<string, PostRoute> {
  const verifyToken = cachedCaseAccessVerifier(services.gatewayKey);
  const answer: PostRoute = async (req, body) => {
    const token = req.headers[caseAccessTokenHeader];
    let identity;
    try {
      identity = await verifyToken(typeof token === 'string' ? token : undefined);
    } catch (error) {
      return json(401, { error: (error as Error).message });
    }
    const caseIds = codesAsked(body);
    if (!caseIds) return json(400, { error: `the body must be {"caseIds": [...]} with at most ${largestQuestion} case codes` });
    const mayAsk = hasScope(identity, scopes.casesRead) && identity.sector !== null;
    const visible = mayAsk ? await visibleAmong(services.createLoaders(), identity.sector, caseIds) : new Set<string>();
    return json(200, { visible: [...visible] } satisfies CaseAccessAnswer);
  };
  return { [caseAccessPath]: answer };
}
