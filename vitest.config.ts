import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/longestFirst.ts';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for every importer (the package has no "exports"),
    // and so do the Apollo packages here. Vite would pick its ES build for our own files: two
    // copies of graphql whose types do not recognise each other. One copy, as in production.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: [
      'dashboard/**/*.test.ts',
      'platform/**/*.test.ts',
      'subgraphs/**/*.test.ts',
      'gateway/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most tests wait on servers and child processes, not the CPU: two files at a time keep a
    // two-core machine busy where the default (one fewer than the cores) would run one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The files of one worker share its loaded modules: Apollo, graphql and the kit are imported
    // once per worker, not once per file, which took 40% of the suite's time. Every test starts
    // its own servers and stores; a test that changes process-wide state (environment variables,
    // signal handlers, globals) must put it back.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // One known disclosure-control secret, so the published noise is the same on every machine.
    env: { CRG_DISCLOSURE_KEY_FILE: 'test/support/disclosure-test.key' },
  },
});
