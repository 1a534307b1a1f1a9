import { auditEntryId, genesisHash, hashEntry, type AuditEntryDoc, type AuditHeadDoc } from './auditEntry.ts';

/** One break in the chain, naming the entry where it shows. */
export interface ChainProblem {
  entryId: string;
  seq: number;
  problem: string;
}

export interface ChainVerification {
  intact: boolean;
  entries: number;
  problems: ChainProblem[];
}

/**
 * Checks a whole audit log: positions run 1, 2, 3... without gaps, each entry's hash is the hash
 * of what it records, each entry names the hash of the one before it, and the chain ends where the
 * head says it does. Any stored entry that was altered, deleted or moved breaks one of these at
 * that entry (or, for the newest entries, at the head), and the problem names it.
 */
export function verifyAuditChain(stored: readonly AuditEntryDoc[], head: AuditHeadDoc | null): ChainVerification {
  const problems: ChainProblem[] = [];
  const entries = [...stored].sort((a, b) => a.seq - b.seq || a._id.localeCompare(b._id));
  let expectedSeq = 1;
  let previousHash = genesisHash;
  for (const entry of entries) {
    if (entry.seq > expectedSeq) {
      for (let missing = expectedSeq; missing < entry.seq; missing += 1) {
        problems.push({ entryId: auditEntryId(missing), seq: missing, problem: 'is missing (deleted)' });
      }
    } else if (entry.seq < expectedSeq) {
      problems.push({ entryId: entry._id, seq: entry.seq, problem: `repeats position ${entry.seq}` });
    }
    if (entry._id !== auditEntryId(entry.seq)) {
      problems.push({ entryId: entry._id, seq: entry.seq, problem: `is stored at position ${entry.seq}, which is not its own` });
    }
    if (hashEntry(entry) !== entry.hash) {
      problems.push({ entryId: entry._id, seq: entry.seq, problem: 'was altered: its content no longer matches its hash' });
    }
    if (entry.prevHash !== previousHash) {
      problems.push({ entryId: entry._id, seq: entry.seq, problem: 'does not follow the entry before it (previous hash differs)' });
    }
    previousHash = entry.hash;
    expectedSeq = Math.max(expectedSeq, entry.seq + 1);
  }
  const lastSeq = expectedSeq - 1;
  const headSeq = head?.seq ?? 0;
  if (headSeq > lastSeq) {
    for (let missing = lastSeq + 1; missing <= headSeq; missing += 1) {
      problems.push({ entryId: auditEntryId(missing), seq: missing, problem: 'is missing (deleted after the last stored entry)' });
    }
  } else if (head && entries.find((e) => e.seq === head.seq)?.hash !== head.hash) {
    problems.push({ entryId: auditEntryId(head.seq), seq: head.seq, problem: 'differs from the hash the chain head recorded for it' });
  }
  return { intact: problems.length === 0, entries: entries.length, problems };
}
