import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, parse, print, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type http from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { UnauthenticatedError, type Identity } from '../platform/auth/identity.ts';
import type { GatewayLimits } from '../platform/config.ts';
import type { GuardDecision, RequestGuard } from '../platform/http.ts';
import type { CallerVerifier } from './auth/callerIdentity.ts';
import { authorizeOperation, placeholderAlias, typenameAlias, type AuthorizedOperation } from './authorization/authorizeOperation.ts';
import { completeResult } from './authorization/completeResult.ts';
import type { AuthorizationPolicy } from '../platform/auth/policy.ts';

/*
 * What every request to the gateway passes before Apollo sees it: one operation per POST, a
 * verified caller, the caller's rate limit, a document within the size, depth, alias, directive
 * and cost limits, and the caller's authorization, which may remove fields. Parsing, validation
 * and authorization are cached by query text (and role), so a dashboard repeating the same query
 * pays for them once.
 */

export interface GraphState {
  schema: GraphQLSchema;
  policy: AuthorizationPolicy;
}

type Decision = GuardDecision;

const reject = (status: number, message: string, code: string, headers?: Record<string, string>): Decision => ({
  kind: 'reject',
  status,
  errors: [{ message, extensions: { code } }],
  headers,
});

const reservedAliases = [typenameAlias, placeholderAlias];

export interface OperationGuard {
  guard: RequestGuard;
  /** The identity the guard verified for this request, for the GraphQL context. */
  identityOf(req: http.IncomingMessage): Identity | undefined;
  /** Forget cached documents and decisions: the supergraph changed. */
  reset(state: GraphState): void;
}

export function createOperationGuard(options: {
  verifier: CallerVerifier;
  limits: GatewayLimits;
  state: GraphState;
  /** Leave "Did you mean …" out of validation errors (production). */
  hideSuggestions?: boolean;
}): OperationGuard {
  const { verifier, limits } = options;
  let state = options.state;
  const identities = new WeakMap<http.IncomingMessage, Identity>();
  const documents = new LRUCache<string, { document: DocumentNode } | { errors: GraphQLError[] }>({ max: 1000 });
  const decisions = new LRUCache<string, { authorized: AuthorizedOperation | null; query: string | null }>({ max: 5000 });
  const perCaller = new RateLimiterMemory({ points: limits.requestsPerMinute, duration: 60 });
  // Refused tokens are counted per address, so guessing tokens is throttled too.
  const perAddressRefusals = new RateLimiterMemory({ points: 30, duration: 60 });

  const rules = () => [
    ...specifiedRules,
    maxDepthRule({ n: limits.maxDepth, exposeLimits: true }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }),
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true }),
    costLimitRule({ maxCost: limits.maxCost, exposeLimits: true }),
  ];

  function checkedDocument(query: string) {
    let entry = documents.get(query);
    if (!entry) {
      try {
        const document = parse(query, { maxTokens: limits.maxTokens });
        const errors = validate(state.schema, document, rules(), { hideSuggestions: options.hideSuggestions });
        const aliasClash = reservedAliases.some((alias) => query.includes(alias));
        entry =
          errors.length > 0
            ? { errors: [...errors] }
            : aliasClash
              ? { errors: [new GraphQLError(`The names ${reservedAliases.join(' and ')} are reserved`)] }
              : { document };
      } catch (error) {
        entry = { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
      }
      documents.set(query, entry);
    }
    return entry;
  }

  async function limited(limiter: RateLimiterMemory, key: string): Promise<Decision | null> {
    try {
      await limiter.consume(key);
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      return reject(429, `Too many requests: try again in ${seconds} s`, 'RATE_LIMITED', { 'retry-after': String(seconds) });
    }
  }

  const guard: RequestGuard = async (req, body) => {
    if (req.method !== 'POST') return reject(405, 'Send GraphQL as an HTTP POST with a JSON body', 'METHOD_NOT_ALLOWED');
    if (Array.isArray(body)) return reject(400, 'Batched requests are not accepted: send one operation per request', 'BATCH_NOT_ACCEPTED');
    const request = body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (!request || typeof request !== 'object' || typeof request.query !== 'string') {
      return reject(400, 'The body must be a JSON object with the operation in a "query" string', 'BAD_REQUEST');
    }
    let identity: Identity;
    try {
      identity = await verifier.verify(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      return (await limited(perAddressRefusals, req.socket.remoteAddress ?? 'unknown')) ?? reject(401, error.message, 'UNAUTHENTICATED');
    }
    const tooMany = await limited(perCaller, `${identity.role}:${identity.subject}`);
    if (tooMany) return tooMany;

    const checked = checkedDocument(request.query);
    if ('errors' in checked) {
      return {
        kind: 'reject',
        status: 400,
        errors: checked.errors.map((e) => ({ ...e.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } })),
      };
    }
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const key = `${identity.role}\n${operationName ?? ''}\n${request.query}`;
    let decision = decisions.get(key);
    if (!decision) {
      const authorized = authorizeOperation(state.schema, state.policy, identity, checked.document, operationName);
      decision = { authorized, query: authorized ? print(authorized.document) : null };
      decisions.set(key, decision);
    }
    identities.set(req, identity);
    const { authorized, query } = decision;
    if (!authorized || !query) return { kind: 'run', body };
    const schema = state.schema;
    const variables =
      request.variables && typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : undefined;
    // The rewritten document holds only the selected operation, so the name is dropped with the rest.
    const { operationName: _selected, ...rest } = request;
    return {
      kind: 'run',
      body: { ...rest, query },
      complete: (result) => completeResult(schema, authorized, variables, result),
    };
  };

  return {
    guard,
    identityOf: (req) => identities.get(req),
    reset(next) {
      state = next;
      documents.clear();
      decisions.clear();
    },
  };
}
