import type { SubgraphDefinition } from './kit/subgraph.ts';
import { subgraphCatalog } from '../platform/catalog.ts';

/** Loads a subgraph's definition from its folder (its index.ts default export). */
export async function loadSubgraphDefinition(name: string): Promise<SubgraphDefinition> {
  if (!subgraphCatalog.some((entry) => entry.name === name)) {
    throw new Error(`No subgraph named "${name}"; known: ${subgraphCatalog.map((e) => e.name).join(', ')}`);
  }
  const module = (await import(`./${name}/index.ts`)) as { default: SubgraphDefinition };
  return module.default;
}
