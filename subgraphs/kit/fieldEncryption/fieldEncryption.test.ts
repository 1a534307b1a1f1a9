import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../../platform/config.ts';
import { defineDocument } from '../documents.ts';
import { createLogger } from '../../../platform/logger.ts';
import { withEncryptedFields } from './encryptedDocument.ts';
import { generateKeyring, keyringFromJson, keyringToJson, withNewKey, withoutKeys, type Keyring } from './keyring.ts';
import { configuredKeyring, developmentKeyringFile, keyringFile, writeKeyringFile } from './keyringFiles.ts';
import { DamagedRecordError, openRecord, sealRecord } from './sealing.ts';

const fields = ['name', 'phone', 'address'];
const contact = { _id: 'CASE-BD-2026-000001', version: 1, name: 'Amina Rahman', phone: '+880 1711 000111', address: '12 Lake Road, Dhaka' };
const keyring = generateKeyring('health');
const seal = (record: typeof contact & Record<string, unknown>, ring: Keyring = keyring) =>
  sealRecord(ring, 'survivorContacts', record, fields);
const open = (stored: Record<string, unknown> & { _id: string }, ring: Keyring = keyring) =>
  openRecord(ring, 'survivor contact', 'survivorContacts', stored, fields);
const envelope = (stored: Record<string, unknown>) => stored.encrypted as { kid: string; fields: Record<string, string> };

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-field-keys-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('sealing a record', () => {
  it('keeps the fields only as ciphertext, with the key id, algorithm and format, and opens to the same record', () => {
    const stored = seal(contact);
    const text = JSON.stringify(stored);
    for (const value of [contact.name, contact.phone, contact.address]) expect(text).not.toContain(value);
    expect(stored).not.toHaveProperty('name');
    expect(stored.encrypted).toMatchObject({ v: 1, alg: 'A256GCM', kid: keyring.current });
    expect(open(stored)).toEqual(contact);
    expect(open(seal({ ...contact, phone: null } as never))).toEqual({ ...contact, phone: null });
  });

  it('uses a fresh IV every time: the same record sealed twice shares no ciphertext', () => {
    const [a, b] = [envelope(seal(contact)), envelope(seal(contact))];
    for (const field of fields) {
      expect(a.fields[field]).not.toBe(b.fields[field]);
      expect(Buffer.from(a.fields[field]!, 'base64url').subarray(0, 12)).not.toEqual(
        Buffer.from(b.fields[field]!, 'base64url').subarray(0, 12),
      );
    }
  });

  it('refuses, naming the record, a ciphertext moved to another record or another field, or altered by one bit', () => {
    const stored = seal(contact);
    const other = seal({ ...contact, _id: 'CASE-BD-2026-000002', name: 'Someone Else' });
    const moved = {
      ...other,
      encrypted: { ...envelope(other), fields: { ...envelope(other).fields, name: envelope(stored).fields.name } },
    };
    expect(() => open(moved)).toThrow(/"CASE-BD-2026-000002".*name fails authentication/);
    const swapped = {
      ...stored,
      encrypted: { ...envelope(stored), fields: { ...envelope(stored).fields, name: envelope(stored).fields.address } },
    };
    expect(() => open(swapped)).toThrow(/name fails authentication/);
    const bytes = Buffer.from(envelope(stored).fields.phone!, 'base64url');
    bytes[14]! ^= 1;
    const flipped = {
      ...stored,
      encrypted: { ...envelope(stored), fields: { ...envelope(stored).fields, phone: bytes.toString('base64url') } },
    };
    expect(() => open(flipped)).toThrow(DamagedRecordError);
    expect(() => open(flipped)).toThrow(/survivor contact "CASE-BD-2026-000001" \(survivorContacts\).*phone fails authentication/);
  });

  it('refuses a record under a key it does not hold, a relabelled key id, or clear text slipped in beside the ciphertext', () => {
    const stored = seal(contact);
    expect(() => open(stored, generateKeyring('health'))).toThrow(/names key "health-.*", which this service's keyring does not hold/);
    const both = withNewKey(keyring, 'health');
    const relabelled = { ...stored, encrypted: { ...envelope(stored), kid: both.current } };
    expect(() => open(relabelled, { current: both.current, keys: new Map([[both.current, keyring.keys.get(keyring.current)!]]) })).toThrow(
      /fails authentication/,
    );
    expect(() => open({ ...stored, name: 'Injected' })).toThrow(/name is stored in clear beside its ciphertext/);
    try {
      open({ ...stored, encrypted: { ...envelope(stored), fields: {} } });
      expect.unreachable();
    } catch (error) {
      expect((error as DamagedRecordError).extensions).toMatchObject({
        code: 'DAMAGED_DATA',
        id: contact._id,
        collection: 'survivorContacts',
      });
    }
  });

  it('refuses a record in clear, which anyone with access to the store could have written, except to the rotation that encrypts it', () => {
    expect(() => open(contact)).toThrow(
      /"CASE-BD-2026-000001" \(survivorContacts\) cannot be decrypted: it is stored in clear, unauthenticated/,
    );
    expect(openRecord(keyring, 'survivor contact', 'survivorContacts', contact, fields, { allowClear: true })).toEqual(contact);
  });
});

describe('keyrings', () => {
  it('round-trip through their file form, and a rotated keyring reads what the older key wrote', () => {
    const rotated = withNewKey(keyring, 'health');
    expect(rotated.current).not.toBe(keyring.current);
    const parsed = keyringFromJson(keyringToJson(rotated));
    expect(parsed.current).toBe(rotated.current);
    expect(open(seal(contact), parsed)).toEqual(contact);
    expect(envelope(seal(contact, parsed)).kid).toBe(rotated.current);
    expect(() => withoutKeys(parsed, [parsed.current])).toThrow(/cannot be retired/);
    expect([...withoutKeys(parsed, [keyring.current]).keys.keys()]).toEqual([rotated.current]);
  });

  it('refuses a file that is not a keyring, saying what is wrong', () => {
    expect(() => keyringFromJson('{')).toThrow(/not JSON/);
    const json = JSON.parse(keyringToJson(keyring));
    expect(() => keyringFromJson(JSON.stringify({ ...json, current: 'other' }))).toThrow(/"current" does not name one of its keys/);
    expect(() => keyringFromJson(JSON.stringify({ ...json, keys: [{ ...json.keys[0], k: 'c2hvcnQ' }] }))).toThrow(/is not 32 bytes long/);
    expect(() => keyringFromJson(JSON.stringify({ ...json, keys: [{ ...json.keys[0], alg: 'A128GCM' }] }))).toThrow(
      /is not an A256GCM key/,
    );
  });

  it('stops a production start that names no keyring file, naming the variable; refuses a variable naming no file', () => {
    const logger = createLogger('silent');
    const production = { mode: 'production' as const, store: 'embedded' as const, dataDir: tempDir(), country: 'bangladesh' as const };
    expect(() => configuredKeyring(production, 'social-welfare', logger)).toThrow(
      /SOCIAL_WELFARE_ENCRYPTION_KEYS_FILE must be set in production mode/,
    );
    expect(() => readConfig({ HEALTH_ENCRYPTION_KEYS_FILE: '/nowhere/keys.json' })).toThrow(
      /HEALTH_ENCRYPTION_KEYS_FILE must name a file that exists/,
    );
    const file = path.join(tempDir(), 'health.json');
    writeKeyringFile(file, keyring);
    expect(readConfig({ HEALTH_ENCRYPTION_KEYS_FILE: file }).encryptionKeyFiles).toEqual({ health: file });
    expect(configuredKeyring({ ...production, encryptionKeyFiles: { health: file } }, 'health', logger)().current).toBe(keyring.current);
  });

  it('are made once in development, outside the store, the same for every process that starts at once', () => {
    const dataDir = tempDir();
    const settings = { mode: 'development' as const, store: 'embedded' as const, dataDir, country: 'bangladesh' as const };
    const rings = Array.from({ length: 6 }, () => configuredKeyring(settings, 'health', createLogger('silent'))());
    for (const ring of rings) expect(keyringToJson(ring)).toBe(keyringToJson(rings[0]!));
    const file = developmentKeyringFile(dataDir, 'bangladesh', 'health');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['health-encryption-keys.json']);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('are read again from their file when it is replaced, so a running service writes with the key a rotation added', () => {
    const file = path.join(tempDir(), 'health.json');
    writeKeyringFile(file, keyring);
    const source = keyringFile(file);
    expect(source().current).toBe(keyring.current);
    const rotated = withNewKey(keyring, 'health');
    writeKeyringFile(file, rotated);
    expect(source().current).toBe(rotated.current);
    fs.writeFileSync(file, '{ half written');
    expect(source().current).toBe(rotated.current);
  });
});

describe('declaring encrypted fields', () => {
  it('accepts text fields only', () => {
    const spec = defineDocument<{ _id: string; note: string; count: number }>('notes', 'note', { note: String, count: Number });
    expect(withEncryptedFields(spec, ['note']).encryptedFields).toEqual(['note']);
    expect(() => withEncryptedFields(spec, ['count'])).toThrow(/notes.count cannot be encrypted: only text fields can \(it is Number\)/);
  });
});
