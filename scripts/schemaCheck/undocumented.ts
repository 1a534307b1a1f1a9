import { Kind, visit, type DocumentNode } from 'graphql';

/*
 * Every type, field, argument, input field and enum value a subgraph declares must say what it
 * is: the SDL is the contract that people outside the ministry read. Federation's own
 * definitions, and the extension nodes themselves (`extend type Query`), are not the
 * subgraph's to describe; their fields are.
 */

const describable = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.FIELD_DEFINITION,
  Kind.INPUT_VALUE_DEFINITION,
  Kind.ENUM_VALUE_DEFINITION,
]);

// Root types are described by their fields.
const roots = new Set(['Query', 'Mutation', 'Subscription']);

/** Schema coordinates (`Type.field(arg:)`) of everything in the SDL that has no description. */
export function undocumented(document: DocumentNode): string[] {
  const missing: string[] = [];
  const owners: string[] = [];
  visit(document, {
    enter(node) {
      if ('name' in node && node.name && 'kind' in node) {
        const name = node.name.value;
        const isType = node.kind.endsWith('TypeDefinition') || node.kind.endsWith('TypeExtension');
        const coordinate = isType
          ? name
          : node.kind === Kind.INPUT_VALUE_DEFINITION && owners.length === 2
            ? `${owners[0]}.${owners[1]}(${name}:)`
            : `${owners[0]}.${name}`;
        if (describable.has(node.kind) && !('description' in node && node.description) && !(isType && roots.has(name))) {
          missing.push(coordinate);
        }
        if (isType || node.kind === Kind.FIELD_DEFINITION) owners.push(name);
      }
      return undefined;
    },
    leave(node) {
      if (
        'name' in node &&
        node.name &&
        (node.kind.endsWith('TypeDefinition') || node.kind.endsWith('TypeExtension') || node.kind === Kind.FIELD_DEFINITION)
      ) {
        owners.pop();
      }
    },
  });
  return missing;
}
