import entries from './catalog.json' with { type: 'json' };

/**
 * The subgraphs that make up the hub, in the order they start, kept as data in catalog.json: the
 * compose and start scripts, the gateway, deployment and tests read it; `npm run new-sector`
 * appends to it.
 */
export interface SubgraphEntry {
  /** Folder under subgraphs/ and the subgraph's name in the supergraph. */
  readonly name: string;
  /** Port used when <NAME>_PORT is not set. */
  readonly defaultPort: number;
  /**
   * The lead ministry's subgraph, one ministry's sector subgraph, or a service of the hub itself
   * (alerts) that holds no case-level data and so keeps no audit log.
   */
  readonly role: 'coordination' | 'sector' | 'service';
}

function checked(list: unknown): readonly SubgraphEntry[] {
  const entriesOk =
    Array.isArray(list) &&
    list.every(
      (e: Partial<SubgraphEntry>) =>
        typeof e.name === 'string' &&
        /^[a-z]+(-[a-z]+)*$/.test(e.name) &&
        Number.isInteger(e.defaultPort) &&
        (e.role === 'coordination' || e.role === 'sector' || e.role === 'service'),
    ) &&
    list.filter((e: SubgraphEntry) => e.role === 'coordination').length === 1;
  if (!entriesOk) {
    throw new Error(
      'platform/catalog.json must list each subgraph as { "name": "lower-case-words", "defaultPort": <whole number>, "role": "coordination" | "sector" | "service" }, with one coordination',
    );
  }
  return list as SubgraphEntry[];
}

export const subgraphCatalog: readonly SubgraphEntry[] = checked(entries);

/** The subgraphs that keep a signed audit log of case-level reads and changes: all but the hub's own services. */
export const auditedSubgraphs: readonly string[] = subgraphCatalog.filter((entry) => entry.role !== 'service').map((entry) => entry.name);

export const sectorIds: readonly string[] = subgraphCatalog.filter((entry) => entry.role === 'sector').map((entry) => entry.name);

/** `social-welfare` → `SOCIAL_WELFARE`, the prefix of the subgraph's environment variables. */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** A sector id's name for fields and functions: `social-welfare` → `socialWelfare`. */
export function fieldPrefix(name: string): string {
  const prefix = typePrefix(name);
  return prefix.charAt(0).toLowerCase() + prefix.slice(1);
}

/** `social-welfare` → `SocialWelfare`, the prefix of the sector's GraphQL type names. */
export function typePrefix(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
