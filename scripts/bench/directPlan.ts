import { sectorIds } from '../../platform/catalog.ts';
import { gatewayCallHeaders } from '../../platform/auth/internalToken.ts';
import type { Key } from '../../platform/auth/keys.ts';
import { scopesByRole } from '../../platform/auth/roles.ts';
import { sender, type Target } from './measure.ts';
import { callerOf, type BenchOperation, type DirectCall } from './operations.ts';
import { rootFetches } from './rootFetches.ts';

/**
 * The subgraph calls of an operation's plan sent straight to the subgraphs, as a gateway would
 * send them (each with a gateway token for the operation's caller, signed before the timing):
 * what calling each ministry directly costs, against which the gateway's own share is measured.
 */
export function directCalls(options: {
  supergraphSdl: string;
  signingKey: Key;
  subgraphUrl: (name: string) => string;
  subgraphPid: (name: string) => number | undefined;
}) {
  const target = (op: BenchOperation, call: DirectCall): Target => {
    const caller = callerOf(op);
    const identity = { ...caller, subject: `${caller.role}.0000@bench`, scopes: scopesByRole[caller.role] };
    const body = JSON.stringify({ query: call.query, variables: call.variables });
    return {
      label: call.subgraph,
      url: options.subgraphUrl(call.subgraph),
      body,
      pid: options.subgraphPid(call.subgraph),
      headers: () => gatewayCallHeaders(identity, call.subgraph, options.signingKey, body),
    };
  };

  /** The whole plan, one request at a time: its root calls, then the given sectors' entity calls at once. */
  const plan = async (op: BenchOperation, sectors: readonly string[] = sectorIds): Promise<() => Promise<void>> => {
    const roots = await Promise.all(rootFetches(options.supergraphSdl, op.query, op.variables).map((call) => sender(target(op, call))));
    const entities = await Promise.all(op.entityCall ? sectors.map((sector) => sender(target(op, op.entityCall!(sector)))) : []);
    return async () => {
      for (const root of roots) await root.send();
      await Promise.all(entities.map((entity) => entity.send()));
    };
  };

  return { target, plan };
}
