import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { supergraphForPlanning } from '../../platform/auth/policy.ts';

/*
 * What a change to the subgraphs' SDL does to the composed graph, before it is merged: the
 * working tree is composed, then compared with a base supergraph, per subgraph and for the
 * graph clients see. Changes are classed by graphql-inspector's rules:
 * breaking (a client query that worked may fail), dangerous (it may behave differently) and
 * safe. Breaking changes to the graph fail the check unless acknowledged with a reason.
 */

export type Level = 'breaking' | 'dangerous' | 'safe';

export interface SchemaChange {
  /** The subgraph whose SDL changed, or `graph` for the composed API clients see. */
  where: string;
  level: Level;
  message: string;
  /** Schema coordinate, e.g. `HealthSector.delivery`. */
  path: string;
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`; `SUBGRAPH_ADDED` or `SUBGRAPH_REMOVED` for a whole subgraph. */
  kind: string;
}

export interface SchemaCheckResult {
  /** Each error with the subgraphs it names (none when it is about the graph as a whole). */
  compositionErrors: { subgraphs: string[]; message: string }[];
  changes: SchemaChange[];
  /** Breaking changes to the graph nobody has acknowledged: these fail the check. */
  unacknowledged: SchemaChange[];
  ok: boolean;
  supergraphSdl?: string;
}

const levelOf: Record<string, Level> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

// Federation's own machinery changes whenever entities do; it is not part of anyone's contract.
const internal = /^(_|join__|link__|federation__)|\._(entities|service)\b/;

function schemasOf(supergraphSdl: string): { api: GraphQLSchema; subgraphs: Map<string, GraphQLSchema> } {
  const supergraph = Supergraph.build(supergraphForPlanning(supergraphSdl));
  const subgraphs = new Map<string, GraphQLSchema>();
  for (const subgraph of supergraph.subgraphs()) subgraphs.set(subgraph.name, subgraph.schema.toGraphQLJSSchema());
  return { api: supergraph.apiSchema().toGraphQLJSSchema(), subgraphs };
}

async function changesBetween(where: string, before: GraphQLSchema, after: GraphQLSchema): Promise<SchemaChange[]> {
  const changes: Change[] = await diff(before, after);
  return changes
    .filter((change) => !internal.test(change.path ?? ''))
    .map((change) => ({
      where,
      level: levelOf[change.criticality.level] ?? 'dangerous',
      message: change.message,
      path: change.path ?? '',
      kind: change.type as string,
    }));
}

/** What clients of the graph see change from one composed supergraph to another. */
export async function graphChanges(beforeSupergraphSdl: string, afterSupergraphSdl: string): Promise<SchemaChange[]> {
  return changesBetween('graph', schemasOf(beforeSupergraphSdl).api, schemasOf(afterSupergraphSdl).api);
}

/** Composition names subgraphs as `[health]`, `"health"` or in lists such as `[coordination, health]`. */
function subgraphsNamed(message: string, names: string[]): string[] {
  return names.filter((name) => new RegExp(`[\\["\\s,]${name}[\\]",]`).test(message));
}

export async function checkSchema(options: {
  baseSupergraphSdl: string | null;
  services: { name: string; url: string; typeDefs: DocumentNode }[];
  /** Acknowledged breaking changes: coordinate → reason. */
  acknowledged: Map<string, string>;
}): Promise<SchemaCheckResult> {
  const names = options.services.map((s) => s.name);
  const composed = composeServices(options.services);
  if (composed.errors) {
    const compositionErrors = composed.errors.map((e) => ({ subgraphs: subgraphsNamed(e.message, names), message: e.message }));
    return { compositionErrors, changes: [], unacknowledged: [], ok: false };
  }
  const supergraphSdl = composed.supergraphSdl;
  if (!options.baseSupergraphSdl) return { compositionErrors: [], changes: [], unacknowledged: [], ok: true, supergraphSdl };

  const before = schemasOf(options.baseSupergraphSdl);
  const after = schemasOf(supergraphSdl);
  const changes: SchemaChange[] = [];
  for (const name of new Set([...before.subgraphs.keys(), ...after.subgraphs.keys()])) {
    const old = before.subgraphs.get(name);
    const now = after.subgraphs.get(name);
    if (!old || !now) {
      changes.push({
        where: name,
        level: now ? 'safe' : 'breaking',
        message: `Subgraph '${name}' was ${now ? 'added' : 'removed'}`,
        path: name,
        kind: now ? 'SUBGRAPH_ADDED' : 'SUBGRAPH_REMOVED',
      });
      continue;
    }
    changes.push(...(await changesBetween(name, old, now)));
  }
  const graph = await changesBetween('graph', before.api, after.api);
  changes.push(...graph);
  const unacknowledged = graph.filter((change) => change.level === 'breaking' && !options.acknowledged.has(change.path));
  return { compositionErrors: [], changes, unacknowledged, ok: unacknowledged.length === 0, supergraphSdl };
}

/** `Type.field   # why` per line; blank lines and lines starting with # are ignored. */
export function parseAcknowledged(text: string): Map<string, string> {
  const acknowledged = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [path, ...reason] = trimmed.split('#');
    acknowledged.set(path!.trim(), reason.join('#').trim());
  }
  return acknowledged;
}

/** The result in plain words, one line per change, grouped by subgraph. */
export function describeResult(result: SchemaCheckResult, base: string): string {
  const lines: string[] = [];
  if (result.compositionErrors.length > 0) {
    lines.push(`The subgraphs do not compose (${result.compositionErrors.length} errors):`);
    for (const error of result.compositionErrors) lines.push(`  ${error.subgraphs.join(', ') || 'composition'}: ${error.message}`);
    return lines.join('\n');
  }
  if (result.changes.length === 0) return `No schema changes against ${base}.`;
  lines.push(`Schema changes against ${base}:`);
  const order: Level[] = ['breaking', 'dangerous', 'safe'];
  const sorted = [...result.changes].sort((a, b) => a.where.localeCompare(b.where) || order.indexOf(a.level) - order.indexOf(b.level));
  for (const change of sorted) lines.push(`  ${change.where.padEnd(15)} ${change.level.toUpperCase().padEnd(9)} ${change.message}`);
  const graph = result.changes.filter((c) => c.where === 'graph');
  const count = (level: Level) => graph.filter((c) => c.level === level).length;
  lines.push(`What clients see: ${count('breaking')} breaking, ${count('dangerous')} dangerous, ${count('safe')} safe.`);
  for (const change of result.unacknowledged) {
    lines.push(`Not acknowledged, so the check fails: ${change.message}`);
    lines.push(`  If it is intended, tell the graph's users and add "${change.path}  # why" to schema/acknowledged-breaking-changes.txt`);
  }
  return lines.join('\n');
}
