import type { CountryId } from '../../platform/config.ts';
import type { Draft, Repository } from './repository.ts';
import type { StoredDocument } from './store/port.ts';
import type { SubgraphDefinition } from './subgraph.ts';

/** A subgraph's demo data for one country, validated: each collection key with its documents, in the seed's order. */
type ValidatedSeed = (readonly [key: string, docs: readonly StoredDocument[]])[];

/*
 * Validating the demo data costs a fifth of a second of CPU per start. A definition's seed is
 * made from the country alone, so a process that seeds the same subgraph again (the tests start
 * a hub per file) validates it once and writes copies of the same documents into each new store:
 * no store is handed an object another holds, and what one hub writes no other sees.
 */
const validated = new WeakMap<SubgraphDefinition<any, any>, Map<CountryId, Promise<ValidatedSeed>>>();

async function validate(
  definition: SubgraphDefinition<any, any>,
  repos: Record<string, Repository<StoredDocument>>,
  country: CountryId,
): Promise<ValidatedSeed> {
  const seed: ValidatedSeed = [];
  for (const [key, drafts] of Object.entries(definition.seed(country))) {
    const repo = repos[key];
    if (!repo) throw new Error(`Seed data for ${definition.name} names an unknown collection "${key}"`);
    seed.push([key, await repo.validateMany(drafts as Draft<StoredDocument>[])]);
  }
  return seed;
}

/**
 * Writes the definition's demo data for the country through the repositories, in order, every
 * document validated as an insert validates it; returns how many documents were written.
 */
export async function writeDemoSeed(
  definition: SubgraphDefinition<any, any>,
  repos: Record<string, Repository<StoredDocument>>,
  country: CountryId,
): Promise<number> {
  if (!validated.has(definition)) validated.set(definition, new Map());
  const byCountry = validated.get(definition)!;
  if (!byCountry.has(country)) {
    // A seed that fails validation is not kept: the next start reports it again.
    byCountry.set(
      country,
      validate(definition, repos, country).catch((error: unknown) => {
        byCountry.delete(country);
        throw error;
      }),
    );
  }
  let written = 0;
  for (const [key, docs] of await byCountry.get(country)!) {
    await repos[key]!.insertValidated(structuredClone(docs) as StoredDocument[]);
    written += docs.length;
  }
  return written;
}

const filledByDefinition = new WeakMap<SubgraphDefinition<any, any>, Map<CountryId, readonly string[]>>();

/**
 * The collection keys the definition's demo data for the country fills, in the seed's order: what
 * start checks for lost collections. Made from the seed once per process, as the seed is made
 * from the country alone.
 */
export function demoSeedCollections(definition: SubgraphDefinition<any, any>, country: CountryId): readonly string[] {
  if (!filledByDefinition.has(definition)) filledByDefinition.set(definition, new Map());
  const byCountry = filledByDefinition.get(definition)!;
  if (!byCountry.has(country)) {
    const filled = Object.entries(definition.seed(country)).filter(([, drafts]) => (drafts as unknown[] | undefined)?.length);
    byCountry.set(country, Object.freeze(filled.map(([key]) => key)));
  }
  return byCountry.get(country)!;
}
