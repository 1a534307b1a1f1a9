import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededSector, type EmbeddedSector } from './embeddedSector.ts';

/*
 * `npm run store:repair` as an operator runs it, on the same CRG_DATA_DIR and CRG_COUNTRY: it
 * changes nothing where nothing is damaged, refuses a folder its subgraph is using, and otherwise
 * sets the damaged lines aside, beside the collection, printing exactly which.
 */

const run = promisify(execFile);

let sector: EmbeddedSector;
let file: string;
let intact: Buffer;

beforeAll(async () => {
  ({ sector, file, intact } = await seededSector('health', 'servicePoints'));
});
afterAll(() => sector?.remove());

async function repair(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, CRG_DATA_DIR: sector.dataDir, CRG_COUNTRY: 'bangladesh', CRG_STORE: 'embedded', CRG_MODE: 'development' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/storeRepair.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file of the folder with its bytes, locks aside. */
const folderContents = () =>
  Object.fromEntries(
    fs
      .readdirSync(sector.folder)
      .filter((name) => fs.statSync(path.join(sector.folder, name)).isFile())
      .map((name) => [name, fs.readFileSync(path.join(sector.folder, name)).toString('base64')]),
  );

describe('npm run store:repair', () => {
  it('says there is no damage and changes nothing when there is none', async () => {
    const before = folderContents();
    const { code, stdout } = await repair('health');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^health: \\d+ collection files in ${sector.folder}, no damaged line; nothing changed\\n`));
    expect(stdout).toContain('No damaged line found; nothing changed.');
    expect(folderContents()).toEqual(before);
  });

  it('refuses while the subgraph is running on the folder, changing nothing', async () => {
    const lines = intact.toString('utf8').split('\n');
    const damaged = Buffer.from([lines[0], '{"_id":"sp-x","na', ...lines.slice(1)].join('\n'));
    const running = await sector.start();
    try {
      fs.writeFileSync(file, damaged);
      const { code, stderr } = await repair('--country', 'bangladesh', 'health');
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `${sector.folder} is in use by a running process (its lock ${path.join(sector.folder, 'in-use.lock')} is kept fresh): ` +
          'stop its subgraph, then run the repair again. Nothing in it was changed.',
      );
      expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    } finally {
      fs.writeFileSync(file, intact);
      await running.stop();
    }
  });

  it('sets every damaged line aside with its number, rewrites the collection without them, and the subgraph starts', async () => {
    const lines = intact.toString('utf8').split('\n');
    const damaged = Buffer.from([lines[0], '{"_id":"sp-x","na', lines[1], '\u0000\u0000\u0000', ...lines.slice(2)].join('\n'));
    fs.writeFileSync(file, damaged);
    const other = sector.file('responsibilities');
    const otherBefore = fs.readFileSync(other);

    const { code, stdout } = await repair('health');
    expect(code).toBe(0);
    const aside = fs.readdirSync(sector.folder).filter((name) => name.startsWith('servicePoints.db.damaged-'));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^servicePoints\.db\.damaged-\d{8}T\d{6}Z$/);
    const asideFile = path.join(sector.folder, aside[0]!);
    expect(stdout).toContain(`health: set aside 2 damaged lines of ${file} into ${asideFile}:\n`);
    expect(stdout).toContain('  line 2: not valid JSON');
    expect(stdout).toContain('  line 4: not valid JSON');
    expect(stdout).toContain('Set aside 2 damaged lines.');
    const setAside = fs.readFileSync(asideFile, 'utf8').split('\n');
    expect(setAside).toHaveLength(5);
    expect(setAside[0]).toMatch(/^# line 2 of servicePoints\.db: not valid JSON/);
    expect(setAside[1]).toBe('{"_id":"sp-x","na');
    expect(setAside[2]).toMatch(/^# line 4 of servicePoints\.db: not valid JSON/);
    expect(setAside[3]).toBe('\u0000\u0000\u0000');
    expect(setAside[4]).toBe('');
    expect(fs.readFileSync(file).equals(intact)).toBe(true);
    expect(fs.readFileSync(other).equals(otherBefore)).toBe(true);

    const running = await sector.start();
    await running.stop();
  });
});
