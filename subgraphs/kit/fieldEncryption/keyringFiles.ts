import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { envPrefix } from '../../../platform/catalog.ts';
import { ConfigError, type HubConfig } from '../../../platform/config.ts';
import { writeFileOnce } from '../../../platform/auth/keys.ts';
import type { Logger } from '../../../platform/logger.ts';
import { generateKeyring, keyringFromJson, keyringToJson, type Keyring, type KeyringSource } from './keyring.ts';

/*
 * Where a sector's keyring lives: never in its store. Production reads the file named by
 * <SECTOR>_ENCRYPTION_KEYS_FILE and stops when it is not set; development makes one on first
 * start under <CRG_DATA_DIR>/keys/<country>/ and says so loudly; the memory store keeps nothing,
 * so its key lives and dies with the process.
 */

export type KeyringSettings = Pick<HubConfig, 'mode' | 'store' | 'dataDir' | 'country'> & Partial<Pick<HubConfig, 'encryptionKeyFiles'>>;

/** The variable naming a sector's keyring file: `HEALTH_ENCRYPTION_KEYS_FILE`. */
export const keyringVariable = (subgraph: string) => `${envPrefix(subgraph)}_ENCRYPTION_KEYS_FILE`;

/** The development keyring of a sector, beside the development signing keys. */
export const developmentKeyringFile = (dataDir: string, country: string, subgraph: string) =>
  path.join(dataDir, 'keys', country, `${subgraph}-encryption-keys.json`);

/** Reads a keyring file, naming the file (and the variable that named it) when it cannot. */
export function readKeyringFile(file: string, variable?: string): Keyring {
  const source = variable ? `${variable}: ${file}` : file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`${source} cannot be read (${(error as Error).message})`]);
  }
  try {
    return keyringFromJson(text);
  } catch (error) {
    throw new ConfigError([`${source} is not a keyring: it ${(error as Error).message}`]);
  }
}

/** Replaces a keyring file whole (written beside it, then renamed over it), owner-only. */
export function writeKeyringFile(file: string, keyring: Keyring): void {
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  fs.writeFileSync(temporary, keyringToJson(keyring), { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/**
 * A keyring read from a file, and read again whenever the file is replaced, so a running service
 * writes with the new key as soon as a rotation has added it (and can read what it wrote). A
 * file that has gone or cannot be parsed leaves the last keyring in use.
 */
export function keyringFile(file: string, variable?: string): KeyringSource {
  let keyring = readKeyringFile(file, variable);
  let seen = stamp(file);
  return () => {
    const now = stamp(file);
    if (now !== null && now !== seen) {
      try {
        keyring = readKeyringFile(file, variable);
        seen = now;
      } catch {
        // Half-written by hand, or being replaced: keep the keyring in use and look again next time.
      }
    }
    return keyring;
  };
}

function stamp(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

/** The file a sector's keyring is in, and the variable that named it; null for the memory store. */
export function keyringLocation(config: KeyringSettings, subgraph: string): { file: string; variable?: string } | null {
  const configured = config.encryptionKeyFiles?.[subgraph];
  if (configured) return { file: configured, variable: keyringVariable(subgraph) };
  if (config.store === 'memory') return null;
  if (config.mode === 'production') {
    throw new ConfigError([
      `${keyringVariable(subgraph)} must be set in production mode (the ${subgraph} keyring for identifying details, a JSON file: docs/encryption-at-rest.md)`,
    ]);
  }
  return { file: developmentKeyringFile(config.dataDir, config.country, subgraph) };
}

// One key per sector for the whole process when nothing is kept: replicas sharing a memory store in one process read each other's records.
const processKeyrings = new Map<string, Keyring>();

/** The keyring a sector subgraph encrypts its identifying details with, as configured. */
export function configuredKeyring(config: KeyringSettings, subgraph: string, logger: Logger): KeyringSource {
  const location = keyringLocation(config, subgraph);
  if (!location) {
    if (!processKeyrings.has(subgraph)) processKeyrings.set(subgraph, generateKeyring(subgraph));
    const keyring = processKeyrings.get(subgraph)!;
    return () => keyring;
  }
  if (!location.variable) {
    logger.warn(
      `DEVELOPMENT MODE: ${subgraph} encrypts identifying details with a local keyring made by the hub itself (${location.file}). Never use this mode in production: set ${keyringVariable(subgraph)}.`,
    );
    if (!fs.existsSync(location.file)) writeFileOnce(location.file, keyringToJson(generateKeyring(subgraph)));
  }
  return keyringFile(location.file, location.variable);
}
