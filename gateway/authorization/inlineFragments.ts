import { Kind, visit, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/**
 * The operation with every fragment spread replaced by an inline fragment of the same type
 * condition. After this each field node stands at exactly one place in the response, so a
 * field removed for authorization has one path. The document must have passed validation
 * (no fragment cycles) and the cost limit (no fragment bombs) first.
 */
export function inlineFragments(document: DocumentNode, operation: OperationDefinitionNode): OperationDefinitionNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const inline = <T extends OperationDefinitionNode | FragmentDefinitionNode>(node: T): T =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value)!;
        return {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: spread.directives,
          selectionSet: inline(fragment).selectionSet,
        };
      },
    });
  return inline(operation);
}
