import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import { LostCollectionError, upgradeLedger } from '../../subgraphs/kit/subgraph.ts';
import { seededSector, type EmbeddedSector } from './embeddedSector.ts';

/*
 * A collection the demo data fills, found empty or gone while the others hold data: records are
 * never deleted from it, so its data was lost outside the hub. Serving on would show a sector with
 * no responsibilities as if it had none; start stops and says which collection, where, and what to do.
 */

let sector: EmbeddedSector;
let file: string;
let intact: Buffer;

beforeAll(async () => {
  ({ sector, file, intact } = await seededSector('health', 'responsibilities'));
});
afterAll(() => sector?.remove());

const refusal = () => sector.refusal();

describe('an empty or missing collection that should hold data', () => {
  it('an emptied file stops start naming the subgraph, the collection and its file, and is left as it is', async () => {
    fs.writeFileSync(file, '');
    const error = await refusal();
    expect(error).toBeInstanceOf(LostCollectionError);
    expect((error as Error).message).toBe(
      `Refusing to start the health subgraph: responsibilities (${file}) holds no record while its other collections ` +
        'hold data, and records are never deleted from it: the data was lost or emptied outside the hub. Restore the ' +
        'folder from a backup with `npm run restore`; nothing was changed.',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });

  it('a missing file stops start the same way', async () => {
    fs.rmSync(file);
    const error = await refusal();
    expect(error).toBeInstanceOf(LostCollectionError);
    expect((error as Error).message).toContain(`responsibilities (${file}) holds no record`);
  });

  it('records no upgrade as finished when it refuses: one that ran on the lost collection runs again once it is back', async () => {
    const ledger = async (use: (store: ReturnType<typeof createNedbStore>) => Promise<unknown>) => {
      const store = createNedbStore({ directory: sector.folder });
      try {
        return await use(store);
      } finally {
        await store.close();
      }
    };
    await ledger((store) => store.collection(upgradeLedger).deleteMany({}));
    expect(await refusal()).toBeInstanceOf(LostCollectionError);
    expect(await ledger((store) => store.collection(upgradeLedger).count({}))).toBe(0);
  });

  it('starts again, with every responsibility, once the file is back', async () => {
    fs.writeFileSync(file, intact);
    const running = await sector.start();
    try {
      expect(await running.store.collection('responsibilities').count({})).toBeGreaterThan(0);
      expect(await running.store.collection(upgradeLedger).count({}), 'the upgrades that ran are recorded now').toBeGreaterThan(0);
    } finally {
      await running.stop();
    }
  });
});

describe('on any store', () => {
  it('the in-memory store with a seeded collection emptied is refused too', async () => {
    const store = createNedbStore({});
    await (await sector.start(store)).stop();
    expect(await store.collection('servicePoints').deleteMany({})).toBeGreaterThan(0);
    const error = await sector.start(store).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LostCollectionError);
    expect((error as Error).message).toContain('servicePoints (the in-memory collection servicePoints) holds no record');
  });
});
