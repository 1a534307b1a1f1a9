import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CountryId } from '../../platform/config.ts';
import { adoptedByUpgradeNote } from '../../subgraphs/coordination/frameworks/upgradeStore.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { rewriteAsBeforeFrameworkLives } from './beforeFrameworkLives.ts';

/*
 * A coordination folder written before frameworks had a life holds one framework, without
 * status, events or funding. It starts: a framework the demo data knows by its id takes its life
 * from there and the demo's other frameworks of its line join it; one it does not know is taken
 * to be in force and says so; nothing stored is lost, and a second start changes nothing.
 */

type Doc = StoredDocument & Record<string, any>;
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** A data folder for `country` written now, then rewritten by `rewrite` into an older shape. */
async function oldFolder(country: CountryId, rewrite: (store: ReturnType<typeof createNedbStore>) => Promise<void>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-frameworks-'));
  folders.push(dataDir);
  await (await startTestHub({ country, only: [], dataDir })).stop();
  const store = createNedbStore({ directory: path.join(dataDir, country, 'coordination') });
  try {
    await rewrite(store);
  } finally {
    await store.close();
  }
  return { dataDir, country };
}

async function frameworksIn({ dataDir, country }: { dataDir: string; country: CountryId }): Promise<Doc[]> {
  const store = createNedbStore({ directory: path.join(dataDir, country, 'coordination') });
  try {
    return await store.collection<Doc>('frameworks').find({}, { sort: { _id: 1 } });
  } finally {
    await store.close();
  }
}

/** Starts the hub on the folder, asks `query`, and does `then` with the hub before stopping it. */
async function startAndAsk(folder: { dataDir: string; country: CountryId }, query: string, then?: (hub: TestHub) => Promise<void>) {
  const hub = await startTestHub({ country: folder.country, only: [], dataDir: folder.dataDir });
  try {
    const { data, errors } = await hub.query(query);
    expect(errors).toBeUndefined();
    await then?.(hub);
    return data!;
  } finally {
    await hub.stop();
  }
}

const lives = `{ framework { id } frameworks { id title status illustrative illustrativeNote events { kind on } supersededBy { id } }
  obligations(holderId: "za-doj") { id status assessments { label status } } }`;

describe('a South African folder whose one framework the demo data knows', () => {
  it('gives it its life, adds the draft it superseded, keeps what was stored, and a second start changes nothing', async () => {
    const folder = await oldFolder('south-africa', (store) => rewriteAsBeforeFrameworkLives(store));
    const before = await frameworksIn(folder);
    expect(before.map((f) => f._id)).toEqual(['za-npf-sexual-offences']);
    expect(before[0]!.status).toBeUndefined();
    expect(before[0]!.events).toBeUndefined();

    const data = await startAndAsk(folder, lives);
    expect(data.framework).toEqual({ id: 'za-npf-sexual-offences' });
    expect(data.frameworks.map((f: Doc) => [f.id, f.status, f.events.map((e: Doc) => e.kind), f.supersededBy?.id ?? null])).toEqual([
      ['za-npf-sexual-offences', 'ADOPTED', ['PUBLISHED'], null],
      ['za-npf-draft', 'SUPERSEDED', ['DRAFTED', 'DRAFTED', 'SUPERSEDED'], 'za-npf-sexual-offences'],
    ]);
    // The review duty is evaluated from the life the upgrade gave the framework.
    expect(data.obligations).toEqual([
      { id: 'za-doj-s62-2c', status: 'DUE', assessments: [{ label: '2023-04-01/2028-04-01', status: 'DUE' }] },
    ]);

    const upgraded = await frameworksIn(folder);
    const {
      version,
      status: _,
      events: __,
      fundingLines: ___,
      source: ____,
      addedForDemo: _____,
      ...kept
    } = upgraded.find((f) => f._id === 'za-npf-sexual-offences')!;
    const { version: oldVersion, ...stored } = before[0]!;
    expect(kept).toEqual(stored);
    expect(version).toBe(oldVersion + 1);

    await startAndAsk(folder, '{ framework { id } }');
    expect(await frameworksIn(folder)).toEqual(upgraded);
  });
});

describe('a Bangladeshi folder whose one framework the demo data does not know', () => {
  it('takes it to be in force and says so, adding none of the demo frameworks', async () => {
    const folder = await oldFolder('bangladesh', async (store) => {
      const frameworks = store.collection<Doc>('frameworks');
      const [current] = await frameworks.find({ _id: 'bd-vawc-integrated-services' });
      await frameworks.deleteMany({});
      await frameworks.insertMany([{ ...current!, _id: 'bd-national-plan', title: 'National Action Plan' }]);
      await rewriteAsBeforeFrameworkLives(store, ['bd-national-plan']);
    });
    const data = await startAndAsk(
      folder,
      `{ framework { id } frameworks { id title status illustrative illustrativeNote events { kind } fundingLines { id } source { title } } }`,
      async (hub) => {
        // With no event recorded, the first may not be long before the framework's period (2025-07-01).
        const record = `mutation($input: FrameworkEventInput!) { recordFrameworkEvent(input: $input) { id status events { kind on } } }`;
        const input = { frameworkId: 'bd-national-plan', kind: 'PUBLISHED', description: 'Published by the ministry' };
        const early = await hub.query(record, { input: { ...input, on: '2015-06-30' } });
        expect(early.errors?.[0]?.message).toContain(
          "on must not be before 10 years before the framework's period (2015-07-01; got 2015-06-30)",
        );
        const published = await hub.query(record, { input: { ...input, on: '2025-08-01' } });
        expect(published.errors).toBeUndefined();
        expect(published.data!.recordFrameworkEvent).toEqual({
          id: 'bd-national-plan',
          status: 'ADOPTED',
          events: [{ kind: 'PUBLISHED', on: '2025-08-01' }],
        });
      },
    );
    expect(data).toEqual({
      framework: { id: 'bd-national-plan' },
      frameworks: [
        {
          id: 'bd-national-plan',
          title: 'National Action Plan',
          status: 'ADOPTED',
          illustrative: true,
          illustrativeNote: adoptedByUpgradeNote,
          events: [],
          fundingLines: [],
          source: null,
        },
      ],
    });
  });
});

describe("a Bangladeshi folder whose framework has the demo's id but states other facts", () => {
  it('keeps it in force, vouches for none of its facts, and adds none of the demo frameworks', async () => {
    // The earlier demo data called the framework the programme's national action plan, 2018–2030.
    const folder = await oldFolder('bangladesh', async (store) => {
      const frameworks = store.collection<Doc>('frameworks');
      const [programme] = await frameworks.find({ _id: 'bd-msp-vaw' });
      await frameworks.deleteMany({});
      await frameworks.insertMany([
        {
          ...programme!,
          title: 'Multi-Sectoral Programme on Violence Against Women — National Action Plan',
          period: { start: new Date('2018-01-01'), end: new Date('2030-12-31') },
        },
      ]);
      await rewriteAsBeforeFrameworkLives(store, ['bd-msp-vaw']);
    });
    const data = await startAndAsk(
      folder,
      `{ framework { id title actions { id } } frameworks { id status illustrativeNote source { title } } }`,
    );
    expect(data.framework.id).toBe('bd-msp-vaw');
    expect(data.framework.actions.length, "the stored actions stay under the store's framework").toBeGreaterThan(0);
    expect(data.frameworks).toEqual([{ id: 'bd-msp-vaw', status: 'ADOPTED', illustrativeNote: adoptedByUpgradeNote, source: null }]);
  });
});
