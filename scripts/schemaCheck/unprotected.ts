import { readAuthorizationPolicy } from '../../platform/auth/policy.ts';
import { Kind, parse } from 'graphql';

/*
 * Every entry point of the graph must say who may use it: a root field with neither
 * `@authenticated` nor `@requiresScopes` would be open to any caller with a token of any role,
 * and its protection would rest on its resolver alone. Such fields are named, so the check fails.
 */
export function unprotectedRootFields(supergraphSdl: string): string[] {
  const policy = readAuthorizationPolicy(supergraphSdl);
  const missing: string[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || !['Query', 'Mutation'].includes(definition.name.value)) continue;
    for (const field of definition.fields ?? []) {
      if (field.name.value.startsWith('_')) continue;
      const coordinate = `${definition.name.value}.${field.name.value}`;
      if (!policy.fields.has(coordinate)) missing.push(coordinate);
    }
  }
  return missing;
}
