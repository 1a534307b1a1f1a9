import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { requirementsForField, type AuthorizationPolicy, type Requirement } from '../platform/auth/policy.ts';
import { scopes } from '../platform/auth/roles.ts';

/*
 * Which answers may be served from the response cache: queries that read only aggregate and
 * framework data. Anything needing another scope (case-level data, the audit log, identifying
 * details) is always executed, so every such read reaches the subgraph and its audit log.
 */

const aggregateScopes: ReadonlySet<string> = new Set([scopes.frameworkRead, scopes.aggregatesRead, scopes.meetingsRead]);

/** True when each way of meeting the requirement needs aggregate scopes only. */
function aggregateOnly(requirement: Requirement): boolean {
  return requirement.kind === 'authenticated' || requirement.anyOf.every((all) => all.every((scope) => aggregateScopes.has(scope)));
}

// Apollo keeps one parsed document per query text and drops them all when the supergraph (and so
// the policy) changes, so the answer can be kept per document object.
const decided = new WeakMap<DocumentNode, boolean>();

/** True when the operation is a query whose every field and type reads aggregate data only. */
export function isCacheableQuery(
  schema: GraphQLSchema,
  policy: AuthorizationPolicy,
  document: DocumentNode,
  operation: 'query' | 'mutation' | 'subscription',
): boolean {
  if (operation !== 'query') return false;
  let cacheable = decided.get(document);
  if (cacheable === undefined) {
    cacheable = readsAggregatesOnly(schema, policy, document);
    decided.set(document, cacheable);
  }
  return cacheable;
}

function readsAggregatesOnly(schema: GraphQLSchema, policy: AuthorizationPolicy, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let cacheable = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        if (!requirementsForField(policy, schema, parent, node.name.value).every(aggregateOnly)) cacheable = false;
      },
    }),
  );
  return cacheable;
}
