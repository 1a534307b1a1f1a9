import { digestLength, HMAC } from 'fast-sha256';

/*
 * Record keys of the cell-key method. Each counted record (a case, a referral) has a key in
 * [0, 2³²): the first four bytes of an HMAC-SHA256 of its kind and id under a secret kept
 * outside the store. The key is worked out when the record is counted and never stored, so
 * someone who reads the store, or knows a case code, cannot tell which noise its cells get.
 * A cell's key is the sum of its records' keys modulo 2³², read as a fraction of 2³²: the same
 * records always give the same key (the same question gets the same answer), and one record
 * more or less gives a key unrelated to the one before.
 */

export const keyRange = 2 ** 32;

export type RecordKind = 'case' | 'referral' | 'indicator-cell';

/** Keys records with one secret. */
export interface RecordKeys {
  of(kind: RecordKind, id: string): number;
}

export function recordKeys(secret: Buffer): RecordKeys {
  if (secret.length < 32) throw new Error(`the disclosure control secret must be at least 32 bytes (got ${secret.length})`);
  // The HMAC's keyed state is worked out once and restored for each record: a count keys every
  // case and referral of a year (240,000 at 100,000 cases), and Node's createHmac sets up the key
  // and a native object for each. The same HMAC-SHA256, bit for bit (recordKeys.test.ts).
  const hmac = new HMAC(secret);
  const digest = new Uint8Array(digestLength);
  const utf8 = new TextEncoder();
  const bytes = new Uint8Array(360);
  return {
    of: (kind, id) => {
      const text = `${kind}\u0000${id}`;
      // Into one buffer when it surely fits (UTF-8 takes at most three bytes per UTF-16 unit).
      const message = text.length * 3 <= bytes.length ? bytes.subarray(0, utf8.encodeInto(text, bytes).written) : utf8.encode(text);
      hmac.reset().update(message).finish(digest);
      return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
    },
  };
}

/** Adds (by = 1) or takes away (by = -1) a record key from a cell's key sum. */
export const addKey = (sum: number, key: number, by: 1 | -1 = 1) => (by === 1 ? (sum + key) % keyRange : (sum - key + keyRange) % keyRange);

/** A cell's key as a fraction of the range, in [0, 1). */
export const cellKeyFraction = (sum: number) => sum / keyRange;
