import fs from 'node:fs';
import path from 'node:path';
import type { HubConfig } from '../../subgraphs/kit/config.ts';
import { DataFolderLockedError, lockDataFolder } from '../../subgraphs/kit/store/dataFolderLock.ts';
import { syncFolder, writeFileDurably } from './durableFiles.ts';
import { BackupError, describeFile, type BackupFile, type BackupManifest } from './manifest.ts';
import { encryptionKeyIds, loadedRecords, parseLines, readCompleteLines } from './storeLines.ts';

/*
 * The embedded store keeps one append-only NeDB file `<collection>.db` per collection under
 * <data dir>/<country>/<subgraph>/. A backup copies the complete lines of each file into the same
 * layout under the backup folder, reading the live folder only.
 */

type EmbeddedSettings = Pick<HubConfig, 'dataDir' | 'country'>;

const lockName = 'in-use.lock';
const collectionSuffix = '.db';
const restoringSuffix = '.restoring';

export const subgraphFolder = (root: string, country: string, subgraph: string) => path.join(root, country, subgraph);

/**
 * The audit head before the audit log, so that the copied log holds every entry the copied head
 * covers even while entries are appended between the two reads; then the rest by name.
 */
function copyOrder(names: string[]): string[] {
  const rank = (name: string) => ['auditHead.db', 'auditLog.db'].indexOf(name) + 1 || 3;
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A damaged live file stops the backup: said with what to do, since the hub will not start on it either. */
function damagedStoreNamed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    throw new BackupError(
      `${error.message}: the store file is damaged, so no backup was written; repair it first (npm run store:repair), then back up again`,
    );
  }
}

export interface EmbeddedCopy {
  files: BackupFile[];
  keyIds: Map<string, Set<string>>;
  /** Whether every subgraph folder was held by the backup, so that no hub wrote it meanwhile. */
  stopped: boolean;
}

/** Copies every subgraph's collection files into the backup folder. */
export async function copyEmbeddedStores(config: EmbeddedSettings, subgraphs: readonly string[], backupDir: string): Promise<EmbeddedCopy> {
  const copy: EmbeddedCopy = { files: [], keyIds: new Map(), stopped: true };
  for (const subgraph of subgraphs) {
    const live = subgraphFolder(path.resolve(config.dataDir), config.country, subgraph);
    if (!fs.existsSync(live)) continue;
    // Held while copying when no hub holds it, so that none starts meanwhile; otherwise the hub
    // is running, nothing is written into its folder, and each file is a point in time of its own.
    let lock: { release(): Promise<void> } | null = null;
    try {
      lock = await lockDataFolder(live, 'backup', { waitMs: 0 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A read-only folder (a mounted filesystem snapshot) has no writer to keep out; a folder this
      // user may not write, or one a hub holds, may be written meanwhile.
      if (error instanceof DataFolderLockedError || code === 'EACCES' || code === 'EPERM') copy.stopped = false;
      else if (code !== 'EROFS') throw error;
    }
    try {
      const names = fs.readdirSync(live).filter((name) => name.endsWith(collectionSuffix) && fs.statSync(path.join(live, name)).isFile());
      const keyIds = new Set<string>();
      for (const name of copyOrder(names)) {
        const source = path.join(live, name);
        const bytes = readCompleteLines(source);
        const records = loadedRecords(damagedStoreNamed(() => parseLines(bytes, source)));
        for (const id of encryptionKeyIds(records)) keyIds.add(id);
        const target = path.join(subgraphFolder(backupDir, config.country, subgraph), name);
        writeFileDurably(target, bytes);
        const collection = name.slice(0, -collectionSuffix.length);
        copy.files.push(describeFile(backupDir, target, bytes, { kind: 'collection', subgraph, collection, records: records.length }));
      }
      if (keyIds.size > 0) copy.keyIds.set(subgraph, keyIds);
    } finally {
      await lock?.release();
    }
  }
  return copy;
}

/** What a folder holds besides the lock: anything there means it holds data. */
function heldData(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name !== lockName);
}

/** Refuses, before anything is written, when any subgraph folder of the data folder already holds data. */
export function refuseUnlessEmpty(config: EmbeddedSettings, manifest: BackupManifest): void {
  for (const subgraph of manifest.subgraphs) {
    const dir = subgraphFolder(path.resolve(config.dataDir), config.country, subgraph);
    const held = heldData(dir);
    if (held.length === 0) continue;
    const interrupted = held.some((name) => name.endsWith(restoringSuffix));
    throw new BackupError(
      interrupted
        ? `${dir} holds files of a restore that was interrupted (${held.slice(0, 3).join(', ')}): delete ${path.join(path.resolve(config.dataDir), config.country)} and run restore again`
        : `${dir} already holds data (${held.slice(0, 3).join(', ')}${held.length > 3 ? ', …' : ''}): restore writes only into an empty data folder. ` +
            `Point CRG_DATA_DIR at a new folder, or move ${path.join(path.resolve(config.dataDir), config.country)} aside, and run restore again`,
    );
  }
}

/**
 * Writes the backup's collection files into the data folder, holding each subgraph folder's lock
 * so that no hub starts on it meanwhile. Every file is first written whole beside its place and
 * flushed; only then are they all renamed into place, so an interrupted restore leaves either
 * nothing in place or files that a second run names as interrupted.
 */
export async function restoreEmbeddedStores(
  config: EmbeddedSettings,
  manifest: BackupManifest,
  backupDir: string,
  options: { lockWaitMs?: number } = {},
): Promise<string[]> {
  const locks: { release(): Promise<void> }[] = [];
  const written: { temporary: string; target: string }[] = [];
  try {
    for (const subgraph of manifest.subgraphs) {
      locks.push(
        await lockDataFolder(subgraphFolder(path.resolve(config.dataDir), config.country, subgraph), 'process', {
          waitMs: options.lockWaitMs,
        }),
      );
    }
    refuseUnlessEmpty(config, manifest); // again, now that no hub can start on it
    for (const entry of manifest.files.filter((file) => file.kind === 'collection')) {
      const target = path.join(
        subgraphFolder(path.resolve(config.dataDir), config.country, entry.subgraph),
        `${entry.collection}${collectionSuffix}`,
      );
      writeFileDurably(`${target}${restoringSuffix}`, fs.readFileSync(path.join(backupDir, entry.path)), '');
      written.push({ temporary: `${target}${restoringSuffix}`, target });
    }
  } catch (error) {
    for (const { temporary } of written) fs.rmSync(temporary, { force: true });
    await Promise.all(locks.map((lock) => lock.release()));
    throw error instanceof DataFolderLockedError ? new BackupError(error.message) : error;
  }
  try {
    for (const { temporary, target } of written) fs.renameSync(temporary, target);
    for (const subgraph of manifest.subgraphs) syncFolder(subgraphFolder(path.resolve(config.dataDir), config.country, subgraph));
  } finally {
    await Promise.all(locks.map((lock) => lock.release()));
  }
  return manifest.subgraphs.map((subgraph) => {
    const files = manifest.files.filter((file) => file.kind === 'collection' && file.subgraph === subgraph);
    const records = files.reduce((sum, file) => sum + file.records, 0);
    return `${subgraph}: ${files.length} collections, ${records} records restored to ${subgraphFolder(path.resolve(config.dataDir), config.country, subgraph)}`;
  });
}
