import { randomBytes } from 'node:crypto';

/*
 * A sector's keyring for the identifying details it keeps: the key new records are encrypted
 * with (`current`) and the older keys still needed to read records written before a rotation.
 * On disk it is a JSON Web Key set of AES-256-GCM keys with the current key's id beside it:
 *
 *   { "current": "health-20261205T0400Z-9f3a",
 *     "keys": [{ "kty": "oct", "kid": "health-20261205T0400Z-9f3a", "alg": "A256GCM", "k": "<base64url>" }] }
 */

export const keyAlgorithm = 'A256GCM';
const keyBytes = 32;

export interface Keyring {
  /** The id of the key every new encryption uses. */
  readonly current: string;
  /** Every key this sector can read with, by id; holds `current`. */
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** The keyring as it is now: a configured keyring file is read again when it changes (after a rotation). */
export type KeyringSource = () => Keyring;

interface OctetJwk {
  kty: 'oct';
  kid: string;
  alg: typeof keyAlgorithm;
  k: string;
}

/** A key id that says whose key it is and when it was made, and cannot collide with a sibling. */
function newKeyId(owner: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '');
  return `${owner}-${stamp}Z-${randomBytes(3).toString('hex')}`;
}

/** A keyring holding one fresh random key, for `owner` (a sector id). */
export function generateKeyring(owner: string, now = new Date()): Keyring {
  const id = newKeyId(owner, now);
  return { current: id, keys: new Map([[id, randomBytes(keyBytes)]]) };
}

/** The keyring with one more fresh key, which becomes current; the older keys stay for reading. */
export function withNewKey(keyring: Keyring, owner: string, now = new Date()): Keyring {
  const id = newKeyId(owner, now);
  return { current: id, keys: new Map([...keyring.keys, [id, randomBytes(keyBytes)]]) };
}

/** The keyring without the given older keys. The current key is never retired. */
export function withoutKeys(keyring: Keyring, retired: readonly string[]): Keyring {
  if (retired.includes(keyring.current)) throw new Error(`The current key ${keyring.current} cannot be retired`);
  return { current: keyring.current, keys: new Map([...keyring.keys].filter(([id]) => !retired.includes(id))) };
}

/** The ids of the keys kept only for reading. */
export const olderKeyIds = (keyring: Keyring): string[] => [...keyring.keys.keys()].filter((id) => id !== keyring.current);

export function keyringToJson(keyring: Keyring): string {
  const keys: OctetJwk[] = [...keyring.keys].map(([kid, key]) => ({ kty: 'oct', kid, alg: keyAlgorithm, k: key.toString('base64url') }));
  return `${JSON.stringify({ current: keyring.current, keys }, null, 2)}\n`;
}

/** Parses a keyring; throws an Error saying what is wrong with it (the caller names the file). */
export function keyringFromJson(text: string): Keyring {
  let parsed: { current?: unknown; keys?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.keys)) throw new Error('has no "keys" list');
  const keys = new Map<string, Buffer>();
  for (const [index, jwk] of (parsed.keys as Partial<OctetJwk>[]).entries()) {
    const where = `key ${index + 1}${typeof jwk?.kid === 'string' ? ` (${jwk.kid})` : ''}`;
    if (jwk?.kty !== 'oct' || jwk.alg !== keyAlgorithm)
      throw new Error(`${where} is not an ${keyAlgorithm} key (kty "oct", alg "${keyAlgorithm}")`);
    if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) throw new Error(`${where} has no "kid"`);
    if (keys.has(jwk.kid)) throw new Error(`${where} appears twice`);
    const key = Buffer.from(typeof jwk.k === 'string' ? jwk.k : '', 'base64url');
    if (key.length !== keyBytes) throw new Error(`${where} is not ${keyBytes} bytes long`);
    keys.set(jwk.kid, key);
  }
  if (typeof parsed.current !== 'string' || !keys.has(parsed.current)) throw new Error('"current" does not name one of its keys');
  return { current: parsed.current, keys };
}
