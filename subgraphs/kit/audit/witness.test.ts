import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditSigner, generateAuditKey } from './auditSignatures.ts';
import { fileWitness, readWitnessFile } from './witness.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-witness-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const signer = new AuditSigner('health', generateAuditKey());
const head = (size: number) => signer.signHead(size, [], new Date('2026-11-24T12:00:00Z'));

describe('the witness file', () => {
  it('keeps every head of every replica writing it, in the order written, and survives reopening', async () => {
    const file = path.join(dir, 'bangladesh', 'health.heads.jsonl');
    const one = fileWitness(file);
    const other = fileWitness(file);
    one.record(head(1));
    other.record(head(2));
    one.record(head(3));
    await Promise.all([one.close(), other.close()]);
    const again = fileWitness(file);
    again.record(head(4));
    expect(again.read().heads.map((w) => [w.line, w.head.size])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    await again.close();
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('leaves out a last line cut short by a crash and reports any other line that is not a head', () => {
    const file = path.join(dir, 'health.heads.jsonl');
    fs.writeFileSync(
      file,
      `${JSON.stringify(head(1))}\nnot a head\n${JSON.stringify({ size: 2 })}\n${JSON.stringify(head(3)).slice(0, 40)}`,
    );
    expect(readWitnessFile(file)).toEqual({ heads: [{ line: 1, head: head(1) }], unreadable: [2, 3] });
    expect(readWitnessFile(path.join(dir, 'absent.jsonl'))).toEqual({ heads: [], unreadable: [] });
  });
});
