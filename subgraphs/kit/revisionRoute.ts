import type http from 'node:http';
import { UnauthenticatedError, type Identity } from '../../platform/auth/identity.ts';
import { internalTokenHeader } from '../../platform/auth/internalToken.ts';
import { json, type Route } from '../../platform/http.ts';
import type { RevisionAnswer } from '../../platform/subgraphRevision.ts';
import { RevisionCounter, revisionsCollection, storeRevision } from './revisions.ts';
import type { Store } from './store/port.ts';

/**
 * The store's revision, for the gateway's response cache (platform/subgraphRevision.ts). Only the
 * gateway may ask, with a revision token (signRevisionToken) addressed to this route; the answer is a bare count of writes,
 * the same whoever asks, and says nothing of what was written.
 */
export function revisionRoute(store: Store, verifyToken: (token: string | undefined) => Promise<Identity>): Route {
  const counter = new RevisionCounter(storeRevision, store.collection(revisionsCollection));
  return async (req: http.IncomingMessage) => {
    const token = req.headers[internalTokenHeader];
    try {
      await verifyToken(typeof token === 'string' ? token : undefined);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      return json(401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const answer: RevisionAnswer = await counter.currentInEpoch();
    return json(200, answer);
  };
}
