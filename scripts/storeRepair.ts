/**
 * `npm run store:repair -- [--country <country>] [subgraph ...]`: for the embedded store, moves
 * every line a collection file holds that cannot be read into a file beside it and rewrites the
 * collection without it, so that the subgraph starts again (docs/embedded-store.md). Works on
 * CRG_DATA_DIR and CRG_COUNTRY as `npm start` does, every subgraph unless some are named; refuses
 * a folder while its subgraph runs; prints exactly what it set aside, and changes nothing where
 * nothing is damaged.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { subgraphCatalog } from '../platform/catalog.ts';
import { ConfigError, countries, readConfig, type CountryId } from '../platform/config.ts';
import { collectionFilesIn, DamagedCollectionError } from '../subgraphs/kit/store/collectionFile.ts';
import { DataFolderLockedError } from '../subgraphs/kit/store/dataFolderLock.ts';
import { repairStoreFolder, type FileRepair } from '../subgraphs/kit/store/repairStore.ts';

const usage = `Usage: npm run store:repair -- [--country ${countries.join('|')}] [subgraph ...]`;
const subgraphNames = subgraphCatalog.map((entry) => entry.name);

/** What one folder's repair did, as printed. */
export function describeRepair(subgraph: string, directory: string, repairs: FileRepair[]): string[] {
  const repaired = repairs.filter((r) => r.asideFile);
  if (repaired.length === 0) {
    return [`${subgraph}: ${repairs.length} collection files in ${directory}, no damaged line; nothing changed`];
  }
  return repaired.flatMap((r) => [
    `${subgraph}: set aside ${r.setAside.length} damaged line${r.setAside.length === 1 ? '' : 's'} of ${r.file} into ${r.asideFile}:`,
    ...r.setAside.map((s) => `  line ${s.line}: ${s.damage}, starting ${s.excerpt}`),
    `${subgraph}: ${path.basename(r.file)} now holds every other line, unchanged`,
  ]);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ options: { country: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  const unknown = positionals.filter((name) => !subgraphNames.includes(name));
  if (unknown.length > 0 || (values.country && !countries.includes(values.country as CountryId))) {
    const problem =
      unknown.length > 0
        ? `No subgraph named ${unknown.join(', ')}; known: ${subgraphNames.join(', ')}`
        : `No country named ${values.country}`;
    console.error(`${problem}\n${usage}`);
    process.exit(2);
  }
  try {
    const config = readConfig();
    if (config.store !== 'embedded') {
      console.error(`CRG_STORE is ${config.store}: only the embedded store keeps collection files to repair.`);
      process.exit(2);
    }
    const country = values.country ?? config.country;
    let setAside = 0;
    for (const subgraph of positionals.length > 0 ? positionals : subgraphNames) {
      const directory = path.resolve(config.dataDir, country, subgraph);
      if (collectionFilesIn(directory).length === 0) {
        console.log(`${subgraph}: no collection file in ${directory}; nothing to repair`);
        continue;
      }
      const repairs = await repairStoreFolder(directory);
      for (const line of describeRepair(subgraph, directory, repairs)) console.log(line);
      setAside += repairs.reduce((n, r) => n + r.setAside.length, 0);
    }
    console.log(
      setAside === 0
        ? 'No damaged line found; nothing changed.'
        : `Set aside ${setAside} damaged line${setAside === 1 ? '' : 's'}. A record whose latest version was among them is ` +
            'served at its previous version, or not at all if it had none: compare with a backup (npm run restore) before relying on it.',
    );
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      console.error(
        `${error.directory} is in use by a running process (its lock ${path.join(error.directory, 'in-use.lock')} is kept fresh): ` +
          'stop its subgraph, then run the repair again. Nothing in it was changed.',
      );
      process.exit(1);
    }
    const refusal = error instanceof ConfigError || error instanceof DamagedCollectionError;
    console.error(refusal ? (error as Error).message : error);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
