import { openRepositories } from '../repository.ts';
import type { Store } from '../store/port.ts';
import { auditDocuments } from './auditEntry.ts';
import { verifyAuditLog } from './auditLog.ts';

/** Checks the audit log kept in one subgraph's store (see verifyAuditChain). */
export async function verifyStoreAuditLog(store: Store) {
  return verifyAuditLog(await openRepositories(store, auditDocuments));
}
