import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { envPrefix } from '../../../platform/catalog.ts';
import { warnDevelopmentKeys } from '../../../platform/auth/configuredKeys.ts';
import { createFileOnce, readJwkFile } from '../../../platform/auth/keys.ts';
import { ConfigError, type HubConfig } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { AuditLogKeys } from './auditLog.ts';
import { generateAuditKey } from './auditSignatures.ts';
import { fileWitness, memoryWitness, readWitnessFile, type WitnessRecord } from './witness.ts';

/*
 * Where a subgraph's audit key and witness come from. Production uses only what is configured
 * and stops, naming the variable, when something is missing. Development makes a key per
 * subgraph under <data dir>/keys and witnesses under <data dir>/witness; a store kept in memory
 * keeps its key and witness in memory too, since nothing of its log outlives the process.
 */

type AuditSettings = Pick<HubConfig, 'mode' | 'store' | 'dataDir' | 'country'> & Partial<Pick<HubConfig, 'audit'>>;

export const witnessDirVariable = 'CRG_AUDIT_WITNESS_DIR';
export const auditKeyVariable = (subgraph: string) => `${envPrefix(subgraph)}_AUDIT_KEY_FILE`;
export const auditPublicKeyVariable = (subgraph: string) => `${envPrefix(subgraph)}_AUDIT_PUBLIC_KEY_FILE`;

const developmentKeyFile = (dataDir: string, subgraph: string) => path.join(dataDir, 'keys', `audit-${subgraph}.jwk`);

/** The file that witnesses one subgraph's log for one country (each country has its own store). */
export function witnessFile(witnessDir: string, country: string, subgraph: string): string {
  return path.join(witnessDir, country, `${subgraph}.heads.jsonl`);
}

/** The folder of witness files: the configured one, or in development `<data dir>/witness`; none for a memory store. */
export function configuredWitnessDir(config: AuditSettings): string | undefined {
  return (
    config.audit?.witnessDir ??
    (config.mode === 'development' && config.store !== 'memory' ? path.join(config.dataDir, 'witness') : undefined)
  );
}

function jwkKey(file: string, variable: string, kind: 'private' | 'public'): KeyObject {
  const jwk = readJwkFile(file, variable);
  try {
    const key =
      kind === 'private' ? createPrivateKey({ key: jwk as never, format: 'jwk' }) : createPublicKey({ key: jwk as never, format: 'jwk' });
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // reported below
  }
  throw new ConfigError([
    `${variable}: ${file} does not hold an Ed25519 ${kind} key (a JWK with "kty": "OKP", "crv": "Ed25519"${kind === 'private' ? ' and "d"' : ''})`,
  ]);
}

/** The subgraph's private audit key and its witness, as configured. */
export async function configuredAuditLogKeys(config: AuditSettings, subgraph: string, logger: Logger): Promise<AuditLogKeys> {
  const keyFile = config.audit?.keyFiles[subgraph];
  const dir = configuredWitnessDir(config);
  if (config.mode === 'production') {
    const problems: string[] = [];
    if (!keyFile)
      problems.push(
        `${auditKeyVariable(subgraph)} must be set in production mode (this subgraph's private audit signing key, an Ed25519 JWK file kept outside the store)`,
      );
    if (!dir)
      problems.push(
        `${witnessDirVariable} must be set in production mode (the folder where signed audit heads are witnessed, kept apart from the store)`,
      );
    if (problems.length > 0) throw new ConfigError(problems);
  }
  let signingKey: KeyObject;
  if (keyFile) signingKey = jwkKey(keyFile, auditKeyVariable(subgraph), 'private');
  else if (config.store === 'memory') signingKey = generateAuditKey();
  else {
    warnDevelopmentKeys(logger, 'the audit log');
    const jwk = await createFileOnce(developmentKeyFile(config.dataDir, subgraph), () =>
      JSON.stringify(generateAuditKey().export({ format: 'jwk' })),
    );
    signingKey = createPrivateKey({ key: JSON.parse(jwk) as JsonWebKey, format: 'jwk' });
  }
  return { signingKey, witness: dir ? openWitnessFile(witnessFile(dir, config.country, subgraph)) : memoryWitness() };
}

function openWitnessFile(file: string) {
  try {
    return fileWitness(file);
  } catch (error) {
    throw new ConfigError([`${witnessDirVariable}: cannot open ${file} for appending (${(error as Error).message})`]);
  }
}

/**
 * The public key a verifier checks the subgraph's log with: the configured public key file, or
 * the public half of the configured private key, or in development the key made under the data
 * folder; null when there is none yet (no log was ever written).
 */
export function configuredAuditPublicKey(config: AuditSettings, subgraph: string): KeyObject | null {
  const publicFile = config.audit?.publicKeyFiles[subgraph];
  if (publicFile) return jwkKey(publicFile, auditPublicKeyVariable(subgraph), 'public');
  const privateFile = config.audit?.keyFiles[subgraph];
  if (privateFile) return createPublicKey(jwkKey(privateFile, auditKeyVariable(subgraph), 'private'));
  if (config.mode === 'production') {
    throw new ConfigError([
      `${auditPublicKeyVariable(subgraph)} must be set in production mode to verify the ${subgraph} audit log (the public half of its audit key, a JWK file)`,
    ]);
  }
  const developmentFile = developmentKeyFile(config.dataDir, subgraph);
  return fs.existsSync(developmentFile) ? createPublicKey(jwkKey(developmentFile, 'the development audit key', 'private')) : null;
}

/** The heads witnessed for the subgraph's log, read from its configured witness file. */
export function configuredWitnessRecord(config: AuditSettings, subgraph: string): WitnessRecord {
  const dir = configuredWitnessDir(config);
  if (dir) return readWitnessFile(witnessFile(dir, config.country, subgraph));
  if (config.mode === 'production') {
    throw new ConfigError([`${witnessDirVariable} must be set in production mode to verify audit logs against their witness`]);
  }
  return { heads: [], unreadable: [] };
}
