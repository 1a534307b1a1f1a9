import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { supergraphForPlanning } from '../../platform/auth/policy.ts';
import type { DirectCall } from './operations.ts';

/**
 * The first subgraph calls the gateway makes for an operation (those needing no earlier answer),
 * as its query planner plans them: the bench sends these straight to their subgraphs to show
 * what the gateway adds. Entity calls need representations from earlier answers, so operations
 * list those they measure by hand.
 */
export function rootFetches(supergraphSdl: string, query: string, variables: Record<string, unknown> = {}): DirectCall[] {
  const supergraph = Supergraph.build(supergraphForPlanning(supergraphSdl));
  const planner = new QueryPlanner(supergraph);
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query)));
  const calls: DirectCall[] = [];
  const walk = (node: PlanNode | undefined, first: boolean) => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        if (first && !node.requires) {
          const used = Object.fromEntries((node.variableUsages ?? []).map((name) => [name, variables[name]]));
          calls.push({ subgraph: node.serviceName, query: node.operation, variables: used });
        }
        return;
      case 'Sequence':
        return walk(node.nodes[0], first);
      case 'Parallel':
        return node.nodes.forEach((child) => walk(child, first));
      default:
        return;
    }
  };
  walk(plan.node as PlanNode | undefined, true);
  return calls;
}

/** True when the operation is valid against the supergraph (its fields exist in this build). */
export function plannable(supergraphSdl: string, query: string): boolean {
  try {
    rootFetches(supergraphSdl, query);
    return true;
  } catch {
    return false;
  }
}

/** Every subgraph the gateway's plan for an operation calls, in the order the plan names them. */
export function plannedSubgraphs(supergraphSdl: string, query: string): string[] {
  const supergraph = Supergraph.build(supergraphForPlanning(supergraphSdl));
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query)));
  const names = new Set<string>();
  const walk = (node: PlanNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'Fetch') names.add(node.serviceName);
    else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach(walk);
    else if (node.kind === 'Flatten') walk(node.node);
    else if (node.kind === 'Condition') [node.ifClause, node.elseClause].forEach(walk);
    else if (node.kind === 'Defer') [node.primary.node, ...node.deferred.map((d) => d.node)].forEach(walk);
  };
  walk(plan.node as PlanNode | undefined);
  return [...names];
}
