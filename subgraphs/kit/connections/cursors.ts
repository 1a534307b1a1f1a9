import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { readDisclosureSecret } from '../disclosure/secret.ts';

/*
 * Opaque page cursors. A cursor names a position in one list: the sort key of the record a page
 * ended on. That key can be a case code and the day it was first reported, so a cursor is
 * sealed (AES-256-GCM) rather than merely encoded: whoever holds one learns nothing from it, and
 * one that was changed, or given out for another list, opens to nothing. The list's name goes in
 * as associated data, so a cursor of one list (or of one sector's view of it) is refused by any
 * other.
 *
 * The nonce is derived from the sealed content (a synthetic IV), so one position always gets the
 * same cursor: a client may compare cursors, and the only thing two equal cursors tell is that
 * they name the same position.
 *
 * The keys are derived (HKDF, a label of their own) from the hub's disclosure-control secret,
 * which is already kept outside the store and the same for every replica, so a cursor one
 * replica gave out opens on any other. Knowing a cursor key tells nothing of that secret.
 */

/** A position: the values of the list's sort fields, most significant first. */
export type CursorKey = readonly (string | number)[];

const version = 1;
const ivBytes = 12;
const tagBytes = 16;

export interface CursorSeal {
  seal(list: string, key: CursorKey): string;
  /** The position the cursor names, or null when it is not a cursor this seal gave out for `list`. */
  open(list: string, cursor: string): CursorKey | null;
}

/** Sealing with keys derived from `secret` (at least 32 random bytes). */
export function cursorSeal(secret: Buffer): CursorSeal {
  const derived = Buffer.from(hkdfSync('sha256', secret, 'crg-page-cursors', 'v1', 64));
  const encryptionKey = derived.subarray(0, 32);
  const nonceKey = derived.subarray(32);
  return {
    seal(list, key) {
      const plain = Buffer.from(JSON.stringify(key), 'utf8');
      const iv = createHmac('sha256', nonceKey).update(list).update('\0').update(plain).digest().subarray(0, ivBytes);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: tagBytes });
      cipher.setAAD(Buffer.from(list, 'utf8'));
      const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.of(version), iv, cipher.getAuthTag(), sealed]).toString('base64url');
    },
    open(list, cursor) {
      if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
      const bytes = Buffer.from(cursor, 'base64url');
      if (bytes.length <= 1 + ivBytes + tagBytes || bytes[0] !== version) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, bytes.subarray(1, 1 + ivBytes), { authTagLength: tagBytes });
        decipher.setAAD(Buffer.from(list, 'utf8'));
        decipher.setAuthTag(bytes.subarray(1 + ivBytes, 1 + ivBytes + tagBytes));
        const plain = Buffer.concat([decipher.update(bytes.subarray(1 + ivBytes + tagBytes)), decipher.final()]);
        const key: unknown = JSON.parse(plain.toString('utf8'));
        if (!Array.isArray(key) || !key.every((v) => typeof v === 'string' || typeof v === 'number')) return null;
        return key;
      } catch {
        return null;
      }
    },
  };
}

let configured: CursorSeal | undefined;

/** The hub's cursor seal, from the configured disclosure-control secret (read once, when first needed). */
export function configuredCursorSeal(): CursorSeal {
  configured ??= cursorSeal(readDisclosureSecret());
  return configured;
}
