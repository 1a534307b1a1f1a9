import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];
type Node = NonNullable<QueryPlan['node']>;

// Apollo Gateway keeps its plans and hands the same object for the same operation.
const known = new WeakMap<QueryPlan, ReadonlySet<string>>();

/** The subgraphs a query plan fetches from, whatever the nesting of its steps. */
export function planSubgraphs(plan: QueryPlan): ReadonlySet<string> {
  let names = known.get(plan);
  if (!names) {
    const found = new Set<string>();
    if (plan.node) collect(plan.node, found);
    known.set(plan, (names = found));
  }
  return names;
}

function collect(node: Node, found: Set<string>): void {
  switch (node.kind) {
    case 'Fetch':
      found.add(node.serviceName);
      return;
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) collect(child, found);
      return;
    case 'Flatten':
      return collect(node.node, found);
    case 'Condition':
      if (node.ifClause) collect(node.ifClause, found);
      if (node.elseClause) collect(node.elseClause, found);
      return;
    case 'Defer':
      if (node.primary.node) collect(node.primary.node, found);
      for (const deferred of node.deferred) if (deferred.node) collect(deferred.node, found);
      return;
    case 'Subscription':
      collect(node.primary, found);
      if (node.rest) collect(node.rest, found);
      return;
  }
}
