import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DamagedCollectionError } from '../../subgraphs/kit/store/collectionFile.ts';
import { createStore } from '../../subgraphs/kit/store/createStore.ts';
import { testSubgraphConfig } from '../support/hub.ts';
import { embeddedSector, type EmbeddedSector } from './embeddedSector.ts';

/*
 * A reader beside the running subgraph (npm run audit:verify) reads a snapshot of its files: no
 * lock taken, nothing written. Opening the store itself would wait for the lock, and NeDB would
 * rewrite every file it loads under the serving process's appends.
 */

let sector: EmbeddedSector;
beforeAll(async () => {
  sector = await embeddedSector('health');
});
afterAll(() => sector?.remove());

const config = () => ({ ...testSubgraphConfig({ country: 'bangladesh' }), store: 'embedded' as const, dataDir: sector.dataDir });

/** Every file of the folder with its bytes. */
const folderContents = () =>
  Object.fromEntries(
    fs
      .readdirSync(sector.folder)
      .filter((name) => fs.statSync(path.join(sector.folder, name)).isFile())
      .map((name) => [name, fs.readFileSync(path.join(sector.folder, name)).toString('base64')]),
  );

describe('a snapshot of an embedded store folder', () => {
  it('reads what the running subgraph holds, while it runs, without writing a byte or taking its lock', async () => {
    const running = await sector.start();
    try {
      const before = folderContents();
      const snapshot = await createStore(config(), 'health', { snapshot: true });
      for (const collection of ['auditLog', 'progressReports', 'servicePoints']) {
        expect(await snapshot.collection(collection).count({})).toBe(await running.store.collection(collection).count({}));
      }
      await expect(snapshot.collection('progressReports').deleteMany({})).rejects.toThrow(/read-only snapshot/);
      await snapshot.close();
      expect(folderContents()).toEqual(before);
      expect(await running.store.ping()).toBe(true);
    } finally {
      await running.stop();
    }
  });

  it('leaves out a last line still being appended, and refuses a line damaged before it', async () => {
    const file = sector.file('progressReports');
    const intact = fs.readFileSync(file);
    const count = async () => {
      const snapshot = await createStore(config(), 'health', { snapshot: true });
      try {
        return await snapshot.collection('progressReports').count({});
      } finally {
        await snapshot.close();
      }
    };
    const records = await count();
    fs.writeFileSync(file, Buffer.concat([intact, Buffer.from('{"_id":"in-flight","vers')]));
    expect(await count()).toBe(records);
    fs.writeFileSync(file, Buffer.concat([Buffer.from('{"_id":"damaged","vers\n'), intact]));
    await expect(count()).rejects.toBeInstanceOf(DamagedCollectionError);
    fs.writeFileSync(file, intact);
  });
});
