/**
 * `npm run keys:rotate -- --sector <id>` (or `--all`): gives a sector's keyring for identifying
 * details a new current key, encrypts every record again with it, and retires the older key once
 * no record uses it (docs/encryption-at-rest.md). It works on the configured store and keyring
 * (CRG_STORE, CRG_DATA_DIR, CRG_COUNTRY or MONGODB_URI, <SECTOR>_ENCRYPTION_KEYS_FILE, as for
 * `npm start`), prints what it did, and exits with status 1 while any record is left behind
 * (damaged, or changed meanwhile: run it again).
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { sectorIds } from '../platform/catalog.ts';
import { loadSubgraphDefinition } from '../subgraphs/definitions.ts';
import { ConfigError, readConfig, type HubConfig } from '../platform/config.ts';
import { encryptedSpecs } from '../subgraphs/kit/fieldEncryption/encryptingStore.ts';
import { keyringLocation } from '../subgraphs/kit/fieldEncryption/keyringFiles.ts';
import { rotateKeys, type RotationReport } from '../subgraphs/kit/fieldEncryption/rotation.ts';
import { createStore } from '../subgraphs/kit/store/createStore.ts';

const usage = 'Usage: npm run keys:rotate -- --sector <id> | --all';

/** The report's lines, as printed. */
export function describeRotation(sector: string, report: RotationReport): string[] {
  const lines = [
    report.addedKey
      ? `${sector}: new key ${report.addedKey} is now current`
      : `${sector}: finishing the rotation to key ${report.current} (the keyring still holds older keys)`,
  ];
  for (const c of report.collections) {
    lines.push(
      `${sector}: ${c.collection}: ${c.fromOlderKey} re-encrypted from an older key, ${c.fromClear} encrypted from clear text, ` +
        `${c.alreadyCurrent} already under the current key${c.changedMeanwhile ? `, ${c.changedMeanwhile} changed meanwhile (run again)` : ''}`,
    );
  }
  for (const d of report.damaged) lines.push(`${sector}: DAMAGED ${d.collection} ${d.id}: ${d.problem}`);
  for (const keyId of report.retired) lines.push(`${sector}: retired key ${keyId}: no record uses it any more`);
  for (const k of report.kept)
    lines.push(`${sector}: kept key ${k.keyId}: ${k.records} record${k.records === 1 ? '' : 's'} still under it (run again)`);
  return lines;
}

/** Whether a run left records behind, so that the rotation is not finished. */
export const unfinished = (report: RotationReport) =>
  report.damaged.length > 0 || report.kept.length > 0 || report.collections.some((c) => c.changedMeanwhile > 0);

/** The embedded store's files belong to one process: refuse to rotate under a running sector. */
async function runningAt(config: HubConfig, sector: string): Promise<string | null> {
  const origin = config.subgraphUrls[sector]!.replace(/\/graphql$/, '');
  try {
    const response = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(1000) });
    const body = (await response.json()) as { subgraph?: string };
    return body.subgraph === sector ? origin : null;
  } catch {
    return null;
  }
}

async function rotateSector(config: HubConfig, sector: string): Promise<boolean> {
  const location = keyringLocation(config, sector);
  if (!location) throw new ConfigError(['CRG_STORE is memory: nothing is kept, so there is no key to rotate']);
  if (config.store === 'embedded') {
    const origin = await runningAt(config, sector);
    if (origin)
      throw new ConfigError([`${sector} is running at ${origin} on the embedded store: stop it first, its files belong to one process`]);
  }
  const definition = await loadSubgraphDefinition(sector);
  if (encryptedSpecs(definition.documents).length === 0) {
    console.log(`${sector}: keeps no encrypted field; nothing to rotate`);
    return true;
  }
  const store = await createStore(config, sector);
  try {
    const report = await rotateKeys({
      subgraph: sector,
      documents: definition.documents,
      store,
      keyringFile: location.file,
      variable: location.variable,
    });
    for (const line of describeRotation(sector, report)) console.log(line);
    return !unfinished(report);
  } finally {
    await store.close();
  }
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { sector: { type: 'string', multiple: true }, all: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  const sectors = values.all ? [...sectorIds] : (values.sector ?? []);
  const unknown = sectors.filter((s) => !sectorIds.includes(s));
  if (sectors.length === 0 || unknown.length > 0 || (values.all && values.sector)) {
    console.error(`${unknown.length > 0 ? `No sector named ${unknown.join(', ')}; known: ${sectorIds.join(', ')}\n` : ''}${usage}`);
    process.exit(2);
  }
  try {
    const config = readConfig();
    let finished = true;
    for (const sector of sectors) finished = (await rotateSector(config, sector)) && finished;
    console.log(finished ? 'Rotation finished.' : 'Rotation not finished: see the lines above, then run it again.');
    process.exitCode = finished ? 0 : 1;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
