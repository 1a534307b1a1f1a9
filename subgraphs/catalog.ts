/**
 * The subgraphs that make up the hub, in the order they start. The compose script, the start
 * script, the gateway and docker-compose all read this list; `npm run new-sector` appends to it.
 */
export interface SubgraphEntry {
  /** Folder under subgraphs/ and the subgraph's name in the supergraph. */
  readonly name: string;
  /** Port used when <NAME>_PORT is not set. */
  readonly defaultPort: number;
  /** The lead ministry's subgraph, or one ministry's sector subgraph. */
  readonly role: 'coordination' | 'sector';
}

export const subgraphCatalog: readonly SubgraphEntry[] = [
  { name: 'coordination', defaultPort: 4001, role: 'coordination' },
  { name: 'health', defaultPort: 4002, role: 'sector' },
  { name: 'police', defaultPort: 4003, role: 'sector' },
  { name: 'justice', defaultPort: 4004, role: 'sector' },
  { name: 'social-welfare', defaultPort: 4005, role: 'sector' },
  { name: 'education', defaultPort: 4006, role: 'sector' },
];

export const sectorIds: readonly string[] = subgraphCatalog.filter((entry) => entry.role === 'sector').map((entry) => entry.name);

/** `social-welfare` → `SOCIAL_WELFARE`, the prefix of the subgraph's environment variables. */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** `social-welfare` → `SocialWelfare`, the prefix of the sector's GraphQL type names. */
export function typePrefix(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
