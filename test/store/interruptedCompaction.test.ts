import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { seededSector, type EmbeddedSector } from './embeddedSector.ts';

/*
 * Closing the store compacts each file the crash-safe way NeDB does it: the new file is written
 * and flushed as `<collection>.db~`, then renamed over the old one. A crash at any point must
 * leave one whole version to load, and start must load it rather than refuse or lose it.
 */

interface ReportDoc extends StoredDocument {
  status: string;
}

let sector: EmbeddedSector;
let file: string;
let intact: Buffer;
let first: ReportDoc;

beforeAll(async () => {
  ({ sector, file, intact } = await seededSector('health', 'progressReports'));
  first = JSON.parse(intact.toString('utf8').split('\n')[0]!) as ReportDoc;
});
afterAll(() => sector?.remove());

const read = async () => {
  const running = await sector.start();
  try {
    return { all: await running.store.collection<ReportDoc>('progressReports').find({}, { sort: { _id: 1 } }) };
  } finally {
    await running.stop();
  }
};

describe('a compaction interrupted by a crash', () => {
  it('with only the flushed copy left (the file itself missing) loads that copy', async () => {
    const expected = (await read()).all;
    expect(expected.length).toBeGreaterThan(1);
    fs.renameSync(file, `${file}~`);
    expect((await read()).all).toEqual(expected);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(`${file}~`)).toBe(false);
  });

  it('with a half-written copy beside the file loads the file, the previous version, and is not refused', async () => {
    const expected = (await read()).all;
    const next = JSON.stringify({ ...first, version: first.version + 1, status: 'DELAYED' });
    fs.writeFileSync(`${file}~`, next.slice(0, 20));
    const { all } = await read();
    expect(all).toEqual(expected);
    expect(all.find((doc) => doc._id === first._id)).toMatchObject({ version: first.version, status: first.status });
  });
});
