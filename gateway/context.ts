import type { Identity } from '../platform/auth/identity.ts';

/** What the gateway knows about each request; the data sources pass it on to subgraphs. */
export interface GatewayContext {
  requestId: string;
  /** The verified caller; every request that reaches execution has one. */
  identity: Identity;
}
