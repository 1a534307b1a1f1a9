import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeToAreas } from '../../subgraphs/coordination/areas/upgradeStore.ts';
import { areaSeed } from '../../subgraphs/coordination/areas/seed/index.ts';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { LostCollectionError } from '../../subgraphs/kit/subgraph.ts';
import { rewriteAsBeforeAreas } from './beforeAreas.ts';
import { rewriteAsBeforeOrganisations } from './beforeOrganisations.ts';
import { embeddedSector, type EmbeddedSector } from './embeddedSector.ts';

/*
 * A coordination data folder written before areas were kept (no areas, bodies naming no area)
 * starts: the demo's area tree is written and its bodies sit for the country; nothing else is
 * changed, and a second start changes nothing. A folder written since whose areas were lost is
 * still refused, not silently refilled.
 */

type Doc = StoredDocument & Record<string, any>;
const collections = ['areas', 'coordinationBodies', 'frameworks', 'organisations', 'meetings', 'crisisCentres'] as const;

let coordination: EmbeddedSector;
let before: Record<(typeof collections)[number], Doc[]>;

async function read(store: Store): Promise<typeof before> {
  const all = async (name: string) => (await store.collection<Doc>(name).find({})).sort((a, b) => a._id.localeCompare(b._id));
  return Object.fromEntries(await Promise.all(collections.map(async (c) => [c, await all(c)]))) as typeof before;
}

async function folderContents(): Promise<typeof before> {
  const store = createNedbStore({ directory: coordination.folder });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const bodiesQuery = `{ coordinationBodies { id level area { id level } } areas(level: DISTRICT, withoutCrisisCentre: true) { name } }`;

beforeAll(async () => {
  coordination = await embeddedSector('coordination');
  await (await coordination.start()).stop();
  const store = createNedbStore({ directory: coordination.folder });
  try {
    await rewriteAsBeforeAreas(store);
  } finally {
    await store.close();
  }
  before = await folderContents();
});
afterAll(() => coordination?.remove());

describe('a coordination folder written before areas were kept', () => {
  it('is in the old shape to begin with', () => {
    expect(before.areas).toEqual([]);
    expect(before.coordinationBodies.length).toBeGreaterThan(1);
    expect(before.coordinationBodies.every((b) => !('areaId' in b))).toBe(true);
  });

  it('starts, with the demo areas and every body sitting for the country', async () => {
    const running = await coordination.start();
    let response;
    try {
      response = await coordination.askSubgraph(running, bodiesQuery);
    } finally {
      await running.stop();
    }
    expect(response.errors).toBeUndefined();
    const data = response.data as { coordinationBodies: { id: string; level: string; area: { id: string } }[]; areas: unknown[] };
    expect(data.coordinationBodies.map((b) => b.id).sort()).toEqual(before.coordinationBodies.map((b) => b._id).sort());
    expect(data.coordinationBodies.every((b) => b.level === 'COUNTRY' && b.area.id === 'bd')).toBe(true);
    expect(data.areas.length).toBeGreaterThan(0);
  });

  it('keeps everything else as it was, and a second start changes nothing', async () => {
    const upgraded = await folderContents();
    const seeded = areaSeed('bangladesh').sort((a, b) => a._id.localeCompare(b._id));
    expect(upgraded.areas.map((a) => [a._id, a.code, a.level, a.parentId ?? null])).toEqual(
      seeded.map((a) => [a._id, a.code, a.level, a.parentId ?? null]),
    );
    for (const body of upgraded.coordinationBodies) {
      const old = before.coordinationBodies.find((b) => b._id === body._id)!;
      const { areaId, version, ...rest } = body;
      expect(areaId).toBe('bd');
      expect(version).toBe(old.version + 1);
      expect(rest).toEqual(Object.fromEntries(Object.entries(old).filter(([k]) => k !== 'version')));
    }
    for (const name of ['frameworks', 'organisations', 'meetings', 'crisisCentres'] as const) expect(upgraded[name]).toEqual(before[name]);

    await (await coordination.start()).stop();
    expect(await folderContents()).toEqual(upgraded);
  });

  it('is refused, not refilled, when the areas of a folder written since are lost', async () => {
    const store = createNedbStore({ directory: coordination.folder });
    try {
      expect(await store.collection('areas').deleteMany({})).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    const error = await coordination.refusal();
    expect(error).toBeInstanceOf(LostCollectionError);
    expect((error as Error).message).toContain('areas (');
    expect((await folderContents()).areas).toEqual([]);
  });
});

describe('the upgrade itself', () => {
  it('upgrades a store from before organisations and areas alike, once', async () => {
    const store = createNedbStore({});
    await (await coordination.start(store)).stop();
    await rewriteAsBeforeOrganisations(store);
    await rewriteAsBeforeAreas(store);
    await (await coordination.start(store)).stop();
    const once = await read(store);
    expect(once.areas.length).toBe(areaSeed('bangladesh').length);
    expect(once.coordinationBodies.every((b) => b.areaId === 'bd' && Array.isArray(b.seats))).toBe(true);
    const repos = await openRepositories(store, coordinationSubgraph.documents);
    expect(await upgradeToAreas(repos, 'bangladesh', pino({ level: 'silent' }))).toEqual({ areas: 0, bodies: 0 });
    expect(await read(store)).toEqual(once);
  });
});
