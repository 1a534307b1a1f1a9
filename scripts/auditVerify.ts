/**
 * `npm run audit:verify`: checks the hash chain of every subgraph's audit log in the configured
 * store (CRG_STORE, CRG_DATA_DIR, CRG_COUNTRY or MONGODB_URI, as for `npm start`). Prints each
 * log's entry count and head hash (worth copying somewhere the hub cannot write, so that even a
 * rewrite of the whole store would show), names every altered, deleted or moved entry, and exits
 * with status 1 when any log is broken.
 */
import { pathToFileURL } from 'node:url';
import { subgraphCatalog } from '../subgraphs/catalog.ts';
import { verifyStoreAuditLog } from '../subgraphs/kit/audit/verifyStore.ts';
import { ConfigError, readConfig } from '../subgraphs/kit/config.ts';
import { createStore } from '../subgraphs/kit/store/createStore.ts';
import type { Store } from '../subgraphs/kit/store/port.ts';

/** Verifies each named store's audit log; returns the report's lines and whether all are intact. */
export async function verifyAuditLogs(stores: ReadonlyMap<string, Store>): Promise<{ intact: boolean; lines: string[] }> {
  const lines: string[] = [];
  let intact = true;
  for (const [name, store] of stores) {
    const result = await verifyStoreAuditLog(store);
    const head = result.head ? `head ${result.head.seq} ${result.head.hash}` : 'no head';
    lines.push(`${result.intact ? 'ok     ' : 'BROKEN '} ${name}: ${result.entries} entries, ${head}`);
    for (const problem of result.problems) lines.push(`        ${name} ${problem.entryId} ${problem.problem}`);
    intact &&= result.intact;
  }
  return { intact, lines };
}

async function main() {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  }
  const stores = new Map<string, Store>();
  for (const entry of subgraphCatalog) stores.set(entry.name, await createStore(config, entry.name));
  try {
    const { intact, lines } = await verifyAuditLogs(stores);
    for (const line of lines) console.log(line);
    console.log(intact ? 'Every audit log is intact.' : 'Some audit log is broken: see the entries named above.');
    process.exitCode = intact ? 0 : 1;
  } finally {
    await Promise.all([...stores.values()].map((store) => store.close()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
