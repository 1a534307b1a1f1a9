import {
  GraphQLError,
  Kind,
  TypeInfo,
  isAbstractType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Identity } from '../../platform/auth/identity.ts';
import { inlineFragments } from './inlineFragments.ts';
import {
  describeRequirement,
  isMet,
  requirementsForField,
  type AuthorizationPolicy,
  type Requirement,
} from '../../platform/auth/policy.ts';

/*
 * Removes from an operation every field the caller may not read, before the gateway plans it,
 * so no subgraph is ever asked for it. The check runs on the operation with fragments inlined,
 * against each field's own definition on the type it is selected on, so an alias, a named or
 * inline fragment, an interface or a field another subgraph adds to an entity all meet the same
 * rule. What was removed is put back as null, with an error naming it, by `completeResult`.
 */

/** Aliases the gateway adds and takes out again; a client cannot ask for fields named so. */
export const typenameAlias = '__crgType';
export const placeholderAlias = '__crgPlaceholder';

export interface RemovedField {
  /** `Type.field` as the schema names it. */
  coordinate: string;
  /** Response keys from the root, lists not counted. */
  path: string[];
  unmet: Requirement[];
}

export interface AuthorizedOperation {
  /** The operation as it will run, with fragments inlined and unauthorized fields removed. */
  document: DocumentNode;
  /** The same operation before removal, which `completeResult` walks to put the nulls back. */
  inlined: OperationDefinitionNode;
  /** The removed field nodes. A fragment spread twice shares its nodes, and both places are completed. */
  removed: Set<FieldNode>;
  errors: GraphQLError[];
}

function selectedOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

const aliasedTypename = (alias: string): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: alias },
  name: { kind: Kind.NAME, value: '__typename' },
});

function unauthorizedFields(schema: GraphQLSchema, policy: AuthorizationPolicy, identity: Identity, operation: OperationDefinitionNode) {
  const typeInfo = new TypeInfo(schema);
  const removed: RemovedField[] = [];
  const removedNodes = new Set<FieldNode>();
  const path: string[] = [];
  const filtered = visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          const key = node.alias?.value ?? node.name.value;
          const parent = typeInfo.getParentType();
          if (node.name.value.startsWith('__') || !parent) {
            path.push(key);
            return undefined;
          }
          const requirements = requirementsForField(policy, schema, parent, node.name.value);
          const unmet = requirements.filter((requirement) => !isMet(requirement, identity));
          if (unmet.length === 0) {
            path.push(key);
            return undefined;
          }
          removed.push({ coordinate: `${parent.name}.${node.name.value}`, path: [...path, key], unmet });
          removedNodes.add(node);
          return null;
        },
        leave() {
          path.pop();
        },
      },
    }),
  );
  return { filtered, removed, removedNodes };
}

/**
 * Selection sets left empty get a placeholder, and selection sets on interfaces and unions get
 * the runtime type, which `completeResult` needs to tell which inline fragments applied.
 */
function patchSelectionSets(schema: GraphQLSchema, operation: OperationDefinitionNode): OperationDefinitionNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node): SelectionSetNode | undefined {
          const type = typeInfo.getParentType();
          const extra: FieldNode[] = [];
          if (node.selections.length === 0) extra.push(aliasedTypename(placeholderAlias));
          if (type && isAbstractType(type)) extra.push(aliasedTypename(typenameAlias));
          return extra.length > 0 ? { ...node, selections: [...node.selections, ...extra] } : undefined;
        },
      },
    }),
  );
}

/** Variables used only by removed fields would fail validation ("never used"): their definitions go too. */
function withoutUnusedVariables(operation: OperationDefinitionNode): OperationDefinitionNode {
  const used = new Set<string>();
  visit(operation.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  const variableDefinitions = operation.variableDefinitions?.filter((d) => used.has(d.variable.name.value));
  return { ...operation, variableDefinitions };
}

function errorFor(field: RemovedField, identity: Identity): GraphQLError {
  const needs = field.unmet.map(describeRequirement).join(', and ');
  return new GraphQLError(`Not authorized to read ${field.coordinate}: it needs ${needs}, which the ${identity.role} role does not have`, {
    path: field.path,
    extensions: { code: 'FORBIDDEN', field: field.coordinate },
  });
}

/**
 * Null when the caller may read everything the operation asks for (the common case, which then
 * runs unchanged); otherwise the operation to run instead and what to tell the caller.
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  policy: AuthorizationPolicy,
  identity: Identity,
  document: DocumentNode,
  operationName: string | undefined,
): AuthorizedOperation | null {
  const operation = selectedOperation(document, operationName);
  if (!operation) return null; // Apollo Server reports the missing or ambiguous operation.
  const inlined = inlineFragments(document, operation);
  const { filtered, removed, removedNodes } = unauthorizedFields(schema, policy, identity, inlined);
  if (removed.length === 0) return null;
  return {
    document: { kind: Kind.DOCUMENT, definitions: [withoutUnusedVariables(patchSelectionSets(schema, filtered))] },
    inlined,
    removed: removedNodes,
    errors: removed.map((field) => errorFor(field, identity)),
  };
}
