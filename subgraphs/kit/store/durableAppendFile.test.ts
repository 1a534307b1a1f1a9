import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableAppendFile } from './durableAppendFile.ts';

let dir: string;
let file: string;
let appends: DurableAppendFile;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-appends-'));
  file = path.join(dir, 'cases.db');
  appends = new DurableAppendFile(file, 0o600);
});
afterEach(async () => {
  await appends.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('appends kept open between writes', () => {
  it('add each line after the ones before, creating the file with its mode', async () => {
    await appends.append('one\n');
    await appends.append('two\nthree\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('one\ntwo\nthree\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('go to the file renamed into place since the last append, as after a compaction', async () => {
    await appends.append('old\n');
    fs.writeFileSync(`${file}~`, 'compacted\n');
    fs.renameSync(`${file}~`, file);
    await appends.append('after\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('compacted\nafter\n');
  });

  it('go to a new file at the path when the file was removed, never to the removed one', async () => {
    await appends.append('before\n');
    fs.renameSync(file, `${file}.moved`);
    await appends.append('after\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('after\n');
    expect(fs.readFileSync(`${file}.moved`, 'utf8')).toBe('before\n');
  });

  it('fail when the disk refuses, and write again once it takes them', async () => {
    await appends.append('kept\n');
    fs.renameSync(file, `${file}.kept`);
    fs.symlinkSync('/dev/full', file);
    await expect(appends.append('refused\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    fs.rmSync(file);
    fs.renameSync(`${file}.kept`, file);
    await appends.append('later\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('kept\nlater\n');
  });
});
