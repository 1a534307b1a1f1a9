import fs from 'node:fs';
import path from 'node:path';
import { subgraphCatalog } from '../../platform/catalog.ts';
import type { HubConfig } from '../../platform/config.ts';
import { copyEmbeddedStores } from './embeddedCopies.ts';
import { flushFolder, writeWhole } from './durableFiles.ts';
import {
  backupFormat,
  backupFormatVersion,
  BackupError,
  manifestName,
  notIncluded,
  type BackupFile,
  type BackupManifest,
  type Consistency,
} from './manifest.ts';
import { copyMongoDatabases } from './mongoCopies.ts';
import { copyWitnesses } from './witnessCopies.ts';

type BackupSettings = Pick<HubConfig, 'mode' | 'store' | 'dataDir' | 'country' | 'audit' | 'mongodbUri' | 'mongodbDatabasePrefix'>;

/** `backups/crg-bangladesh-embedded-20261205T061500Z`, under the current folder. */
export function defaultBackupFolder(config: Pick<HubConfig, 'country' | 'store'>, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join('backups', `crg-${config.country}-${config.store}-${stamp}`);
}

const isInside = (dir: string, parent: string) => {
  const relative = path.relative(path.resolve(parent), path.resolve(dir));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Writes a backup of every subgraph's store and of the audit witnesses into `out`, which must not
 * exist yet (or be empty) and must not be inside the data folder. It is written into `<out>.partial`
 * first and renamed to `out` once whole, so a backup folder under its own name is always complete.
 */
export async function takeBackup(config: BackupSettings, out: string, options: { now?: Date } = {}): Promise<BackupManifest> {
  const now = options.now ?? new Date();
  if (config.store === 'memory') throw new BackupError('CRG_STORE is memory: nothing is kept, so there is nothing to back up');
  if (config.store === 'embedded' && isInside(out, config.dataDir)) {
    throw new BackupError(
      `${out} is inside the data folder ${config.dataDir}: write the backup elsewhere (--out DIR), never into the live folder`,
    );
  }
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0)
    throw new BackupError(`${out} already exists and is not empty: choose a new folder (--out DIR)`);
  const partial = `${path.resolve(out)}.partial`;
  fs.rmSync(partial, { recursive: true, force: true }); // left by an interrupted backup: never a backup
  fs.mkdirSync(partial, { recursive: true, mode: 0o700 });
  try {
    const subgraphs = subgraphCatalog.map((entry) => entry.name);
    // The witnesses before the stores: see witnessCopies.ts.
    const witnesses = copyWitnesses(config, subgraphs, partial);
    let files: BackupFile[];
    let keyIds: Map<string, Set<string>>;
    let consistency: Consistency;
    if (config.store === 'embedded') {
      const copy = await copyEmbeddedStores(config, subgraphs, partial);
      ({ files, keyIds } = copy);
      consistency = copy.stopped ? 'stopped' : 'live';
    } else {
      const copy = await copyMongoDatabases({ ...config, mongodbUri: config.mongodbUri! }, subgraphs, partial);
      ({ files, keyIds } = copy);
      consistency = copy.snapshot ? 'snapshot' : 'live';
    }
    if (files.length === 0) {
      const where =
        config.store === 'embedded' ? `under ${path.resolve(config.dataDir, config.country)}` : `in MongoDB for ${config.country}`;
      throw new BackupError(
        `nothing to back up: no collection of any subgraph ${where} (are CRG_DATA_DIR, CRG_COUNTRY and CRG_STORE right?)`,
      );
    }
    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      country: config.country,
      store: config.store,
      createdAt: now.toISOString(),
      consistency,
      keyIds: Object.fromEntries([...keyIds].map(([subgraph, ids]) => [subgraph, [...ids].sort()])),
      subgraphs,
      notIncluded,
      files: [...witnesses, ...files],
    };
    writeWhole(path.join(partial, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    if (fs.existsSync(out)) fs.rmdirSync(out);
    fs.renameSync(partial, out);
    flushFolder(path.dirname(path.resolve(out)));
    return manifest;
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
