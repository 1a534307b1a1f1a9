import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { requirementsForField, type AuthorizationPolicy, type Requirement } from '../platform/auth/policy.ts';
import { scopes } from '../platform/auth/roles.ts';

/*
 * Which queries read only aggregate and framework data. Two rules rest on this one test: the
 * response cache serves only such answers (`isCacheableQuery`), so every other read reaches the
 * subgraph and its audit log; and the gateway takes only such queries by GET
 * (`readsFrameworkAndAggregatesOnly`, in postForPrivateReads.ts), so nothing else is put in a URL.
 * Anything needing another scope (case-level data, the audit log, identifying details) fails it.
 */

const aggregateScopes: ReadonlySet<string> = new Set([scopes.frameworkRead, scopes.aggregatesRead, scopes.meetingsRead]);

/** True when each way of meeting the requirement needs aggregate scopes only. */
function aggregateOnly(requirement: Requirement): boolean {
  return requirement.kind === 'authenticated' || requirement.anyOf.every((all) => all.every((scope) => aggregateScopes.has(scope)));
}

// Apollo keeps one parsed document per query text and drops them all when the supergraph (and so
// the policy) changes, so the answer can be kept per document object.
const decided = new WeakMap<DocumentNode, boolean>();

/** True when the operation is a query whose answer the response cache may keep. */
export function isCacheableQuery(
  schema: GraphQLSchema,
  policy: AuthorizationPolicy,
  document: DocumentNode,
  operation: 'query' | 'mutation' | 'subscription',
): boolean {
  return operation === 'query' && readsFrameworkAndAggregatesOnly(schema, policy, document);
}

/**
 * True when every field the document names, whether or not an `@include` or `@skip` keeps it,
 * needs aggregate scopes only (framework, aggregates, meetings).
 */
export function readsFrameworkAndAggregatesOnly(schema: GraphQLSchema, policy: AuthorizationPolicy, document: DocumentNode): boolean {
  let aggregate = decided.get(document);
  if (aggregate === undefined) {
    aggregate = fieldsNeedAggregateScopesOnly(schema, policy, document);
    decided.set(document, aggregate);
  }
  return aggregate;
}

function fieldsNeedAggregateScopesOnly(schema: GraphQLSchema, policy: AuthorizationPolicy, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let aggregate = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        if (!requirementsForField(policy, schema, parent, node.name.value).every(aggregateOnly)) aggregate = false;
      },
    }),
  );
  return aggregate;
}
