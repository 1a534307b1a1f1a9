import type { SupergraphSdlHook, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import fs from 'node:fs';
import { readAuthorizationPolicy, supergraphForPlanning, type AuthorizationPolicy } from '../platform/auth/policy.ts';
import type { Logger } from '../platform/logger.ts';
import type { GatewayMetrics } from './gatewayMetrics.ts';
import { readSupergraph, supergraphPath } from './supergraph.ts';
// Before Apollo Gateway builds its first supergraph: it keeps no source locations (see there).
import './supergraphWithoutLocations.ts';

export type ReloadOutcome = 'applied' | 'unchanged' | 'rejected';

export interface SupergraphSource {
  /** Hands Apollo Gateway its first supergraph and the means to swap it later. */
  readonly hook: SupergraphSdlHook;
  /** The authorization policy of the supergraph being served: it changes with the supergraph. */
  policy(): AuthorizationPolicy;
  /** Reads the file again and swaps it in when it changed and is valid; the old one stays otherwise. */
  reload(): ReloadOutcome;
}

export interface SupergraphSourceOptions {
  /** A fixed supergraph (tests); nothing is watched. */
  sdl?: string;
  /** The file to serve and watch when no SDL is given. */
  file?: string;
  /** How often the file is checked for a change; 0 turns watching off (reload still works). */
  pollMs?: number;
  logger: Logger;
  metrics: GatewayMetrics;
}

/**
 * Serves the supergraph from a file and swaps in a new one without a restart. Apollo Gateway
 * replaces its schema and query planner between requests: a request already running finishes on
 * the plan it has, the next one is planned on the new graph. The authorization policy is read from
 * the same text and swapped in the same step, so fields are never checked against another graph's
 * rules. A file that does not parse or compose is refused and the graph being served stays.
 *
 * The file is polled (fs.watchFile) rather than watched with inotify: a mounted ConfigMap is
 * replaced through a symlink swap that inotify on the file itself misses.
 */
export function createSupergraphSource(options: SupergraphSourceOptions): SupergraphSource {
  const { logger, metrics } = options;
  const file = options.sdl === undefined ? (options.file ?? supergraphPath) : undefined;
  let text = options.sdl ?? readSupergraph(file);
  let policy = readAuthorizationPolicy(text);
  let update: SupergraphSdlUpdateFunction | undefined;

  const reload = (): ReloadOutcome => {
    const outcome = tryReload();
    metrics.supergraphReloads.inc({ outcome });
    return outcome;
  };
  const tryReload = (): ReloadOutcome => {
    if (!file || !update) return 'unchanged';
    let next: string;
    let nextPolicy: AuthorizationPolicy;
    try {
      next = readSupergraph(file);
      if (next === text) return 'unchanged';
      nextPolicy = readAuthorizationPolicy(next);
    } catch (error) {
      logger.error({ file, error: (error as Error).message }, 'new supergraph refused; serving the previous one');
      return 'rejected';
    }
    const previous = policy;
    policy = nextPolicy;
    try {
      update(supergraphForPlanning(next));
    } catch (error) {
      policy = previous;
      logger.error({ file, error: (error as Error).message }, 'new supergraph refused; serving the previous one');
      return 'rejected';
    }
    text = next;
    logger.info({ file }, 'supergraph reloaded');
    return 'applied';
  };

  return {
    policy: () => policy,
    reload,
    hook: async (hooks) => {
      update = hooks.update;
      const pollMs = options.pollMs ?? 1000;
      const watching = file !== undefined && pollMs > 0;
      const onChange = () => void reload();
      if (watching) fs.watchFile(file, { interval: pollMs, persistent: false }, onChange);
      return {
        supergraphSdl: supergraphForPlanning(text),
        cleanup: async () => {
          update = undefined;
          if (watching) fs.unwatchFile(file, onChange);
        },
      };
    },
  };
}
