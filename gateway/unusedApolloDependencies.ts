import { createRequire } from 'node:module';
import Module from 'node:module';
import path from 'node:path';

/*
 * Packages @apollo/gateway requires as it loads but that this gateway never runs. Each is put in
 * Node's CommonJS module cache (`require.cache`, which Node documents as open to added entries)
 * before @apollo/gateway loads, as a stand-in that throws as soon as anything uses it: the real
 * package is never read, and an Apollo release that starts to use one fails loudly, naming it,
 * instead of running without it. Together they kept about 10 MB of every gateway's heap
 * (docs/performance.md, "Gateway memory").
 *
 * Only the exact files those Apollo modules resolve to are replaced: another package that
 * depends on a different copy (our own tracing's OpenTelemetry SDK, for one) still gets its own.
 * A Node module hook (`module.register`) cannot do this on Node 20: its hooks do not see the
 * `require` calls of a CommonJS package, and they run on a thread of their own (a second heap).
 */

interface Unused {
  /** The @apollo/gateway file that requires them, within its dist/ folder. */
  requiredBy: string;
  packages: string[];
  /** Why this gateway never runs them, said in the error if one is ever used. */
  why: string;
}

export const unusedApolloDependencies: Unused[] = [
  {
    requiredBy: 'utilities/opentelemetry.js',
    packages: [
      '@opentelemetry/sdk-metrics',
      '@opentelemetry/exporter-metrics-otlp-http',
      '@opentelemetry/resource-detector-alibaba-cloud',
      '@opentelemetry/resource-detector-aws',
      '@opentelemetry/resource-detector-azure',
      '@opentelemetry/resource-detector-gcp',
      '@opentelemetry/resources',
      'node-cpu-count',
    ],
    why: 'they report the host to Apollo, which the hub turns off (APOLLO_TELEMETRY_DISABLED in gateway/server.ts)',
  },
  {
    requiredBy: 'datasources/RemoteGraphQLDataSource.js',
    packages: ['make-fetch-happen'],
    why: "it fetches for Apollo's own subgraph data source and managed federation; the hub calls subgraphs through gateway/subgraphDataSource.ts and reads its supergraph from a file",
  },
];

/** An error for any use of a package that is not loaded. */
export class UnloadedDependencyError extends Error {
  constructor(
    readonly packageName: string,
    use: string,
    why: string,
  ) {
    super(
      `@apollo/gateway used ${packageName} (${use}), which the gateway does not load because ${why}. ` +
        `If a new Apollo release needs it, take it out of gateway/unusedApolloDependencies.ts.`,
    );
    this.name = 'UnloadedDependencyError';
  }
}

/**
 * What `require` returns for a package that is not loaded: an empty module as far as loading goes
 * (the compiled CommonJS interop reads `__esModule` and lists the exports, of which there are
 * none); reading an export, calling or constructing it throws.
 */
function standIn(packageName: string, why: string): object {
  const fail = (use: string): never => {
    throw new UnloadedDependencyError(packageName, use, why);
  };
  return new Proxy(function unloaded() {}, {
    get: (_target, property) => (typeof property === 'symbol' || property === '__esModule' ? undefined : fail(`its export "${property}"`)),
    apply: () => fail('called'),
    construct: () => fail('constructed'),
  });
}

/**
 * The file each of `packages` resolves to from `fromFile`, as `require` there would resolve it.
 * One no longer installed (a new Apollo release dropped it) is left out: there is nothing to keep
 * from loading.
 */
export function resolvedFrom(fromFile: string, packages: string[]): Map<string, string> {
  const requireThere = createRequire(fromFile);
  const resolved = new Map<string, string>();
  for (const name of packages) {
    try {
      resolved.set(name, requireThere.resolve(name));
    } catch {
      continue;
    }
  }
  return resolved;
}

/** The @apollo/gateway file that requires the packages of `unused`. */
export function apolloFile(unused: Unused): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('@apollo/gateway')), unused.requiredBy);
}

/**
 * Puts the stand-ins in the module cache. Does nothing for a package already loaded for real
 * (something loaded @apollo/gateway first): replacing it then would save nothing.
 */
export function leaveUnusedApolloDependenciesUnloaded(): void {
  const cache = createRequire(import.meta.url).cache;
  for (const unused of unusedApolloDependencies) {
    for (const [name, file] of resolvedFrom(apolloFile(unused), unused.packages)) {
      if (cache[file]) continue;
      const entry = new Module(file);
      entry.filename = file;
      entry.exports = standIn(name, unused.why);
      entry.loaded = true;
      cache[file] = entry;
    }
  }
}

leaveUnusedApolloDependenciesUnloaded();
