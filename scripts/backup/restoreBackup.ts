import fs from 'node:fs';
import { ConfigError, type HubConfig } from '../../platform/config.ts';
import { keyringLocation, readKeyringFile } from '../../subgraphs/kit/fieldEncryption/keyringFiles.ts';
import { refuseUnlessEmpty, restoreEmbeddedStores } from './embeddedCopies.ts';
import { BackupError, type BackupManifest } from './manifest.ts';
import { restoreMongoDatabases } from './mongoCopies.ts';
import { verifyBackup } from './verifyBackup.ts';
import { restoreWitnesses, witnessTarget } from './witnessCopies.ts';

type RestoreSettings = Pick<
  HubConfig,
  'mode' | 'store' | 'dataDir' | 'country' | 'audit' | 'mongodbUri' | 'mongodbDatabasePrefix' | 'encryptionKeyFiles'
>;

/**
 * Refuses a restore whose identifying details could not be read afterwards: every key id the
 * backup's records are encrypted under must be in the sector's keyring, as configured here.
 */
function refuseWithoutKeyrings(config: RestoreSettings, manifest: BackupManifest): void {
  for (const [sector, ids] of Object.entries(manifest.keyIds)) {
    if (ids.length === 0) continue;
    const location = keyringLocation(config, sector);
    if (!location) continue;
    const named = location.variable ? `${location.file} (${location.variable})` : location.file;
    if (!fs.existsSync(location.file)) {
      throw new BackupError(
        `the ${sector} records in the backup are encrypted and there is no keyring at ${named}: put the ${sector} keyring, backed up apart, there first (without it they cannot be read)`,
      );
    }
    const keyring = readKeyringFile(location.file, location.variable);
    const missing = ids.filter((id) => !keyring.keys.has(id));
    if (missing.length > 0) {
      throw new BackupError(
        `the ${sector} keyring ${named} lacks the key${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that records in the backup are encrypted under: ` +
          `put in place the keyring as it was when the backup was taken (or one that still holds those keys)`,
      );
    }
  }
}

/**
 * Brings a backup back into the configured store: verifies it first, refuses a store that already
 * holds data or is in use, and refuses when the keyrings or the witness folder are missing, all
 * before writing anything. Returns what it did, one line per subgraph and witness.
 */
export async function restoreBackup(backupDir: string, config: RestoreSettings, options: { lockWaitMs?: number } = {}): Promise<string[]> {
  if (config.store === 'memory') throw new BackupError('CRG_STORE is memory: nothing is kept, so there is nothing to restore into');
  const { manifest, problems } = await verifyBackup(backupDir, config);
  if (problems.length > 0) {
    throw new BackupError(
      `${backupDir} fails verification, nothing was restored: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problems: npm run backup -- --verify ${backupDir})` : ''}`,
    );
  }
  if (manifest.country !== config.country) {
    throw new BackupError(
      `the backup is of ${manifest.country} and CRG_COUNTRY is ${config.country}: set CRG_COUNTRY=${manifest.country} to restore it`,
    );
  }
  if (manifest.store !== config.store) {
    throw new BackupError(
      `the backup is of the ${manifest.store} store and CRG_STORE is ${config.store}: restore it into the ${manifest.store} store`,
    );
  }
  try {
    refuseWithoutKeyrings(config, manifest);
  } catch (error) {
    if (error instanceof ConfigError) throw new BackupError(error.problems.join('; '));
    throw error;
  }
  const witnesses = witnessTarget(config, manifest);
  const lines =
    config.store === 'embedded'
      ? (refuseUnlessEmpty(config, manifest), await restoreEmbeddedStores(config, manifest, backupDir, options))
      : await restoreMongoDatabases({ ...config, mongodbUri: config.mongodbUri! }, manifest, backupDir);
  if (witnesses) lines.push(...restoreWitnesses(manifest, backupDir, witnesses));
  return lines;
}
