import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ForbiddenError, UnauthenticatedError, type Identity } from '../../../platform/auth/identity.ts';
import { describeRequirement, isMet, readAuthorizationPolicy, requirementsForField } from '../../../platform/auth/policy.ts';

/*
 * Each subgraph checks its schema's auth directives again on every field it resolves, so that a
 * field stays protected even if a request reached the subgraph some way other than through the
 * gateway's filter. The gateway removes such fields before planning; here they fail loudly.
 */

/** Wraps the resolver of every field that carries a requirement, in place. */
export function enforceAuthDirectives(schema: GraphQLSchema, sdl: string): void {
  const policy = readAuthorizationPolicy(sdl);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const requirements = requirementsForField(policy, schema, type, field.name);
      if (requirements.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, { identity: Identity }> = field.resolve ?? defaultFieldResolver;
      const guarded: typeof resolve = (source, args, context, info) => {
        const unmet = requirements.filter((requirement) => !isMet(requirement, context.identity));
        if (unmet.length > 0) {
          if (context.identity.role === 'anonymous') throw new UnauthenticatedError();
          throw new ForbiddenError(
            `Not authorized to read ${type.name}.${field.name}: it needs ${unmet.map(describeRequirement).join(', and ')}`,
            {
              field: `${type.name}.${field.name}`,
            },
          );
        }
        return resolve(source, args, context, info);
      };
      field.resolve = guarded;
    }
  }
}
