/**
 * `npm run audit:verify`: checks every subgraph's audit log in the configured store (CRG_STORE,
 * CRG_DATA_DIR, CRG_COUNTRY or MONGODB_URI, as for `npm start`) against the public half of the
 * subgraph's audit key and the heads its witness file holds (docs/audit-log.md): each entry's
 * hash and signature, the Merkle tree, the store's head, and that every witnessed head is a head
 * of the stored log. Prints each log's size and root, names every bad entry (the first one
 * first), and exits with status 1 when any log is broken, 2 when the configuration is wrong.
 */
import { pathToFileURL } from 'node:url';
import { auditedSubgraphs } from '../platform/catalog.ts';
import { configuredAuditPublicKey, configuredWitnessRecord } from '../subgraphs/kit/audit/configuredAudit.ts';
import { verifyStoreAuditLog, type AuditLogTrust } from '../subgraphs/kit/audit/verifyStore.ts';
import { ConfigError, readConfig, type HubConfig } from '../platform/config.ts';
import { createStore } from '../subgraphs/kit/store/createStore.ts';
import type { Store } from '../subgraphs/kit/store/port.ts';

export interface StoredAuditLog {
  store: Store;
  trust: AuditLogTrust;
}

export interface AuditReport {
  intact: boolean;
  lines: string[];
  /** Each broken log's first bad entry (or witness line), by subgraph. */
  firstBad: Record<string, string>;
}

/** Verifies each named log; returns the report's lines and whether all are intact. */
export async function verifyAuditLogs(logs: ReadonlyMap<string, StoredAuditLog>): Promise<AuditReport> {
  const report: AuditReport = { intact: true, lines: [], firstBad: {} };
  for (const [name, { store, trust }] of logs) {
    const result = await verifyStoreAuditLog(store, trust);
    const head = result.head ? `head ${result.head.seq} root ${result.head.root}` : 'no head';
    const [first] = result.problems;
    report.lines.push(
      `${result.intact ? 'ok     ' : 'BROKEN '} ${name}: ${result.entries} entries, ${head}, witnessed up to ${result.witnessedSize}` +
        (first ? `; first bad: ${first.entryId}` : ''),
    );
    for (const problem of result.problems) report.lines.push(`        ${name} ${problem.entryId} ${problem.problem}`);
    if (first) report.firstBad[name] = first.entryId;
    report.intact &&= result.intact;
  }
  return report;
}

/** Verifies every subgraph's log as configured: its store, its public audit key and its witness file. */
export async function verifyConfiguredAuditLogs(config: HubConfig): Promise<AuditReport> {
  // The witness files are read before the stores: a head is witnessed only after its entries and
  // the store's head are written, so a hub appending meanwhile cannot look like a shortened log.
  const trust = auditedSubgraphs.map((subgraph) => ({
    subgraph,
    publicKey: configuredAuditPublicKey(config, subgraph),
    witnessed: configuredWitnessRecord(config, subgraph),
  }));
  const logs = new Map<string, StoredAuditLog>();
  try {
    // A snapshot: the hub may be running, and its embedded files are its own to write.
    for (const t of trust) logs.set(t.subgraph, { store: await createStore(config, t.subgraph, { snapshot: true }), trust: t });
    return await verifyAuditLogs(logs);
  } finally {
    await Promise.all([...logs.values()].map(({ store }) => store.close()));
  }
}

async function main() {
  let report: AuditReport;
  try {
    report = await verifyConfiguredAuditLogs(readConfig());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  for (const line of report.lines) console.log(line);
  console.log(report.intact ? 'Every audit log is intact.' : 'Some audit log is broken: see the entries named above.');
  process.exitCode = report.intact ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
