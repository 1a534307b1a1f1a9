import type http from 'node:http';
import { UnauthenticatedError, type Identity } from '../platform/auth/identity.ts';
import type { CallerVerifier } from './auth/callerIdentity.ts';
import { rateLimit } from './rateLimit.ts';

/** How many refused tokens one address may present in a minute. */
const refusalsPerMinute = 30;

/**
 * The verified caller of a request; throws UnauthenticatedError (HTTP 401) saying why not.
 * Refused tokens are counted per address, so guessing tokens is throttled too (HTTP 429).
 */
export function callerOf(verifier: CallerVerifier): (req: http.IncomingMessage) => Promise<Identity> {
  const refusals = rateLimit(refusalsPerMinute);
  return async (req) => {
    try {
      return await verifier.verify(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      await refusals(req.socket.remoteAddress ?? 'unknown');
      throw error;
    }
  };
}
