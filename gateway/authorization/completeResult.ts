import {
  Kind,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { placeholderAlias, typenameAlias, type AuthorizedOperation } from './authorizeOperation.ts';

/*
 * Puts back, as null, every field `authorizeOperation` removed, so the answer has the shape the
 * caller asked for. A removed non-null field cannot be null, so, as GraphQL execution itself
 * does, the null moves up to the nearest position that may be null.
 */

type Json = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  removed: AuthorizedOperation['removed'];
  variables: Record<string, unknown>;
}

function included(node: FieldNode | { directives?: FieldNode['directives'] }, variables: Record<string, unknown>): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

function appliesTo(walk: Walk, condition: string | undefined, runtime: GraphQLCompositeType): boolean {
  if (!condition || condition === runtime.name) return true;
  const type = walk.schema.getType(condition);
  return Boolean(type && isAbstractType(type) && isObjectType(runtime) && walk.schema.isSubType(type, runtime));
}

/** Returns true when the object must become null because a non-null field in it is missing. */
function completeObject(walk: Walk, value: Json, staticType: GraphQLCompositeType, selectionSet: SelectionSetNode): boolean {
  const runtimeName = value[typenameAlias];
  const runtime = (typeof runtimeName === 'string' ? walk.schema.getType(runtimeName) : staticType) as GraphQLCompositeType;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!included(selection, walk.variables) || !appliesTo(walk, selection.typeCondition?.name.value, runtime)) continue;
      if (completeObject(walk, value, staticType, selection.selectionSet)) return true;
      continue;
    }
    if (selection.kind !== Kind.FIELD || !included(selection, walk.variables)) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value.startsWith('__')) continue;
    const fields = 'getFields' in runtime ? runtime.getFields() : {};
    const definition = fields[selection.name.value];
    if (!definition) continue;
    if (walk.removed.has(selection)) {
      if (isNonNullType(definition.type)) return true;
      value[key] = null;
      continue;
    }
    if (selection.selectionSet && value[key] !== null && value[key] !== undefined) {
      if (completeValue(walk, value[key], definition.type, selection.selectionSet)) {
        if (isNonNullType(definition.type)) return true;
        value[key] = null;
      }
    }
  }
  delete value[typenameAlias];
  delete value[placeholderAlias];
  return false;
}

function completeValue(walk: Walk, value: unknown, type: GraphQLOutputType, selectionSet: SelectionSetNode): boolean {
  if (value === null || value === undefined) return false;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i += 1) {
      if (completeValue(walk, items[i], inner.ofType, selectionSet)) {
        if (isNonNullType(inner.ofType)) return true;
        items[i] = null;
      }
    }
    return false;
  }
  const named = getNamedType(inner);
  return isCompositeType(named) ? completeObject(walk, value as Json, named, selectionSet) : false;
}

/** Completes `result` in place and adds the authorization errors to it. */
export function completeResult(
  schema: GraphQLSchema,
  authorized: AuthorizedOperation,
  variables: Record<string, unknown> | undefined,
  result: { data?: Json | null; errors?: readonly GraphQLFormattedError[] },
): void {
  const root = schema.getRootType(authorized.inlined.operation)!;
  if (result.data) {
    // Coerced as execution did, defaults included, so @skip and @include decide the same way here.
    const coerced = getVariableValues(schema, authorized.inlined.variableDefinitions ?? [], variables ?? {});
    const walk: Walk = { schema, removed: authorized.removed, variables: coerced.coerced ?? {} };
    if (completeObject(walk, result.data, root, authorized.inlined.selectionSet)) result.data = null;
  }
  result.errors = [...authorized.errors.map((error) => error.toJSON()), ...(result.errors ?? [])];
}
