/**
 * `npm run backup -- [--out DIR]`: writes a backup of every subgraph's store and of the audit
 * witnesses into DIR (by default backups/crg-<country>-<store>-<time>), with a manifest of every
 * file's SHA-256, size and record count, and verifies it. It may run while the hub runs.
 * `npm run backup -- --verify DIR`: checks a backup: every file unchanged and readable record by
 * record, and every audit log in it sound (as `npm run audit:verify`).
 * Same variables as `npm start` (CRG_STORE, CRG_DATA_DIR, CRG_COUNTRY or MONGODB_URI,
 * CRG_AUDIT_WITNESS_DIR, the audit key variables). Exits 0 when done and sound, 1 when refused or
 * when the backup fails verification, 2 when the command or the configuration is wrong.
 * Keys are never copied into a backup: docs/backups.md.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { auditedSubgraphs } from '../platform/catalog.ts';
import { configuredAuditPublicKey } from '../subgraphs/kit/audit/configuredAudit.ts';
import { ConfigError, readConfig } from '../platform/config.ts';
import { BackupError } from './backup/manifest.ts';
import { defaultBackupFolder, takeBackup } from './backup/takeBackup.ts';
import { verifyBackup } from './backup/verifyBackup.ts';

const usage = 'Usage: npm run backup -- [--out DIR]   |   npm run backup -- --verify DIR';

const consistencyNote = {
  stopped: 'the hub was stopped: the whole backup is one point in time',
  snapshot: 'read in one MongoDB snapshot: the whole backup is one point in time',
  live: 'taken while the hub ran: each collection is a point in time of its own (docs/backups.md)',
};

async function verify(dir: string): Promise<number> {
  const { problems, auditLines } = await verifyBackup(dir, readConfig());
  for (const line of auditLines) console.log(line);
  for (const problem of problems) console.error(`BROKEN  ${problem}`);
  console.log(problems.length === 0 ? `${dir}: every file is as written and every audit log verifies.` : `${dir} fails verification.`);
  return problems.length === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { out: { type: 'string' }, verify: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { out, verify: verifyDir, help } = args.values;
  if (help) {
    console.log(usage);
    return 0;
  }
  if (out !== undefined && verifyDir !== undefined) {
    console.error(`--out and --verify go apart: one writes a backup, the other checks one.\n${usage}`);
    return 2;
  }
  try {
    if (verifyDir !== undefined) return await verify(verifyDir);
    const config = readConfig();
    // The public audit keys verify what is written: missing ones are a configuration error, said before writing.
    for (const name of auditedSubgraphs) configuredAuditPublicKey(config, name);
    const folder = out ?? defaultBackupFolder(config);
    const manifest = await takeBackup(config, folder);
    const collections = manifest.files.filter((file) => file.kind === 'collection');
    for (const subgraph of manifest.subgraphs) {
      const own = collections.filter((file) => file.subgraph === subgraph);
      console.log(`${subgraph}: ${own.length} collections, ${own.reduce((sum, file) => sum + file.records, 0)} records`);
    }
    console.log(`${manifest.files.filter((file) => file.kind === 'witness').length} audit witness files`);
    console.log(`Backup written to ${folder} (${consistencyNote[manifest.consistency]}).`);
    console.log('Keys are not in it: back up the encryption keyrings and audit keys apart (docs/backups.md).');
    return await verify(folder);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
