import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { inSpan, type Tracing } from '../../platform/tracing.ts';

/**
 * Puts a span around each root field a subgraph resolves, its queries, its mutations and the
 * entities the gateway asks it for (`_entities`): the grain at which a subgraph's work is planned.
 * The fields below one run within their root's span or in the request's, and the store calls
 * within whichever started them. A span names the type and field, and for entities their types
 * and how many: never an argument, an alias or a value.
 */
export function traceRootFields(schema: GraphQLSchema, tracing: Tracing): void {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      // The schema the gateway reads at composition, not a caller's work.
      if (field.name === '_service') continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const name = `resolve ${root.name}.${field.name}`;
      const fieldAttributes = { 'graphql.field.parent_type': root.name, 'graphql.field.name': field.name };
      field.resolve = (source, args: Record<string, unknown>, contextValue, info) => {
        const attributes = field.name === '_entities' ? { ...fieldAttributes, ...entityAttributes(args, schema) } : fieldAttributes;
        return inSpan(tracing, name, { attributes }, async () => {
          const result = await resolve(source, args, contextValue, info);
          // Entities come back as a list of promises: the span lasts until each has settled, and
          // each keeps its own outcome for the answer.
          if (Array.isArray(result)) await Promise.allSettled(result);
          return result;
        });
      };
    }
  }
}

/** The entity types asked for (only names the schema knows) and how many representations. */
function entityAttributes(args: Record<string, unknown>, schema: GraphQLSchema) {
  const representations = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
  const types = new Set<string>();
  for (const representation of representations) {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    if (typeof typename === 'string' && schema.getType(typename)) types.add(typename);
  }
  return { 'graphql.entity.types': [...types].sort(), 'graphql.entity.count': representations.length };
}
