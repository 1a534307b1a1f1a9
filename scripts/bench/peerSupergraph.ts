/**
 * The committed supergraph as Hive Gateway can serve it. Hive builds its executable schema by
 * schema stitching, which moves each field with `@requires` into a separate piece of its
 * subgraph and marks that field's return type as owned there; when several subgraphs each have
 * such a field returning the same value type (every sector's `delivery: DeliveryStatus`), it
 * refuses the supergraph with `Multiple canonical definitions for "DeliveryStatus"`. A type is
 * left where it is when another object of the same subgraph refers to it, so we add one
 * `@inaccessible` object per such subgraph that does. Nothing can reach it: no plan changes.
 */
import { Kind, parse, print, type ValueNode, type DirectiveNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';

const argument = (directive: DirectiveNode, name: string): ValueNode | undefined =>
  directive.arguments?.find((a) => a.name.value === name)?.value;

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Graphs (enum values of join__Graph) by the object value types their `@requires` fields return. */
function requiredReturnTypes(supergraph: string): Map<string, Set<string>> {
  const document = parse(supergraph);
  const objects = document.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  const valueTypes = new Set(
    objects.filter((o) => !o.directives?.some((d) => d.name.value === 'join__type' && argument(d, 'key'))).map((o) => o.name.value),
  );
  const graphsByType = new Map<string, Set<string>>();
  for (const object of objects) {
    for (const field of object.fields ?? []) {
      for (const join of field.directives ?? []) {
        const graph = argument(join, 'graph');
        if (join.name.value !== 'join__field' || !argument(join, 'requires') || graph?.kind !== Kind.ENUM) continue;
        const returned = namedType(field.type);
        if (!valueTypes.has(returned)) continue;
        const graphs = graphsByType.get(returned) ?? new Set<string>();
        graphs.add(graph.value);
        graphsByType.set(returned, graphs);
      }
    }
  }
  return graphsByType;
}

export function supergraphForPeer(supergraph: string): string {
  const references = [...requiredReturnTypes(supergraph)]
    .filter(([, graphs]) => graphs.size > 1)
    .map(([typeName, graphs]) => {
      const joins = [...graphs].map((g) => `@join__type(graph: ${g})`).join(' ');
      return `type PeerReferenceTo${typeName} ${joins} @inaccessible { value: ${typeName} }`;
    });
  if (references.length === 0) return supergraph;
  return print(parse(`${supergraph}\n${references.join('\n')}\n`));
}
