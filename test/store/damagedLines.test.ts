import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DamagedCollectionError } from '../../subgraphs/kit/store/collectionFile.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { repairStoreFolder } from '../../subgraphs/kit/store/repairStore.ts';
import { seededSector, type EmbeddedSector } from './embeddedSector.ts';

/*
 * A collection file with a line that cannot be read: start refuses, naming the file and the line
 * and what to do, and leaves the file exactly as it was, so the record is still there to recover.
 * NeDB on its own drops such a line and rewrites the file without it.
 */

interface ReportDoc extends StoredDocument {
  note?: string | null;
  status: string;
}

let sector: EmbeddedSector;
let file: string;
/** The file as the subgraph left it when it last stopped cleanly. */
let intact: Buffer;

beforeAll(async () => {
  ({ sector, file, intact } = await seededSector('health', 'progressReports'));
});
afterAll(() => sector?.remove());

const linesOf = (content: Buffer) => content.toString('utf8').split('\n');
const refusal = () => sector.refusal();

describe('a damaged line in a collection file', () => {
  it('in the middle of the file stops start naming the file, the line and what to do, and changes nothing', async () => {
    const lines = linesOf(intact);
    expect(lines.length).toBeGreaterThan(4);
    // A line cut short where a crash or a bad disk block would cut it, with the next line intact.
    const damagedLine = lines[2]!.slice(0, 30);
    const damaged = Buffer.from([...lines.slice(0, 2), damagedLine, ...lines.slice(3)].join('\n'));
    fs.writeFileSync(file, damaged);

    const error = await refusal();
    expect(error).toBeInstanceOf(DamagedCollectionError);
    const message = (error as Error).message;
    expect(message).toContain(`${file} line 3 cannot be read: not valid JSON`);
    expect(message).toContain(JSON.stringify(damagedLine));
    expect(message).toContain('npm run store:repair');
    expect(message).toContain('npm run restore');
    expect(message).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);

    // And start refuses again, as long as nobody decides.
    expect(await refusal()).toBeInstanceOf(DamagedCollectionError);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    fs.writeFileSync(file, intact);
  });

  it('as the last line, cut short before its line end, stops start; repair sets it aside and the previous version is read', async () => {
    const [first] = linesOf(intact)
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ReportDoc)
      .filter((doc) => doc._id);
    // The next version of a record, its append cut short by a crash: never acknowledged.
    const next = JSON.stringify({ ...first, version: first!.version + 1, status: 'DELAYED', note: 'cut short' });
    const cut = next.slice(0, next.length - 12);
    const damaged = Buffer.concat([intact, Buffer.from(cut)]);
    fs.writeFileSync(file, damaged);
    const lastLine = linesOf(intact).length;

    const error = await refusal();
    expect(error).toBeInstanceOf(DamagedCollectionError);
    expect((error as Error).message).toContain(`${file} line ${lastLine} cannot be read: cut short (no line end), not valid JSON`);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);

    const repairs = await repairStoreFolder(sector.folder, new Date('2026-12-05T06:20:00Z'));
    const repaired = repairs.filter((r) => r.asideFile);
    expect(repaired.map((r) => r.file)).toEqual([file]);
    expect(repaired[0]!.setAside.map((s) => s.line)).toEqual([lastLine]);
    expect(repaired[0]!.asideFile).toBe(`${file}.damaged-20261205T062000Z`);
    expect(fs.readFileSync(repaired[0]!.asideFile!, 'utf8')).toBe(
      `# line ${lastLine} of progressReports.db: cut short (no line end), not valid JSON (${(() => {
        try {
          JSON.parse(cut);
        } catch (e) {
          return (e as Error).message;
        }
      })()!})\n${cut}\n`,
    );
    expect(fs.readFileSync(file).equals(intact)).toBe(true);

    const running = await sector.start();
    try {
      const [stored] = await running.store.collection<ReportDoc>('progressReports').find({ _id: first!._id });
      expect(stored).toMatchObject({ version: first!.version, status: first!.status });
    } finally {
      await running.stop();
    }
  });

  it('when the last line parses but lacks its line end, still refuses: the next append would be glued to it', async () => {
    const whole = fs.readFileSync(file);
    const unterminated = whole.subarray(0, whole.length - 1);
    fs.writeFileSync(file, unterminated);
    const error = await refusal();
    expect((error as Error).message).toContain(`line ${linesOf(whole).length - 1} cannot be read: cut short (no line end), starting`);
    expect(fs.readFileSync(file).equals(unterminated)).toBe(true);
    fs.writeFileSync(file, whole);
  });

  it('a file of garbage stops start naming the file, not with a stack from the store', async () => {
    const garbage = Buffer.from('\u0000\u0000\u0000PK\u0003\u0004garbage\n{"_id":\n');
    const auditFile = sector.file('auditLog');
    const before = fs.readFileSync(auditFile);
    fs.writeFileSync(auditFile, garbage);
    const error = await refusal();
    expect((error as Error).message).toContain(`${auditFile} line 1 cannot be read: not valid JSON`);
    expect((error as Error).message).toContain('(and 1 more damaged line: 2)');
    expect(fs.readFileSync(auditFile).equals(garbage)).toBe(true);
    fs.writeFileSync(auditFile, before);
    const running = await sector.start();
    await running.stop();
  });
});
