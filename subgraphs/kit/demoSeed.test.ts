import { describe, expect, it } from 'vitest';
import type { CountryId } from '../../platform/config.ts';
import { demoSeedCollections, writeDemoSeed } from './demoSeed.ts';
import { defineDocument } from './documents.ts';
import { InvalidInputError } from './errors.ts';
import { openRepositories } from './repository.ts';
import { createNedbStore } from './store/nedbStore.ts';
import { defineSubgraph } from './subgraph.ts';

interface Note {
  _id: string;
  version: number;
  text: string;
  writtenOn: Date;
}
const documents = {
  notes: defineDocument<Note>('notes', 'note', { text: { type: String, required: true }, writtenOn: { type: Date, required: true } }),
};

/** A subgraph whose demo data counts how often it is made, and can be made invalid. */
function noteSubgraph(text = 'first note') {
  const made: CountryId[] = [];
  const definition = defineSubgraph({
    name: 'notes',
    schemaFiles: [],
    resolvers: {},
    documents,
    createLoaders: () => ({}),
    seed: (country) => {
      made.push(country);
      return { notes: [{ _id: `NOTE-${country}`, text, writtenOn: '2026-11-24' as unknown as Date }] };
    },
  });
  return { definition, made };
}

const freshRepos = () => openRepositories(createNedbStore({}), documents);

describe('writeDemoSeed', () => {
  it('validates a seed once per process and gives each store its own copies: a write in one is not seen in another', async () => {
    const { definition, made } = noteSubgraph();
    const first = await freshRepos();
    const second = await freshRepos();
    expect(await writeDemoSeed(definition, first, 'bangladesh')).toBe(1);
    const [written] = await first.notes.find();
    expect(written).toMatchObject({ _id: 'NOTE-bangladesh', version: 1, text: 'first note' });
    expect(written!.writtenOn).toEqual(new Date('2026-11-24'));
    await first.notes.replace({ ...written!, text: 'changed in the first store' }, 1);

    expect(await writeDemoSeed(definition, second, 'bangladesh')).toBe(1);
    expect(await second.notes.find()).toEqual([written]);
    expect(made).toEqual(['bangladesh']);
    expect((await first.notes.find())[0]).toMatchObject({ version: 2, text: 'changed in the first store' });

    await writeDemoSeed(definition, await freshRepos(), 'south-africa');
    expect(made).toEqual(['bangladesh', 'south-africa']);
  });

  it('refuses invalid demo data at every start, naming the field, and writes nothing', async () => {
    const { definition, made } = noteSubgraph('');
    for (const attempt of [1, 2]) {
      const repos = await freshRepos();
      const refused = writeDemoSeed(definition, repos, 'bangladesh');
      await expect(refused).rejects.toThrow(InvalidInputError);
      await expect(refused).rejects.toThrow(/text/);
      expect(await repos.notes.count()).toBe(0);
      expect(made).toHaveLength(attempt);
    }
  });

  it('names the collections the demo data fills, made from the seed once per country', () => {
    const { definition, made } = noteSubgraph();
    expect(demoSeedCollections(definition, 'bangladesh')).toEqual(['notes']);
    expect(demoSeedCollections(definition, 'bangladesh')).toEqual(['notes']);
    expect(made).toEqual(['bangladesh']);
    const empty = defineSubgraph({ ...definition, seed: () => ({ notes: [] }) });
    expect(demoSeedCollections(empty, 'bangladesh')).toEqual([]);
  });
});
