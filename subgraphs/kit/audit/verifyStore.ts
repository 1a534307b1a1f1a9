import type { KeyObject } from 'node:crypto';
import { openRepositories } from '../repository.ts';
import type { Store } from '../store/port.ts';
import { auditDocuments } from './auditEntry.ts';
import { readAuditLog } from './auditLog.ts';
import { verifyAuditTrail } from './verifyLog.ts';
import type { WitnessRecord } from './witness.ts';

/** What a verifier trusts about one subgraph's log: the public half of its audit key and its witness. */
export interface AuditLogTrust {
  subgraph: string;
  publicKey: KeyObject | null;
  witnessed: WitnessRecord;
}

/** Checks the audit log kept in one subgraph's store (see verifyAuditTrail). */
export async function verifyStoreAuditLog(store: Store, trust: AuditLogTrust) {
  const { entries, head } = await readAuditLog(await openRepositories(store, auditDocuments));
  return { ...verifyAuditTrail({ ...trust, entries, head }), head };
}
