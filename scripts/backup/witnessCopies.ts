import fs from 'node:fs';
import path from 'node:path';
import { configuredWitnessDir, witnessDirVariable, witnessFile } from '../../subgraphs/kit/audit/configuredAudit.ts';
import type { HubConfig } from '../../platform/config.ts';
import { writeWhole } from './durableFiles.ts';
import { BackupError, describeFile, type BackupFile, type BackupManifest } from './manifest.ts';
import { countLines, readCompleteLines } from './storeLines.ts';

/*
 * The audit witnesses: one file of signed tree heads per subgraph. They are copied first, before
 * any store, because a head is witnessed only after its entries and the store's head are written:
 * the stores copied after it then hold at least what the witness vouches for.
 */

type WitnessSettings = Pick<HubConfig, 'mode' | 'store' | 'dataDir' | 'country' | 'audit'>;

/** Where a backup keeps its copy of a subgraph's witness file: the same layout as the witness folder. */
export const backupWitnessFile = (backupDir: string, country: string, subgraph: string) =>
  witnessFile(path.join(backupDir, 'witness'), country, subgraph);

/** Copies the complete lines of each subgraph's witness file into the backup. */
export function copyWitnesses(config: WitnessSettings, subgraphs: readonly string[], backupDir: string): BackupFile[] {
  const dir = configuredWitnessDir(config);
  if (!dir) return [];
  const files: BackupFile[] = [];
  for (const subgraph of subgraphs) {
    const live = witnessFile(dir, config.country, subgraph);
    if (!fs.existsSync(live)) continue;
    const bytes = readCompleteLines(live);
    const heads = countLines(bytes);
    const copy = backupWitnessFile(backupDir, config.country, subgraph);
    writeWhole(copy, bytes);
    files.push(describeFile(backupDir, copy, bytes, { kind: 'witness', subgraph, records: heads }));
  }
  return files;
}

/** The witness folder a restore writes to; refuses, before anything is written, when there is none. */
export function witnessTarget(config: WitnessSettings, manifest: BackupManifest): string | undefined {
  if (!manifest.files.some((file) => file.kind === 'witness')) return undefined;
  const dir = configuredWitnessDir(config);
  if (!dir) {
    throw new BackupError(
      `the backup holds audit witnesses but ${witnessDirVariable} is not set: set it to the witness folder (kept apart from the store) and run restore again`,
    );
  }
  return dir;
}

/**
 * Puts the backup's witness files in the witness folder. A witness file already there is kept as
 * it is: a witness is never rewritten, and one that outlived the store (kept elsewhere, as it
 * should be) still vouches for entries the backup may lack, which `npm run audit:verify` then names.
 */
export function restoreWitnesses(manifest: BackupManifest, backupDir: string, dir: string): string[] {
  const lines: string[] = [];
  for (const entry of manifest.files.filter((file) => file.kind === 'witness')) {
    const target = witnessFile(dir, manifest.country, entry.subgraph);
    if (fs.existsSync(target) && fs.statSync(target).size > 0) {
      lines.push(`witness ${entry.subgraph}: kept the witness file already at ${target} (a witness is never rewritten)`);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    writeWhole(target, fs.readFileSync(path.join(backupDir, entry.path)));
    lines.push(`witness ${entry.subgraph}: ${entry.records} heads restored to ${target}`);
  }
  return lines;
}
