import { describe, expect, it } from 'vitest';
import { countries } from '../platform/config.ts';
import { subgraphCatalog } from '../platform/catalog.ts';
import { loadSubgraphDefinition } from '../subgraphs/definitions.ts';
import type { ProvenanceDoc } from '../subgraphs/kit/provenance.ts';

/*
 * The demo data says where each of its facts comes from: every record the seed writes, in every
 * collection of every subgraph and every country, names its source or says what was added to
 * make the demo work (`addedForDemo`). A record with neither would be a fact invented silently.
 */

type Seeded = ProvenanceDoc & { _id?: unknown };

/** `collection: id, id, …` for each collection holding records with neither a source nor a mark. */
function unmarked(seed: Record<string, readonly Seeded[]>): string[] {
  return Object.entries(seed).flatMap(([collection, records]) => {
    const bare = records.filter((record) => !record.addedForDemo?.trim() && !record.source?.title?.trim());
    if (bare.length === 0) return [];
    const ids = bare.slice(0, 3).map((record) => String(record._id));
    return [`${collection} (${bare.length} of ${records.length}): ${ids.join(', ')}${bare.length > 3 ? ', …' : ''}`];
  });
}

describe('every fact in the demo data has a source or an illustrative mark', () => {
  const cases = subgraphCatalog
    .filter(({ role }) => role !== 'service')
    .flatMap(({ name }) => countries.map((country) => ({ name, country })));

  it.each(cases)('$name, $country', async ({ name, country }) => {
    const definition = await loadSubgraphDefinition(name);
    const seed = definition.seed(country) as Record<string, readonly Seeded[]>;
    expect(Object.keys(seed).length).toBeGreaterThan(0);
    expect(unmarked(seed)).toEqual([]);
  });

  it('has no demo data in the hub services (they keep only what they record), so none escapes the walk', async () => {
    const services = subgraphCatalog.filter(({ role }) => role === 'service');
    for (const { name } of services) {
      const seed = (await loadSubgraphDefinition(name)).seed('bangladesh') as Record<string, readonly Seeded[]>;
      expect(Object.values(seed).flat(), name).toEqual([]);
    }
  });

  it('finds a record with neither', () => {
    expect(unmarked({ things: [{ _id: 'a', source: { title: 'An Act' } }, { _id: 'b' }, { _id: 'c', addedForDemo: ' ' }] })).toEqual([
      'things (2 of 3): b, c',
    ]);
  });
});
