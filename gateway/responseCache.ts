import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode, type FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import { Counter } from 'prom-client';
import type { AuthorizationPolicy } from '../platform/auth/policy.ts';
import type { ServiceMetrics } from '../platform/metrics.ts';
import { isCacheableQuery } from './cacheableOperation.ts';
import type { GatewayContext } from './context.ts';

export interface ResponseCacheOptions {
  /** How long an answer is served from the cache; 0 turns the cache off. */
  ttlMs: number;
  /** The supergraph's authorization policy, as served now. */
  policy: () => AuthorizationPolicy;
  metrics: ServiceMetrics;
  /** Upper bound on the cached answers' total size, in bytes. */
  maxBytes?: number;
}

/**
 * Answers repeated aggregate queries (dashboards, meeting packs) without planning or calling a
 * subgraph. An answer is keyed by the caller's role and sector, which decide what the caller may
 * see and which fields authorization removed, and by the exact operation and variables.
 *
 * Freshness: every mutation through this gateway empties the cache, before and after it runs,
 * and an answer computed while a mutation ran is not kept (the generation moved on). Writes this
 * gateway does not see (another replica, a ministry writing in its own store) show after at most
 * `ttlMs`. Answers with errors (a sector down) are never kept.
 *
 * The answer kept is the result object as executed; authorization's plugin, which comes after
 * this one, completes that same object (fieldAuthorization.ts), so a hit is served complete.
 */
export function responseCache(options: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  const cache = new LRUCache<string, FormattedExecutionResult>({
    max: 5000,
    maxSize: options.maxBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (value, key) => key.length + JSON.stringify(value).length,
    ttl: options.ttlMs,
  });
  const lookups = new Counter({
    name: 'crg_response_cache_lookups_total',
    help: 'Response cache lookups for cacheable queries, by result (hit or miss).',
    labelNames: ['result'],
    registers: [options.metrics.registry],
  });
  let generation = 0;
  const invalidate = () => {
    generation++;
    cache.clear();
  };

  return {
    // A new supergraph may read a field under another rule: nothing answered under the old one is served.
    async serverWillStart() {
      return { schemaDidLoadOrUpdate: invalidate };
    },
    async requestDidStart() {
      let key: string | undefined;
      let startedAt = generation;
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          if (operation.operation === OperationTypeNode.MUTATION) {
            invalidate();
            return null;
          }
          if (!isCacheableQuery(schema, options.policy(), document, operation.operation)) return null;
          const { role, sector } = contextValue.identity;
          key = `${role}\n${sector ?? ''}\n${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}\n${request.query}`;
          startedAt = generation;
          const hit = cache.get(key);
          lookups.inc({ result: hit ? 'hit' : 'miss' });
          if (!hit) return null;
          key = undefined;
          return {
            http: { status: undefined, headers: new HeaderMap([['x-crg-cache', 'hit']]) },
            body: { kind: 'single', singleResult: hit },
          };
        },
        async willSendResponse({ response, operation }) {
          if (operation?.operation === OperationTypeNode.MUTATION) return invalidate();
          if (!key || startedAt !== generation || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors && result.data) cache.set(key, result);
        },
      };
    },
  };
}
