import type { KeyObject } from 'node:crypto';
import { auditEntryId, genesisHash, hashEntry, type AuditEntryDoc, type AuditHeadDoc } from './auditEntry.ts';
import { entrySignatureValid, headSignatureValid, type SignedTreeHead } from './auditSignatures.ts';
import { appendLeaf, frontierRoot } from './merkleTree.ts';
import type { WitnessedHead, WitnessRecord } from './witness.ts';

/** One thing wrong with a log, naming the entry where it shows (or the store's head, or a witness line). */
export interface LogProblem {
  entryId: string;
  /** The entry's position; for the store's head or a witness line, the size it claims (0 when unreadable). */
  seq: number;
  problem: string;
}

export interface LogVerification {
  intact: boolean;
  entries: number;
  /** Every problem, the first bad entry first; problems with the store's head and witness lines last. */
  problems: LogProblem[];
  /** The largest log size a valid witnessed head vouches for (0 when none). */
  witnessedSize: number;
}

export interface LogUnderCheck {
  subgraph: string;
  /** The public half of the subgraph's audit key; null when none is known, so no signature can be checked. */
  publicKey: KeyObject | null;
  entries: readonly AuditEntryDoc[];
  head: AuditHeadDoc | null;
  witnessed: WitnessRecord;
}

/**
 * Checks a whole audit log against its signatures and its witness:
 * - positions run 1, 2, 3... without gaps, and each entry names the hash of the one before it;
 * - each entry's hash is the hash of what it records, signed with the subgraph's audit key;
 * - the store's head is signed, and its root is the Merkle root of the stored entries it covers;
 * - every witnessed head is signed, and is a head of this log: the root of the first n stored
 *   entries is the root witnessed for size n; so the log was neither shortened nor rewritten
 *   after a head was witnessed, and the store's head was not moved back behind a witnessed one.
 * Without the key, an entry cannot be changed, removed from the middle, or reordered without a
 * bad signature, nor the newest ones removed without falling behind the witness.
 */
export function verifyAuditTrail(log: LogUnderCheck): LogVerification {
  const { subgraph, publicKey, head, witnessed } = log;
  const problems: LogProblem[] = [];
  const otherProblems: LogProblem[] = [];
  const report = (seq: number, problem: string) => problems.push({ entryId: auditEntryId(seq), seq, problem });
  const reportHead = (stored: AuditHeadDoc, problem: string) => otherProblems.push({ entryId: 'store head', seq: stored.seq, problem });
  const reportWitness = ({ line, head }: { line: number; head?: SignedTreeHead }, problem: string) =>
    otherProblems.push({ entryId: `witness line ${line}`, seq: head?.size ?? 0, problem });

  if (!publicKey && log.entries.length > 0) {
    problems.push({ entryId: auditEntryId(1), seq: 0, problem: `cannot be checked: no public audit key of ${subgraph} is known` });
  }
  const validHeads: WitnessedHead[] = [];
  for (const line of witnessed.unreadable) reportWitness({ line }, 'is not a signed tree head');
  for (const item of witnessed.heads) {
    if (item.head.subgraph !== subgraph) reportWitness(item, `is a head of the ${item.head.subgraph} log, not of ${subgraph}`);
    else if (publicKey && !signatureHolds(() => headSignatureValid(publicKey, item.head))) {
      reportWitness(item, `is not signed by the audit key of ${subgraph} (forged or altered)`);
    } else validHeads.push(item);
  }

  // The Merkle roots of the stored log's prefixes that some head speaks of.
  const wanted = new Set([...validHeads.map((w) => w.head.size), head?.seq ?? 0]);
  const roots = new Map<number, string>([[0, frontierRoot([])]]);
  const entries = [...log.entries].sort((a, b) => a.seq - b.seq || a._id.localeCompare(b._id));
  let expectedSeq = 1;
  let previousHash = genesisHash;
  let frontier: string[] = [];
  entries.forEach((entry, index) => {
    if (entry.seq > expectedSeq) {
      for (let missing = expectedSeq; missing < entry.seq; missing += 1) report(missing, 'is missing (deleted)');
    } else if (entry.seq < expectedSeq) {
      report(entry.seq, `repeats position ${entry.seq}`);
    }
    if (entry._id !== auditEntryId(entry.seq)) report(entry.seq, `is stored at position ${entry.seq}, which is not its own`);
    const hash = hashEntry(entry);
    if (!entry.signature) report(entry.seq, 'carries no signature (written before entries were signed, or stripped)');
    else if (hash !== entry.hash) report(entry.seq, 'was altered: its content no longer matches its hash');
    else if (publicKey && !signatureHolds(() => entrySignatureValid(publicKey, subgraph, hash, entry.signature))) {
      report(entry.seq, `is not signed by the audit key of ${subgraph}: rewritten, renumbered or made without the key`);
    }
    if (entry.prevHash !== previousHash) report(entry.seq, 'does not follow the entry before it (previous hash differs)');
    previousHash = entry.hash;
    expectedSeq = Math.max(expectedSeq, entry.seq + 1);
    frontier = appendLeaf(frontier, index, entry.hash);
    if (wanted.has(index + 1)) roots.set(index + 1, frontierRoot(frontier));
  });
  const stored = entries.length;
  // A root that differs because of an entry already named says nothing more.
  const explained = (from: number, to: number) => problems.some((p) => p.seq >= from && p.seq <= to);
  const missingAfter = new Set<number>();
  const reportMissingAfter = (upTo: number, why: string) => {
    for (let seq = Math.max(stored, expectedSeq - 1) + 1; seq <= upTo; seq += 1) {
      if (!missingAfter.has(seq)) report(seq, `is missing (deleted after the last stored entry): ${why}`);
      missingAfter.add(seq);
    }
  };

  if (head) {
    if (publicKey && !signatureHolds(() => headSignatureValid(publicKey, storedHead(subgraph, head)))) {
      reportHead(head, `(${head.seq} entries) is not signed by the audit key of ${subgraph}`);
    }
    reportMissingAfter(head.seq, `the store's head covers ${head.seq} entries`);
    const root = roots.get(head.seq);
    if (root !== undefined && root !== head.root && !explained(1, head.seq)) {
      reportHead(head, `(${head.seq} entries) has a root that is not the Merkle root of the first ${head.seq} stored entries`);
    }
    if (head.seq <= stored && entries[head.seq - 1]?.hash !== head.hash) {
      report(head.seq, 'differs from the hash the head recorded for it');
    }
  }

  const bySize = [...validHeads].sort((a, b) => a.head.size - b.head.size);
  const newest = bySize.at(-1);
  if (newest) {
    reportMissingAfter(newest.head.size, `the witness saw ${newest.head.size} entries (line ${newest.line}, ${newest.head.at})`);
    if ((head?.seq ?? 0) < newest.head.size) {
      report(
        (head?.seq ?? 0) + 1,
        `is past the store's head, which was moved back to ${head?.seq ?? 0} entries: the witness saw ${newest.head.size} (line ${newest.line})`,
      );
    }
  }
  // The first witnessed head the stored entries do not match; the entry that differs lies after
  // the largest witnessed head they still match.
  let matched = 0;
  for (const item of bySize) {
    const root = roots.get(item.head.size);
    if (root === undefined) break;
    if (root === item.head.root) {
      matched = item.head.size;
      continue;
    }
    if (explained(matched + 1, item.head.size)) break;
    report(
      matched + 1,
      `or an entry after it up to ${item.head.size} was changed, removed or reordered: the first ${item.head.size} stored entries do not have the root witnessed for them (line ${item.line})`,
    );
    break;
  }

  problems.sort((a, b) => a.seq - b.seq);
  problems.push(...otherProblems);
  return { intact: problems.length === 0, entries: stored, problems, witnessedSize: newest?.head.size ?? 0 };
}

/** The head the store keeps, as the signed tree head it was made from. */
function storedHead(subgraph: string, head: AuditHeadDoc): SignedTreeHead {
  return { subgraph, size: head.seq, root: head.root, at: new Date(head.at).toISOString(), keyId: head.keyId, signature: head.signature };
}

/** A malformed signature (not base64url, wrong length) is a bad signature, not a crash. */
function signatureHolds(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
