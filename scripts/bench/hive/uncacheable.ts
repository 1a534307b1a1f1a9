import { readAuthorizationPolicy, type Requirement } from '../../../platform/auth/policy.ts';
import { scopes } from '../../../platform/auth/roles.ts';

/*
 * What the cached peer must never answer from its cache: every field and type of the supergraph
 * that needs more than the aggregate scopes (case-level data, contacts, the audit log), so each such
 * read reaches its subgraph and its audit log, as with ours. The same rule as our cache's
 * (gateway/cacheableOperation.ts), given to Hive in its own terms: a time to live of 0 for each
 * schema coordinate (`Type.field`, or a type), which keeps any answer selecting it out of the cache.
 */

const aggregateScopes: ReadonlySet<string> = new Set([scopes.frameworkRead, scopes.aggregatesRead, scopes.meetingsRead]);

const aggregateOnly = (requirement: Requirement) =>
  requirement.kind === 'authenticated' || requirement.anyOf.every((all) => all.every((scope) => aggregateScopes.has(scope)));

/** The schema coordinates (`Type.field` and type names) whose answers must not be kept. */
export function uncacheableCoordinates(supergraphSdl: string): string[] {
  const policy = readAuthorizationPolicy(supergraphSdl);
  return [...policy.fields, ...policy.types]
    .filter(([, requirements]) => !requirements.every(aggregateOnly))
    .map(([coordinate]) => coordinate)
    .sort();
}
