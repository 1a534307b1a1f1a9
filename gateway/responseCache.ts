import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { Counter } from 'prom-client';
import type { AuthorizationPolicy } from '../platform/auth/policy.ts';
import type { GraphQLHttpHandler } from '../platform/http.ts';
import type { ServiceMetrics } from '../platform/metrics.ts';
import { cacheKey } from './cache/cacheKey.ts';
import { entityTag, holdsAlready } from './cache/entityTag.ts';
import { planSubgraphs } from './cache/planSubgraphs.ts';
import type { Revisions, SubgraphRevisions } from './cache/subgraphRevisions.ts';
import { isCacheableQuery } from './cacheableOperation.ts';
import type { GatewayContext } from './context.ts';

export interface ResponseCacheOptions {
  /** The longest an answer is served from the cache, however fresh its revisions say it is. */
  ttlMs: number;
  /** The supergraph's authorization policy, as served now. */
  policy: () => AuthorizationPolicy;
  metrics: ServiceMetrics;
  /** The subgraphs' store revisions, which every hit is checked against. */
  revisions: SubgraphRevisions;
  /** Upper bound on the cached answers' total size, in bytes. */
  maxBytes?: number;
}

/** One kept answer: the bytes sent, and the revisions of the subgraphs they were read from. */
interface Entry {
  body: string;
  /** The body's length in bytes, as sent. */
  length: number;
  contentType: string;
  etag: string;
  revisions: Revisions;
  /** When the request it answered arrived (performance.now()): a later one's answer is not replaced by it. */
  arrivedAt: number;
}

/** What the HTTP layer and the plugin know of one request, shared through its context object. */
interface RequestState {
  /** Revisions read for this request, before anything was executed. */
  read: Map<string, string>;
  /** A cached answer was found and was stale: counted as such, not as a miss. */
  stale: boolean;
  /** The cache generation when the operation was found cacheable; undefined when it is not. */
  generation?: number;
  /** The operation, as its plan is remembered by (`plans`). */
  operation?: string;
  /** The subgraphs the plan fetches from. */
  subgraphs?: ReadonlySet<string>;
  /** Set once the answer may be kept: the revisions it was read at. */
  keep?: Revisions;
  /** Tells requests waiting for this one whether its answer may be kept, once that is known. */
  decided?: (cacheable: boolean) => void;
}

/** A request executing for a key nothing fresh was found under. */
interface Executing {
  /** Whether its answer may be kept: known once its operation is, false if it fails before. */
  cacheable: Promise<boolean>;
  /** Settles when it has answered (and kept what it may). */
  done: Promise<void>;
}

export interface ResponseCache {
  /** Apollo Server's part: what may be kept, and emptying the cache on a mutation or a new supergraph. */
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Apollo Gateway's `experimental_didResolveQueryPlan`: which subgraphs an answer is read from. */
  planned: Experimental_DidResolveQueryPlanCallback;
  /**
   * Whether the answer to this request may be kept: its subgraph calls must then not join identical
   * ones in flight (sharedFetches.ts), which may have read the data before its revisions were read.
   */
  mayKeep(context: object): boolean;
  /** `handler`, answering from the cache what it holds fresh and keeping what it may. */
  serve<C extends GatewayContext>(handler: GraphQLHttpHandler<C>): GraphQLHttpHandler<C>;
  close(): Promise<void>;
}

/** Where a request's state travels in its context object. */
const requestState = Symbol('response cache request');

/** Per role and sector, for its caller only: a browser may keep it but must ask again before each use. */
const cacheControl = 'private, no-cache';

/**
 * Answers repeated aggregate queries (dashboards, meeting packs) from memory, never staler than a
 * write acknowledged anywhere before the request arrived. An answer is keyed by the caller's role
 * and sector, which decide what the caller may see and which fields authorization removed, by the
 * media type accepted and by the exact operation and variables (cache/cacheKey.ts).
 *
 * Freshness (docs/adr/0022-cached-answers-checked-against-store-revisions.md, 0023): every
 * subgraph's store counts its acknowledged writes (subgraphs/kit/revisions.ts). Before a cacheable
 * query is executed the gateway reads the revisions of the subgraphs its plan fetched from the
 * last time (of all of them the first time), and keeps the answer with those. A hit is served only
 * if each of them is unchanged as read for this request (cache/subgraphRevisions.ts): from the
 * gateway's lease on the subgraph's revision while one runs (a subgraph acknowledges no write
 * before every gateway holding a lease knows of it), otherwise by a check started after the
 * request arrived (one per subgraph at a time, shared by every request waiting). A subgraph whose
 * check just failed has no revision for a second, without being asked; one that has none makes
 * the request a miss. So a write through another gateway replica, or straight into a sector's
 * subgraph, is seen by the next read. `ttlMs` stays an upper bound; every mutation through this
 * gateway also empties the cache, and an answer executed while one ran is not kept. Answers with
 * errors are never kept. Identical requests finding nothing fresh while one of them executes wait
 * for the answer it keeps, each served it only if it is fresh for that request too.
 *
 * What is kept is the response body as sent, after authorization completed it (the plugin decides
 * before completion, when the errors in the result are execution's own; the bytes are taken once
 * Apollo Server has serialised the completed result), and a hit sends those bytes with their
 * content type and a strong ETag; a matching `If-None-Match` gets 304 with no body.
 */
export function responseCache(options: ResponseCacheOptions): ResponseCache {
  const { revisions } = options;
  const cache = new LRUCache<string, Entry>({
    max: 5000,
    maxSize: options.maxBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (entry, key) => Buffer.byteLength(key) + entry.length,
    ttl: options.ttlMs,
  });
  const lookups = new Counter({
    name: 'crg_response_cache_lookups_total',
    help: 'Response cache lookups for cacheable queries, by result: hit, stale (kept, but a subgraph was written since) or miss.',
    labelNames: ['result'],
    registers: [options.metrics.registry],
  });
  // Apollo Server hands plugins a shallow copy of the request's context: the state travels in it.
  const stateOf = (context: object) => (context as Partial<Record<typeof requestState, RequestState>>)[requestState];
  /**
   * The subgraphs each operation's plan fetched from, by operation text and name: a miss reads the
   * revisions of these only, not of every subgraph, so one that hangs slows only the answers that
   * use it. An operation not yet planned reads them all. Forgotten with the supergraph.
   */
  const plans = new LRUCache<string, ReadonlySet<string>>({ max: 5000 });
  /**
   * The requests executing now for a key they found nothing fresh under, by key: one arriving
   * meanwhile waits for the answer it will keep, and is served that if it is fresh for it too (a
   * check of its own, as for any hit), rather than every request for an expired dashboard
   * executing the whole plan at once. Only for an answer it may keep: identical case-level reads
   * or mutations never wait for one another.
   */
  const executing = new Map<string, Executing>();
  let generation = 0;
  const invalidate = () => {
    generation++;
    cache.clear();
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    // A new supergraph may read a field under another rule: nothing answered under the old one is served.
    async serverWillStart() {
      // Plans follow the supergraph alone: a mutation empties the answers, not what plans fetch from.
      return {
        schemaDidLoadOrUpdate() {
          invalidate();
          plans.clear();
        },
      };
    },
    async requestDidStart({ contextValue }) {
      const state = stateOf(contextValue);
      return {
        async responseForOperation({ schema, document, operation, source, operationName }) {
          if (operation.operation === OperationTypeNode.MUTATION) {
            state?.decided?.(false);
            invalidate();
            return null;
          }
          const cacheable = !!state && isCacheableQuery(schema, options.policy(), document, operation.operation);
          state?.decided?.(cacheable);
          if (!state || !cacheable) return null;
          if (!state.stale) lookups.inc({ result: 'miss' });
          state.generation = generation;
          state.operation = `${operationName ?? ''}\n${source}`;
          // Read before anything is executed, so whatever the answer holds is at least as new.
          const unread = [...(plans.get(state.operation) ?? revisions.names())].filter((name) => !state.read.has(name));
          for (const [name, revision] of await revisions.read(unread, -Infinity)) state.read.set(name, revision);
          return null;
        },
        // Before authorization completes the result: the errors here are execution's own.
        async willSendResponse({ response, operation }) {
          if (operation?.operation === OperationTypeNode.MUTATION) return invalidate();
          if (!state?.subgraphs || state.generation !== generation || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors || !data) return;
          const keep = new Map<string, string>();
          for (const name of state.subgraphs) {
            const revision = state.read.get(name);
            if (revision === undefined) return;
            keep.set(name, revision);
          }
          state.keep = keep;
        },
      };
    },
  };

  const planned: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, requestContext }) => {
    const state = stateOf(requestContext.context);
    if (state?.generation === undefined) return;
    state.subgraphs = planSubgraphs(queryPlan);
    if (state.operation !== undefined && state.generation === generation) plans.set(state.operation, state.subgraphs);
  };

  /** The answer to send for `entry`: its bytes, or 304 when the caller holds them already. */
  const answer = (entry: Entry, request: HTTPGraphQLRequest, hit: boolean): HTTPGraphQLResponse => {
    const headers = new HeaderMap([
      ['etag', entry.etag],
      ['cache-control', cacheControl],
      ['vary', 'Accept, Authorization'],
    ]);
    if (hit) headers.set('x-crg-cache', 'hit');
    if (holdsAlready(request.headers.get('if-none-match'), entry.etag)) {
      return { status: 304, headers, body: { kind: 'complete', string: '' } };
    }
    headers.set('content-type', entry.contentType);
    headers.set('content-length', String(entry.length));
    return { status: 200, headers, body: { kind: 'complete', string: entry.body } };
  };

  /** Whether no subgraph `entry` was read from has been written since; what was read is kept for a miss. */
  const fresh = async (entry: Entry, arrivedAt: number, state: RequestState): Promise<boolean> => {
    state.read = await revisions.read(entry.revisions.keys(), arrivedAt);
    return [...entry.revisions].every(([name, revision]) => state.read.get(name) === revision);
  };

  return {
    plugin,
    planned,
    mayKeep: (context) => stateOf(context)?.generation !== undefined,
    serve<C extends GatewayContext>(handler: GraphQLHttpHandler<C>): GraphQLHttpHandler<C> {
      return {
        async executeHTTPGraphQLRequest(request) {
          const arrivedAt = performance.now();
          const http = request.httpGraphQLRequest;
          // Only a caller with a token is ever answered from the cache; the rest is Apollo Server's.
          if (!http.headers.get('authorization')) return handler.executeHTTPGraphQLRequest(request);
          // The caller is verified (and counted against its rate) once: Apollo Server gets the same.
          const context = request.context();
          let contextValue: C;
          try {
            contextValue = await context;
          } catch {
            return handler.executeHTTPGraphQLRequest({ ...request, context: () => context });
          }
          const key = cacheKey(http, contextValue.identity);
          if (key === null) return handler.executeHTTPGraphQLRequest({ ...request, context: () => context });
          const state: RequestState = { read: new Map(), stale: false };
          const withState: C = { ...contextValue, [requestState]: state };
          const execute = () => handler.executeHTTPGraphQLRequest({ ...request, context: async () => withState });
          const entry = cache.get(key);
          if (entry && (await fresh(entry, arrivedAt, state))) {
            lookups.inc({ result: 'hit' });
            return answer(entry, http, true);
          }
          const leader = executing.get(key);
          if (leader && (await leader.cacheable)) {
            await leader.done;
            const kept = cache.get(key);
            if (kept && kept !== entry && (await fresh(kept, arrivedAt, state))) {
              lookups.inc({ result: 'hit' });
              return answer(kept, http, true);
            }
          }
          if (entry) {
            state.stale = true;
            lookups.inc({ result: 'stale' });
          }
          let executed!: () => void;
          const executingNow: Executing = {
            cacheable: new Promise<boolean>((resolve) => (state.decided = resolve)),
            done: new Promise<void>((resolve) => (executed = resolve)),
          };
          if (!executing.has(key)) executing.set(key, executingNow);
          try {
            return await executeAndKeep(key, execute, state, arrivedAt, http);
          } finally {
            if (executing.get(key) === executingNow) executing.delete(key);
            state.decided?.(false);
            executed();
          }
        },
      };
    },
    close: () => revisions.close(),
  };

  /** Executes a request found nothing fresh for, and keeps its answer if it may. */
  async function executeAndKeep(
    key: string,
    execute: () => Promise<HTTPGraphQLResponse>,
    state: RequestState,
    arrivedAt: number,
    http: HTTPGraphQLRequest,
  ): Promise<HTTPGraphQLResponse> {
    const response = await execute();
    if (!state.keep || state.generation !== generation || (response.status ?? 200) !== 200 || response.body.kind !== 'complete') {
      return response;
    }
    const contentType = response.headers.get('content-type') ?? 'application/json';
    const kept: Entry = {
      body: response.body.string,
      length: Buffer.byteLength(response.body.string),
      contentType,
      etag: entityTag(contentType, response.body.string),
      revisions: state.keep,
      arrivedAt,
    };
    // A slow miss does not replace what a request that arrived after it kept meanwhile.
    if ((cache.peek(key)?.arrivedAt ?? -Infinity) < arrivedAt) cache.set(key, kept);
    return answer(kept, http, false);
  }
}
