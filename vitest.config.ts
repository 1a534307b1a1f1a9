import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['subgraphs/**/*.test.ts', 'gateway/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
