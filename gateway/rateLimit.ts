import { HeaderMap, type HTTPGraphQLHead } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createRequire } from 'node:module';
import type * as RateLimiterFlexible from 'rate-limiter-flexible';

/*
 * The in-memory limiter and its refusal are loaded from their own files: the package's index
 * requires every limiter it has (Redis, Mongo, MySQL, Postgres, DynamoDB, etc.: 37 modules, 1.0 MB
 * of heap kept) where these two need 6 modules and 0.1 MB (docs/performance.md, "Gateway memory").
 * The package declares no "exports", so Node resolves these paths as it does the index; if a
 * release moves them, the gateway fails at start and rateLimit.test.ts names the file.
 */
const requireHere = createRequire(import.meta.url);
export const limiterFiles = {
  RateLimiterMemory: 'rate-limiter-flexible/lib/RateLimiterMemory.js',
  RateLimiterRes: 'rate-limiter-flexible/lib/RateLimiterRes.js',
} as const;
const RateLimiterMemory = requireHere(limiterFiles.RateLimiterMemory) as typeof RateLimiterFlexible.RateLimiterMemory;
const RateLimiterRes = requireHere(limiterFiles.RateLimiterRes) as typeof RateLimiterFlexible.RateLimiterRes;

/** A limit of `perMinute` requests per key; the caller is told when to try again. */
export type RateLimit = (key: string) => Promise<void>;

/**
 * Counts one request for `key` and throws, once the key has used its requests for the minute,
 * an error Apollo Server answers with HTTP 429 and a Retry-After header.
 */
export function rateLimit(perMinute: number): RateLimit {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (key) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      // Apollo Server answers with `http` (its HTTPGraphQLHead, whose headers are a HeaderMap);
      // the graphql-yoga types the bench peer loads declare those headers as a plain record.
      const http: Partial<HTTPGraphQLHead> = { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) };
      const extensions: Record<string, unknown> = { code: 'RATE_LIMITED', http };
      throw new GraphQLError(`Too many requests: try again in ${seconds} s`, { extensions });
    }
  };
}
