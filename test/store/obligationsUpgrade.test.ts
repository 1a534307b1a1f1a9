import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { LostCollectionError, upgradeLedger } from '../../subgraphs/kit/subgraph.ts';
import { startTestHub } from '../support/hub.ts';

/*
 * A South African coordination folder written before obligations were records has bodies and
 * meetings but no obligations and no reports. It starts: the duties its Act sets are added, an
 * empty collection of reports is taken as none sent (not as lost data), and a second start
 * changes nothing.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-obligations-'));
const folder = path.join(dataDir, 'south-africa', 'coordination');
const collections = ['obligations', 'bodyReports', 'coordinationBodies', 'meetings'] as const;

type Doc = StoredDocument & Record<string, any>;

async function stored(): Promise<Record<string, Doc[]>> {
  const store = createNedbStore({ directory: folder });
  try {
    return Object.fromEntries(
      await Promise.all(collections.map(async (c) => [c, await store.collection<Doc>(c).find({}, { sort: { _id: 1 } })])),
    );
  } finally {
    await store.close();
  }
}

const query = `{ obligations { id status source { section quote } assessments { label status } } }`;

async function startAndAsk() {
  const hub = await startTestHub({ country: 'south-africa', only: [], dataDir });
  try {
    const { data, errors } = await hub.query<{
      obligations: { id: string; status: string; assessments: { label: string; status: string }[] }[];
    }>(query);
    expect(errors).toBeUndefined();
    return data!.obligations;
  } finally {
    await hub.stop();
  }
}

let before: Record<string, Doc[]>;
beforeAll(async () => {
  await (await startTestHub({ country: 'south-africa', only: [], dataDir })).stop();
  const store = createNedbStore({ directory: folder });
  // Written before obligations were kept, and before the store recorded the upgrades it finished.
  const files = ['obligations', 'bodyReports', upgradeLedger].map((collection) => store.location(collection));
  await store.close();
  for (const file of files) fs.rmSync(file);
  before = await stored();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('a coordination folder written before obligations were records', () => {
  it('holds bodies and meetings, and neither obligations nor reports, to begin with', () => {
    expect(before.obligations).toEqual([]);
    expect(before.bodyReports).toEqual([]);
    expect(before.coordinationBodies!.length).toBeGreaterThan(0);
    expect(before.meetings!.length).toBeGreaterThan(0);
  });

  it("starts with the Act's duties added, and finds every meeting since 2025 unreported", async () => {
    const obligations = await startAndAsk();
    expect(obligations.map((o) => [o.id, o.status])).toEqual([
      ['za-isc-s64-1', 'NOT_MET'],
      ['za-isc-s64-3', 'NOT_MET'],
      ['za-doj-s62-2c', 'DUE'],
    ]);
    const reporting = obligations[1]!.assessments;
    expect(reporting.length).toBe(before.meetings!.filter((m) => m.bodyId === 'za-isc' && m.heldOn >= new Date('2025-01-01')).length);
    expect(reporting.every((a) => a.status === 'NOT_MET')).toBe(true);
  });

  it('keeps what was stored, adds no report, and a second start changes nothing', async () => {
    const upgraded = await stored();
    expect(upgraded.coordinationBodies).toEqual(before.coordinationBodies);
    expect(upgraded.meetings).toEqual(before.meetings);
    expect(upgraded.bodyReports).toEqual([]);
    expect(upgraded.obligations!.map((o) => o._id)).toEqual(['za-doj-s62-2c', 'za-isc-s64-1', 'za-isc-s64-3']);
    await startAndAsk();
    expect(await stored()).toEqual(upgraded);
  });
});

describe('a coordination folder written since obligations were records', () => {
  it('is refused, not refilled, when its obligations are lost but its reports are there', async () => {
    const since = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-obligations-since-'));
    try {
      await (await startTestHub({ country: 'south-africa', only: [], dataDir: since })).stop();
      const store = createNedbStore({ directory: path.join(since, 'south-africa', 'coordination') });
      try {
        expect(await store.collection('bodyReports').count({})).toBeGreaterThan(0);
        expect(await store.collection('obligations').deleteMany({})).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
      const refused = await startTestHub({ country: 'south-africa', only: [], dataDir: since }).then(
        (hub) => hub.stop().then(() => null),
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(LostCollectionError);
      expect((refused as Error).message).toContain('obligations (');
    } finally {
      fs.rmSync(since, { recursive: true, force: true });
    }
  });
});
