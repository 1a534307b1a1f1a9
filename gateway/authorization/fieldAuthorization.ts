import type { ApolloServerPlugin } from '@apollo/server';
import { createHash } from 'node:crypto';
import { print, specifiedRules, validate, type DocumentNode } from 'graphql';
import type { AuthorizationPolicy } from '../../platform/auth/policy.ts';
import type { GatewayContext } from '../context.ts';
import { authorizeOperation, type AuthorizedOperation } from './authorizeOperation.ts';
import { completeResult } from './completeResult.ts';

/*
 * Steps 6 and 8 of the gateway's pipeline (see gateway/README.md), as one Apollo Server plugin.
 *
 * didResolveOperation (step 6, authorization): the operation loses every field the caller's role
 * may not read, before the gateway plans it, so no subgraph is ever asked for one.
 * willSendResponse (step 8, result completion): what was removed is put back as null, with an
 * error naming it, on the result object, before Apollo Server serialises it.
 */

interface Decision {
  authorized: AuthorizedOperation;
  /** The hash Apollo Gateway keeps the plan of the authorized document under. */
  queryHash: string;
}

/**
 * The plugin. It must come after the response cache's in Apollo Server's plugin list: the cache
 * decides whether an answer may be kept from the errors execution left in it, before this plugin
 * adds those naming what it removed; what it keeps is the completed answer's bytes as sent, so a
 * hit never comes back here (see responseCache.ts).
 */
export function fieldAuthorization(policy: () => AuthorizationPolicy): ApolloServerPlugin<GatewayContext> {
  // Apollo Server keeps one parsed document per query text and schema (its document store), so
  // the decisions for a document are kept with it and go when the supergraph changes.
  const decisions = new WeakMap<DocumentNode, Map<string, Decision | null>>();

  return {
    async requestDidStart() {
      let decision: Decision | null = null;
      let executed = false;
      return {
        async didResolveOperation(requestContext) {
          const { schema, document, request, contextValue } = requestContext;
          const operationName = request.operationName ?? undefined;
          const key = `${contextValue.identity.role}\n${operationName ?? ''}`;
          let byCaller = decisions.get(document);
          if (!byCaller) decisions.set(document, (byCaller = new Map<string, Decision | null>()));
          if (!byCaller.has(key)) {
            const authorized = authorizeOperation(schema, policy(), contextValue.identity, document, operationName);
            byCaller.set(key, authorized && { authorized, queryHash: checkedHash(schema, authorized.document) });
          }
          decision = byCaller.get(key)!;
          if (!decision) return;
          // Apollo Gateway plans `document` and keeps its plans by `queryHash`: both become the
          // authorized operation's, so a plan made for one role is never used for another.
          // Apollo Server types both read-only for plugins, and reads both again after this hook,
          // when it hands the request to the gateway's executor (tested by the authorization suite).
          Object.assign(requestContext, { document: decision.authorized.document, queryHash: decision.queryHash });
        },
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ schema, request, response }) {
          // Nothing ran (a refused request, 400, has no data): there is nothing to complete.
          if (!decision || !executed || response.http.status === 400 || response.body.kind !== 'single') return;
          completeResult(schema, decision.authorized, request.variables, response.body.singleResult);
        },
      };
    },
  };
}

/**
 * The authorized document's hash, once it is known to be valid: authorization only removes
 * fields and adds `__typename` under reserved aliases, so an error here is the gateway's own.
 */
function checkedHash(schema: Parameters<typeof validate>[0], document: DocumentNode): string {
  const errors = validate(schema, document, specifiedRules);
  if (errors.length > 0) throw new Error(`Authorization produced an invalid operation: ${errors.map((e) => e.message).join('; ')}`);
  return createHash('sha256').update(print(document)).digest('hex');
}
