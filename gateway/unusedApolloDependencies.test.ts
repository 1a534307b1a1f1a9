import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startGateway } from './server.ts';
import { apolloFile, resolvedFrom, UnloadedDependencyError, unusedApolloDependencies } from './unusedApolloDependencies.ts';

const require = createRequire(import.meta.url);
const [telemetry, fetcher] = unusedApolloDependencies as [(typeof unusedApolloDependencies)[0], (typeof unusedApolloDependencies)[0]];

/** The folder of the package whose entry file is `entry`. */
const packageFolder = (name: string, entry: string) =>
  entry.slice(0, entry.lastIndexOf(path.join('node_modules', name)) + `node_modules/${name}`.length);

describe('what @apollo/gateway requires but the gateway never runs', () => {
  it('is not loaded with the gateway: no file of those packages is in the module cache, only a stand-in for each', () => {
    // The gateway (gateway/server.ts) is loaded above, and with it @apollo/gateway.
    expect(typeof startGateway).toBe('function');
    expect(require.cache[require.resolve('@apollo/gateway')]?.loaded).toBe(true);
    const loaded = Object.keys(require.cache);
    for (const unused of unusedApolloDependencies) {
      const resolved = resolvedFrom(apolloFile(unused), unused.packages);
      // A package Apollo no longer depends on is to be taken off the list.
      expect([...resolved.keys()]).toEqual(unused.packages);
      for (const [name, entry] of resolved) {
        const folder = packageFolder(name, entry);
        expect(folder.endsWith(name), name).toBe(true);
        expect(
          loaded.filter((file) => file.startsWith(folder + path.sep)),
          name,
        ).toEqual([entry]);
        expect(() => (require.cache[entry]!.exports as Record<string, unknown>).anything, name).toThrow(UnloadedDependencyError);
      }
    }
  });

  it("fails loudly, naming the package, when Apollo's usage telemetry is used", () => {
    const apolloTelemetry = require(apolloFile(telemetry)) as { createDataCollectionExporter(): unknown };
    expect(() => apolloTelemetry.createDataCollectionExporter()).toThrow(
      /@apollo\/gateway used @opentelemetry\/exporter-metrics-otlp-http \(its export "OTLPMetricExporter"\).*APOLLO_TELEMETRY_DISABLED/,
    );
  });

  it("fails loudly, naming the package, when Apollo's own subgraph data source is made", () => {
    const { RemoteGraphQLDataSource } = require(apolloFile(fetcher)) as { RemoteGraphQLDataSource: new (options: object) => unknown };
    expect(() => new RemoteGraphQLDataSource({ url: 'http://127.0.0.1:1/graphql' })).toThrow(/@apollo\/gateway used make-fetch-happen/);
  });
});
