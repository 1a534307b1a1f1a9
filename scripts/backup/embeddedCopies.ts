import fs from 'node:fs';
import path from 'node:path';
import type { HubConfig } from '../../platform/config.ts';
import { DataFolderLockedError, lockDataFolder } from '../../subgraphs/kit/store/dataFolderLock.ts';
import { collectionFileSuffix, collectionFilesIn, fileNedbLoads } from '../../subgraphs/kit/store/collectionFile.ts';
import { flushFolder, writeStaged, writeWhole } from './durableFiles.ts';
import { BackupError, describeFile, type BackupFile, type BackupManifest } from './manifest.ts';
import { encryptionKeyIds, loadedRecords, readCompleteLines } from './storeLines.ts';

/*
 * The embedded store keeps one append-only NeDB file `<collection>.db` per collection under
 * <data dir>/<country>/<subgraph>/. A backup copies the complete lines of each file into the same
 * layout under the backup folder, reading the live folder only.
 */

type EmbeddedSettings = Pick<HubConfig, 'dataDir' | 'country'>;

const lockName = 'in-use.lock';
const restoringSuffix = '.restoring';

/** The folder `npm start` holds for the whole hub of a country (scripts/start.ts). */
export const countryFolder = (root: string, country: string) => path.join(root, country);
export const subgraphFolder = (root: string, country: string, subgraph: string) => path.join(countryFolder(root, country), subgraph);

/**
 * The audit head before the audit log, so that the copied log holds every entry the copied head
 * covers even while entries are appended between the two reads; then the rest by name.
 */
function copyOrder(files: string[]): string[] {
  const rank = (file: string) => ['auditHead.db', 'auditLog.db'].indexOf(path.basename(file)) + 1 || 3;
  return [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
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
  /** Whether no process could write the folders meanwhile: the backup held them, or they are read-only. */
  stopped: boolean;
}

type Lock = { release(): Promise<void> };

/**
 * Takes a folder's lock when no live process holds it: `held` is the lock (none for a read-only
 * folder, which nothing can write), `free` false when a process holds it or this user may not
 * write it, so that someone may be writing there meanwhile. Nothing is written when not free.
 */
async function holdIfFree(dir: string): Promise<{ held: Lock | null; free: boolean }> {
  try {
    return { held: await lockDataFolder(dir, 'backup', { waitMs: 0 }), free: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof DataFolderLockedError || code === 'EACCES' || code === 'EPERM') return { held: null, free: false };
    if (code === 'EROFS') return { held: null, free: true };
    throw error;
  }
}

/**
 * Copies every subgraph's collection files into the backup folder. `npm start` holds the
 * country's folder, a subgraph run on its own may hold its folder: when none is held, the backup
 * holds them while it copies, so that no hub starts meanwhile and the copy is one point in time;
 * otherwise nothing is written into them, and each file is a point in time of its own.
 */
export async function copyEmbeddedStores(config: EmbeddedSettings, subgraphs: readonly string[], backupDir: string): Promise<EmbeddedCopy> {
  const copy: EmbeddedCopy = { files: [], keyIds: new Map(), stopped: true };
  const country = countryFolder(path.resolve(config.dataDir), config.country);
  const hub = fs.existsSync(country) ? await holdIfFree(country) : { held: null, free: true };
  copy.stopped = hub.free;
  try {
    for (const subgraph of subgraphs) {
      const live = subgraphFolder(path.resolve(config.dataDir), config.country, subgraph);
      if (!fs.existsSync(live)) continue;
      const own = hub.free ? await holdIfFree(live) : { held: null, free: false };
      copy.stopped &&= own.free;
      try {
        copyCollections(config, subgraph, live, backupDir, copy);
      } finally {
        await own.held?.release();
      }
    }
  } finally {
    await hub.held?.release();
  }
  return copy;
}

/**
 * Copies one subgraph's collection files, the audit head before the audit log. Each is read as the
 * store would load it: the file, or the copy an interrupted compaction left in its place.
 */
function copyCollections(config: EmbeddedSettings, subgraph: string, live: string, backupDir: string, copy: EmbeddedCopy): void {
  const keyIds = new Set<string>();
  for (const file of copyOrder(collectionFilesIn(live))) {
    const source = fileNedbLoads(file)!;
    if (!fs.statSync(source).isFile()) throw new BackupError(`${source} is not a regular file: the store will not open it either`);
    const bytes = readCompleteLines(source);
    const records = damagedStoreNamed(() => loadedRecords(bytes, source));
    for (const id of encryptionKeyIds(records)) keyIds.add(id);
    const target = path.join(subgraphFolder(backupDir, config.country, subgraph), path.basename(file));
    writeWhole(target, bytes);
    const collection = path.basename(file, collectionFileSuffix);
    copy.files.push(describeFile(backupDir, target, bytes, { kind: 'collection', subgraph, collection, records: records.length }));
  }
  if (keyIds.size > 0) copy.keyIds.set(subgraph, keyIds);
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
 * Writes the backup's collection files into the data folder, holding the country folder's lock
 * and each subgraph folder's, so that no hub starts on it meanwhile. Every file is first written whole beside its place and
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
    // The country's folder, as `npm start` holds it, and each subgraph's, as a subgraph run on its own may.
    const root = path.resolve(config.dataDir);
    const folders = [
      countryFolder(root, config.country),
      ...manifest.subgraphs.map((subgraph) => subgraphFolder(root, config.country, subgraph)),
    ];
    for (const folder of folders) locks.push(await lockDataFolder(folder, 'process', { waitMs: options.lockWaitMs }));
    refuseUnlessEmpty(config, manifest); // again, now that no hub can start on it
    for (const entry of manifest.files.filter((file) => file.kind === 'collection')) {
      const target = path.join(
        subgraphFolder(path.resolve(config.dataDir), config.country, entry.subgraph),
        `${entry.collection}${collectionFileSuffix}`,
      );
      writeStaged(`${target}${restoringSuffix}`, fs.readFileSync(path.join(backupDir, entry.path)));
      written.push({ temporary: `${target}${restoringSuffix}`, target });
    }
  } catch (error) {
    for (const { temporary } of written) fs.rmSync(temporary, { force: true });
    await Promise.all(locks.map((lock) => lock.release()));
    throw error instanceof DataFolderLockedError ? new BackupError(error.message) : error;
  }
  try {
    for (const { temporary, target } of written) fs.renameSync(temporary, target);
    for (const subgraph of manifest.subgraphs) flushFolder(subgraphFolder(path.resolve(config.dataDir), config.country, subgraph));
  } finally {
    await Promise.all(locks.map((lock) => lock.release()));
  }
  return manifest.subgraphs.map((subgraph) => {
    const files = manifest.files.filter((file) => file.kind === 'collection' && file.subgraph === subgraph);
    const records = files.reduce((sum, file) => sum + file.records, 0);
    return `${subgraph}: ${files.length} collections, ${records} records restored to ${subgraphFolder(path.resolve(config.dataDir), config.country, subgraph)}`;
  });
}
