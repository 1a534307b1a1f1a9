import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { keyAlgorithm, type Keyring } from './keyring.ts';

/*
 * How the identifying fields of one record are kept: each field's value is encrypted on its own
 * with AES-256-GCM under the sector's current key, with a fresh random 96-bit IV, and the
 * ciphertexts are stored together, with the key id, algorithm and format version, in place of
 * the fields. The additional authenticated data binds each ciphertext to its collection, record
 * id, field, key id and format, so a ciphertext copied into another record or field, or a key id
 * changed, fails to decrypt just as an altered ciphertext does.
 */

/** The stored record's property that holds its encrypted fields. */
export const envelopeProperty = 'encrypted';
export const envelopeVersion = 1;

export interface Envelope {
  /** Format version. */
  v: typeof envelopeVersion;
  alg: typeof keyAlgorithm;
  /** The key every field was encrypted with. */
  kid: string;
  /** Field name → base64url of IV (12 bytes) ‖ ciphertext ‖ tag (16 bytes). */
  fields: Record<string, string>;
}

const ivBytes = 12;
const tagBytes = 16;

type Record_ = Record<string, unknown> & { _id: string };

/** A stored record that cannot be decrypted: reported, never dropped and never served as it is. */
export class DamagedRecordError extends GraphQLError {
  constructor(label: string, collection: string, id: string, reason: string) {
    super(
      `The ${label} "${id}" (${collection}) cannot be decrypted: ${reason}. It was altered in the store, or written with ` +
        `a key this service does not hold; restore it from a backup together with its keyring (docs/encryption-at-rest.md)`,
      { extensions: { code: 'DAMAGED_DATA', collection, id } },
    );
  }
}

function additionalData(collection: string, id: string, field: string, kid: string): Buffer {
  return Buffer.from(JSON.stringify(['crg-field', envelopeVersion, keyAlgorithm, collection, id, field, kid]));
}

/** The record as stored: `fields` removed and encrypted into the envelope. Values must be text or null. */
export function sealRecord<T extends Record_>(keyring: Keyring, collection: string, record: T, fields: readonly string[]): Record_ {
  const key = keyring.keys.get(keyring.current)!;
  const stored: Record_ = { ...record };
  const sealed: Record<string, string> = {};
  for (const field of fields) {
    const value = record[field] ?? null;
    if (value !== null && typeof value !== 'string') throw new Error(`${collection}.${field} must be text to be encrypted`);
    delete stored[field];
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
    cipher.setAAD(additionalData(collection, record._id, field, keyring.current));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    sealed[field] = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }
  stored[envelopeProperty] = { v: envelopeVersion, alg: keyAlgorithm, kid: keyring.current, fields: sealed } satisfies Envelope;
  return stored;
}

/** The envelope of a stored record; null for a record written before its fields were encrypted. */
export function envelopeOf(stored: Record<string, unknown>): Partial<Envelope> | null {
  const envelope = stored[envelopeProperty];
  return envelope === undefined ? null : envelope;
}

/**
 * The record with its fields decrypted; a record that does not decrypt and authenticate whole
 * throws DamagedRecordError naming it. A record with no envelope at all is refused too, unless
 * `allowClear` (for the rotation that encrypts records kept from before encryption): anyone who
 * can write to the store could otherwise replace a survivor's telephone with one of their choosing.
 */
export function openRecord(
  keyring: Keyring,
  label: string,
  collection: string,
  stored: Record_,
  fields: readonly string[],
  options: { allowClear?: boolean } = {},
): Record_ {
  const damaged = (reason: string) => new DamagedRecordError(label, collection, String(stored._id), reason);
  if (!(envelopeProperty in stored)) {
    if (options.allowClear) return stored;
    throw damaged(
      'it is stored in clear, unauthenticated (written before encryption, or by someone with access to the store; npm run keys:rotate encrypts it)',
    );
  }
  const envelope = envelopeOf(stored);
  if (typeof envelope !== 'object' || envelope === null || envelope.v !== envelopeVersion || envelope.alg !== keyAlgorithm) {
    throw damaged(`its envelope is not format ${envelopeVersion} ${keyAlgorithm}`);
  }
  const key = typeof envelope.kid === 'string' ? keyring.keys.get(envelope.kid) : undefined;
  if (!key) throw damaged(`it names key "${String(envelope.kid)}", which this service's keyring does not hold`);
  const sealed = envelope.fields ?? {};
  const unexpected = Object.keys(sealed).filter((field) => !fields.includes(field));
  if (unexpected.length > 0) throw damaged(`it holds fields that are not encrypted here (${unexpected.join(', ')})`);
  const record: Record_ = { ...stored };
  delete record[envelopeProperty];
  for (const field of fields) {
    if (field in stored) throw damaged(`${field} is stored in clear beside its ciphertext`);
    const packed = Buffer.from(typeof sealed[field] === 'string' ? sealed[field] : '', 'base64url');
    if (packed.length < ivBytes + tagBytes) throw damaged(`${field} is missing or truncated`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, ivBytes), { authTagLength: tagBytes });
      decipher.setAAD(additionalData(collection, String(stored._id), field, envelope.kid!));
      decipher.setAuthTag(packed.subarray(packed.length - tagBytes));
      const text = Buffer.concat([decipher.update(packed.subarray(ivBytes, packed.length - tagBytes)), decipher.final()]).toString('utf8');
      record[field] = JSON.parse(text) as unknown;
    } catch {
      throw damaged(`${field} fails authentication with key "${envelope.kid}"`);
    }
  }
  return record;
}
