import type http from 'node:http';
import type { Identity } from '../platform/auth/identity.ts';
import type { GatewayLimits } from '../platform/config.ts';
import { requestIdHeader } from '../platform/requestId.ts';
import { callerOf } from './caller.ts';
import { refuseGetFromCaseLevelRoles } from './postForPrivateReads.ts';
import type { CallerVerifier } from './auth/callerIdentity.ts';
import { rateLimit } from './rateLimit.ts';

/**
 * What the gateway knows about each request. Apollo Server hands it to every plugin hook and to
 * the data sources, which pass the identity on to the subgraphs: it is the one way the caller
 * travels through the gateway.
 */
export interface GatewayContext {
  requestId: string;
  /** The verified caller; every request that reaches execution has one. */
  identity: Identity;
}

/**
 * Steps 2 and 3 of the gateway's pipeline (see gateway/README.md), as Apollo Server's context
 * function: who is calling, whether they still have requests this minute, and whether their role
 * may send a GET at all. Each refusal is an error Apollo Server answers before it parses anything.
 */
export function gatewayContext(options: {
  verifier: CallerVerifier;
  limits: Pick<GatewayLimits, 'requestsPerMinute'>;
}): (req: http.IncomingMessage) => Promise<GatewayContext> {
  const caller = callerOf(options.verifier);
  const perCaller = rateLimit(options.limits.requestsPerMinute);
  return async (req) => {
    const identity = await caller(req);
    await perCaller(`${identity.role}:${identity.subject}`);
    refuseGetFromCaseLevelRoles(req.method, identity);
    return { requestId: String(req.headers[requestIdHeader]), identity };
  };
}
