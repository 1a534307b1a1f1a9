import type { Resolvers } from './subgraph.ts';

/**
 * Merges resolver maps type by type, so a capability can add its own fields, queries and
 * mutations to a subgraph without editing the resolvers of another. A field defined twice is a
 * mistake that would silently replace a resolver, so it is refused.
 */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const into = (merged[type] ??= {});
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (field in into) throw new Error(`Two resolvers for ${type}.${field}`);
        into[field] = resolver;
      }
    }
  }
  return merged;
}
