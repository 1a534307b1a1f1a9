import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestRecords, readCollectionFile, readCollectionLines } from '../../subgraphs/kit/store/collectionFile.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';

/*
 * Opening the embedded store reads each file once and does not rewrite it: a file compacted at the
 * last stop is left byte for byte (and inode for inode) as it was, and serves what it holds. A file
 * left mostly superseded by a stop without compaction is compacted as it is loaded.
 */

interface NoteDoc extends StoredDocument {
  text: string;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function folderWith(lines: object[]): { folder: string; file: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-open-'));
  folders.push(folder);
  const file = path.join(folder, 'notes.db');
  fs.writeFileSync(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  return { folder, file };
}

async function openAndRead(folder: string): Promise<NoteDoc[]> {
  const store = createNedbStore({ directory: folder, subgraph: 'test' });
  const notes = await store.collection<NoteDoc>('notes').find({}, { sort: { _id: 1 } });
  // Not closed: closing compacts, and what is checked here is what opening alone does.
  return notes;
}

describe('opening a collection file', () => {
  it('leaves a compacted file untouched and serves its latest versions, with its indexes', async () => {
    const { folder, file } = folderWith([
      { _id: 'a', version: 1, text: 'first' },
      { _id: 'b', version: 1, text: 'second' },
      { _id: 'a', version: 2, text: 'first, again' },
      { $$deleted: true, _id: 'b' },
      { _id: 'c', version: 1, text: 'third' },
      { $$indexCreated: { fieldName: 'text', unique: true, sparse: false } },
    ]);
    const before = fs.readFileSync(file);
    const { ino, mtimeMs } = fs.statSync(file);
    const store = createNedbStore({ directory: folder, subgraph: 'test' });
    const notes = store.collection<NoteDoc>('notes');
    expect(await notes.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', version: 2, text: 'first, again' },
      { _id: 'c', version: 1, text: 'third' },
    ]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file)).toMatchObject({ ino, mtimeMs });
    // The unique index declared in the file is in force.
    await expect(notes.insertMany([{ _id: 'd', version: 1, text: 'third' }])).rejects.toThrow(/duplicate/i);
  });

  it('loads what was appended to a file between the store opening and the collection first used, and keeps it', async () => {
    const { folder, file } = folderWith([{ _id: 'a', version: 1, text: 'first' }]);
    const store = createNedbStore({ directory: folder, subgraph: 'test' });
    fs.appendFileSync(file, `${JSON.stringify({ _id: 'b', version: 1, text: 'second' })}\n`);
    const notes = store.collection<NoteDoc>('notes');
    expect((await notes.find({}, { sort: { _id: 1 } })).map((n) => n._id)).toEqual(['a', 'b']);
    await store.close();
    expect(fs.readFileSync(file, 'utf8')).toContain('"second"');
  });

  it('compacts a file whose superseded lines outnumber its records', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => ({ _id: 'a', version: i + 1, text: `version ${i + 1}` }));
    const { folder, file } = folderWith([...lines, { _id: 'b', version: 1, text: 'other' }]);
    expect(await openAndRead(folder)).toEqual([
      { _id: 'a', version: 1500, text: 'version 1500' },
      { _id: 'b', version: 1, text: 'other' },
    ]);
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('reads a file of many reads as it reads it whole: lines across reads, one longer than a read, a cut-short end', () => {
    // Read 1 KB at a time: lines of every length up to three reads, so that line ends fall everywhere.
    const chunk = 1024;
    const lines = Array.from({ length: 300 }, (_, i) => ({
      _id: `n${i}`,
      version: 1,
      text: `${'ক'.repeat(i % 5)}${'x'.repeat((i * 79) % 3000)}`,
    }));
    lines.push({ _id: 'n3', version: 2, text: 'changed' });
    const { file } = folderWith(lines);
    const whole = fs.readFileSync(file);
    expect(whole.length).toBeGreaterThan(100 * chunk);

    const read = readCollectionFile(file, chunk);
    expect('records' in read && read.records).toEqual(latestRecords(readCollectionLines(whole)));
    expect('records' in read && read.records).toHaveLength(300);
    expect(read).toMatchObject({ recordLines: 301 });

    // Cut short at the end of a read: the last line has no line end.
    fs.writeFileSync(file, whole.subarray(0, 50 * chunk));
    expect(readCollectionFile(file, chunk)).toMatchObject({
      damaged: [{ line: expect.any(Number) as number, damage: expect.stringContaining('cut short') as string }],
    });
  });
});
