import {
  getNamedType,
  Kind,
  parse,
  valueFromASTUntyped,
  type DirectiveNode,
  isAbstractType,
  isObjectType,
  isUnionType,
  type DefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { Identity } from './identity.ts';

/*
 * The `@authenticated` and `@requiresScopes` directives of a schema, read into a table: the
 * gateway checks the supergraph's on every operation, and each subgraph checks its own again
 * on every field it resolves. Apollo Gateway does not enforce these directives, and
 * refuses to load a supergraph that declares them as security features it cannot enforce;
 * `supergraphForPlanning` hands it the same supergraph once the table has been built, with the
 * two features marked as enforced here.
 */

/** All of these must hold. `anyOf` is the directive's scopes argument: any inner list suffices, each in full. */
export type Requirement = { kind: 'authenticated' } | { kind: 'scopes'; anyOf: string[][] };

export interface AuthorizationPolicy {
  /** Requirements on a field, keyed `Type.field`. */
  fields: Map<string, Requirement[]>;
  /** Requirements on every use of a type. */
  types: Map<string, Requirement[]>;
}

const securityFeatures = ['authenticated', 'requiresScopes'];
const securityLink = new RegExp(
  `(@link\\(url: "https://specs\\.apollo\\.dev/(?:${securityFeatures.join('|')})/v0\\.\\d+"), for: SECURITY\\)`,
  'g',
);

function requirementsOf(directives: readonly DirectiveNode[] | undefined): Requirement[] {
  const found: Requirement[] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value === 'authenticated') found.push({ kind: 'authenticated' });
    if (directive.name.value === 'requiresScopes') {
      const argument = directive.arguments?.find((a) => a.name.value === 'scopes');
      const anyOf = argument ? (valueFromASTUntyped(argument.value) as string[][]) : [];
      found.push({ kind: 'scopes', anyOf });
    }
  }
  return found;
}

function fieldsOf(definition: DefinitionNode) {
  switch (definition.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.OBJECT_TYPE_EXTENSION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_EXTENSION:
      return definition.fields ?? [];
    default:
      return [];
  }
}

function add<K>(map: Map<K, Requirement[]>, key: K, requirements: Requirement[]) {
  if (requirements.length > 0) map.set(key, [...(map.get(key) ?? []), ...requirements]);
}

/** Reads the requirements declared anywhere in the supergraph SDL. */
export function readAuthorizationPolicy(supergraphSdl: string): AuthorizationPolicy {
  const policy: AuthorizationPolicy = { fields: new Map(), types: new Map() };
  for (const definition of parse(supergraphSdl).definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    if (definition.kind !== Kind.DIRECTIVE_DEFINITION) add(policy.types, typeName, requirementsOf(definition.directives));
    for (const field of fieldsOf(definition)) add(policy.fields, `${typeName}.${field.name.value}`, requirementsOf(field.directives));
  }
  return policy;
}

/** The supergraph as Apollo Gateway will load it, once the gateway enforces the security features itself. */
export function supergraphForPlanning(supergraphSdl: string): string {
  return supergraphSdl.replace(securityLink, '$1)');
}

export function isMet(requirement: Requirement, identity: Identity): boolean {
  if (identity.role === 'anonymous') return false;
  if (requirement.kind === 'authenticated') return true;
  return requirement.anyOf.some((all) => all.every((scope) => (identity.scopes as readonly string[]).includes(scope)));
}

/** Says in words what a requirement asks for, for error messages. */
export function describeRequirement(requirement: Requirement): string {
  if (requirement.kind === 'authenticated') return 'an authenticated caller';
  const options = requirement.anyOf.map((all) => all.join(' and '));
  return options.length === 1 ? `the scope ${options[0]}` : `one of: ${options.join('; or ')}`;
}

/**
 * Every requirement that reading `parentType.fieldName` is subject to: the field's own and its
 * parent type's, on the parent and, when the parent is abstract, on every possible type (the
 * runtime type is not known before execution, so all must hold); the field's own on each interface
 * an object parent implements; and those of the type it returns and of that type's possible types.
 *
 * The one rule for reading a field: the gateway's filter, each subgraph's re-check and the
 * gateway's decision of what may be answered from its cache all ask it.
 */
export function requirementsForField(
  policy: AuthorizationPolicy,
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType,
  fieldName: string,
): Requirement[] {
  const possible = (type: GraphQLNamedType) => (isAbstractType(type) ? schema.getPossibleTypes(type) : []);
  const interfaces = isObjectType(parentType) ? parentType.getInterfaces() : [];
  const owners: GraphQLNamedType[] = [parentType, ...possible(parentType)];
  const found: Requirement[] = [];
  for (const owner of owners) {
    found.push(...(policy.fields.get(`${owner.name}.${fieldName}`) ?? []), ...(policy.types.get(owner.name) ?? []));
  }
  // An interface's own rule is composition's merge of its implementations' (subgraphs cannot set
  // one): it holds for the interface as a whole, not for each implementation, which carries its own.
  for (const owner of interfaces) found.push(...(policy.fields.get(`${owner.name}.${fieldName}`) ?? []));
  const field = isUnionType(parentType) ? undefined : parentType.getFields()[fieldName];
  // A subgraph's `_entities` returns whichever entity the gateway's representation names: that
  // entity's rules apply to its own fields, where they resolve, not to the whole union at once.
  if (field && getNamedType(field.type).name !== '_Entity') {
    const returned = getNamedType(field.type);
    for (const kind of [returned, ...possible(returned)]) found.push(...(policy.types.get(kind.name) ?? []));
  }
  return found;
}
