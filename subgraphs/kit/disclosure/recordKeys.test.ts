import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordKeys, type RecordKind } from './recordKeys.ts';

/*
 * A record's key is the first four bytes of HMAC-SHA256(secret, kind NUL id), read big-endian:
 * every replica and every release must key a record alike, or the same question gets another
 * answer. Worked out here with Node's own HMAC, for secrets shorter and longer than SHA-256's
 * block and ids from empty to several blocks long, in other scripts too.
 */

const nodeKey = (secret: Buffer, kind: RecordKind, id: string) =>
  createHmac('sha256', secret).update(`${kind}\u0000${id}`).digest().readUInt32BE(0);

describe('record keys', () => {
  it("are the first four bytes of the record's HMAC-SHA256, whatever the secret's length and the id", () => {
    const ids = [
      '',
      'CASE-BD-2026-000001',
      'CASE-BD-2026-000001/police/1',
      'é',
      'বাংলাদেশ-০১',
      '😀'.repeat(40),
      'x'.repeat(55),
      'x'.repeat(56),
      'x'.repeat(200),
      'é'.repeat(111),
      'é'.repeat(112),
      '😀'.repeat(55),
      '😀'.repeat(56),
    ];
    for (let i = 0; i < 500; i++) ids.push(`CASE-ZA-2026-${String(i).padStart(6, '0')}/${i % 5}`);
    for (const secret of [randomBytes(32), randomBytes(64), randomBytes(65), randomBytes(200)]) {
      const keys = recordKeys(secret);
      for (const kind of ['case', 'referral', 'indicator-cell'] as const) {
        expect(ids.map((id) => keys.of(kind, id))).toEqual(ids.map((id) => nodeKey(secret, kind, id)));
      }
    }
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => recordKeys(randomBytes(31))).toThrow('at least 32 bytes');
  });
});
