import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { joinedSdlText, readSdl } from '../../platform/schemaFiles.ts';
import { enforceAuthDirectives } from './auth/enforceDirectives.ts';
import type { Resolvers } from './subgraph.ts';

/*
 * Building a subgraph's federated schema and guarding its fields costs a third of a second of CPU.
 * A service builds it once; a process that starts the same subgraph again (the tests start a
 * hub per file) gets the schema it built before from the same SDL text and the same resolver
 * map, which is what a schema is made of. The schema holds no request or store state: resolvers
 * reach the store only through each request's context.
 */
const built = new WeakMap<Resolvers, Map<string, GraphQLSchema>>();

/**
 * The subgraph's executable schema from its SDL files and resolvers, every field with an auth
 * directive guarded (enforceAuthDirectives). `fresh` builds one no other caller shares, for a
 * caller that changes it in place (tracing wraps its root fields).
 */
export function executableSchema(schemaFiles: string[], resolvers: Resolvers, options: { fresh?: boolean } = {}): GraphQLSchema {
  // Parsing the SDL is a good part of the work: the text read again is what a known schema is found by.
  const known = options.fresh ? undefined : built.get(resolvers)?.get(joinedSdlText(schemaFiles));
  if (known) return known;
  const { document, sdl } = readSdl(schemaFiles);
  const schema = buildSubgraphSchema({ typeDefs: document, resolvers: { Date: DateResolver, DateTime: DateTimeResolver, ...resolvers } });
  enforceAuthDirectives(schema, sdl);
  if (!options.fresh) {
    if (!built.has(resolvers)) built.set(resolvers, new Map());
    built.get(resolvers)!.set(sdl, schema);
  }
  return schema;
}
