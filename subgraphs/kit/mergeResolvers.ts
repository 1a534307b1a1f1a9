import type { Resolvers } from './subgraph.ts';

/**
 * Merges resolver maps type by type, so a capability kept in its own folder can add fields to
 * a type another module already resolves (a later map wins on the same field).
 */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...(fields as object) };
  }
  return merged as Resolvers;
}
