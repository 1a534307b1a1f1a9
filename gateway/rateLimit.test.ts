import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { limiterFiles, rateLimit } from './rateLimit.ts';

const require = createRequire(import.meta.url);

describe('the rate limit', () => {
  it("loads the package's own in-memory limiter and refusal, not its index", () => {
    const index = require('rate-limiter-flexible') as Record<string, unknown>;
    for (const [name, file] of Object.entries(limiterFiles)) expect(require(file), name).toBe(index[name]);
  });

  it('lets a key use its requests for the minute, then refuses it with 429 and when to try again, and keeps serving other keys', async () => {
    const limit = rateLimit(2);
    await limit('a');
    await limit('a');
    const refused = await limit('a').then(
      () => undefined,
      (error: unknown) =>
        error as { message: string; extensions: { code: string; http: { status: number; headers: Map<string, string> } } },
    );
    expect(refused?.message).toMatch(/^Too many requests: try again in \d+ s$/);
    expect(refused?.extensions.code).toBe('RATE_LIMITED');
    expect(refused?.extensions.http.status).toBe(429);
    expect(Number(refused?.extensions.http.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await limit('b');
  });
});
