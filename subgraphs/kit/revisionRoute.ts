import type http from 'node:http';
import { UnauthenticatedError, type Identity } from '../../platform/auth/identity.ts';
import { internalTokenHeader } from '../../platform/auth/internalToken.ts';
import { json, splitUrl, type Route } from '../../platform/http.ts';
import { gatewayIdPattern, leasePollParameters, type RevisionAnswer } from '../../platform/subgraphRevision.ts';
import type { RevisionLeases } from './revisionLeases.ts';

/** A revision as a lease poll names it (`epoch:revision`): longer than any is refused. */
const maxHoldsLength = 100;

/**
 * The store's revision, for the gateway's response cache (platform/subgraphRevision.ts). Only the
 * gateway may ask, with a revision token (signRevisionToken) addressed to this route; the answer is a bare count of writes,
 * the same whoever asks, and says nothing of what was written. A lease poll is held by `leases`
 * (kit/revisionLeases.ts); without them (a store other processes write to) it is answered at once,
 * with no lease.
 */
export function revisionRoute(options: {
  current: () => Promise<RevisionAnswer>;
  leases: RevisionLeases | undefined;
  verifyToken: (token: string | undefined) => Promise<Identity>;
  /** False once the subgraph is stopping: polls are then answered at once. */
  holding: () => boolean;
}): Route {
  const { current, leases, verifyToken } = options;
  return async (req: http.IncomingMessage) => {
    const token = req.headers[internalTokenHeader];
    try {
      await verifyToken(typeof token === 'string' ? token : undefined);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      return json(401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const query = new URLSearchParams(splitUrl(req.url ?? '/').search);
    const gateway = query.get(leasePollParameters.gateway);
    if (gateway === null) return json(200, await current());
    const holds = query.get(leasePollParameters.holds) ?? undefined;
    if (!gatewayIdPattern.test(gateway) || (holds !== undefined && holds.length > maxHoldsLength)) {
      const message = `A lease poll names the gateway by 16 to 64 letters, digits, - or _, and the revision it holds in at most ${maxHoldsLength} characters`;
      return json(400, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    }
    const answer: RevisionAnswer = leases ? await leases.poll(gateway, holds, options.holding()) : await current();
    return json(200, answer);
  };
}
