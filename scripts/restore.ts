/**
 * `npm run restore -- DIR`: brings a backup written by `npm run backup` back into the configured
 * store (CRG_STORE, CRG_DATA_DIR, CRG_COUNTRY or MONGODB_URI, as for `npm start`) and its audit
 * witnesses into CRG_AUDIT_WITNESS_DIR (or <CRG_DATA_DIR>/witness in development). It verifies the
 * backup first, and refuses a store that already holds data or is in use, and a backup whose
 * encryption keys are not in the configured keyrings, before writing anything (docs/backups.md).
 * Exits 0 when restored, 1 when refused, 2 when the command or the configuration is wrong.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ConfigError, readConfig } from '../platform/config.ts';
import { BackupError } from './backup/manifest.ts';
import { restoreBackup } from './backup/restoreBackup.ts';

const usage = 'Usage: npm run restore -- DIR   (DIR: a folder written by npm run backup)';

async function main(): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ allowPositionals: true, strict: true, options: {} }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  const [dir] = positionals as [string];
  try {
    for (const line of await restoreBackup(dir, readConfig())) console.log(line);
    console.log(`Restored from ${dir}. Start the hub, then run npm run audit:verify.`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof BackupError) {
      console.error(`Not restored: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
