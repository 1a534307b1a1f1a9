import type { KeyObject } from 'node:crypto';
import type { Logger } from '../../../platform/logger.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';
import type { Draft, Repository } from '../repository.ts';
import { auditEntryId, auditHeadId, genesisHash, hashEntry, type AuditEntryDoc, type AuditHeadDoc } from './auditEntry.ts';
import { AuditSigner, type SignedTreeHead } from './auditSignatures.ts';
import { appendLeaf } from './merkleTree.ts';
import { verifyAuditTrail } from './verifyLog.ts';
import type { Witness } from './witness.ts';

/** Who acted, as the subgraph's context knows it. */
export interface AuditActor {
  subject: string;
  role: string;
  sector: string | null;
  requestId: string;
}

/** What happened, in the subgraph's own words. */
export interface AuditEvent {
  action: string;
  caseIds: readonly string[];
  fields: readonly string[];
  purpose?: string | null;
  detail?: string | null;
}

export interface AuditRepositories {
  auditLog: Repository<AuditEntryDoc>;
  auditHead: Repository<AuditHeadDoc>;
}

/** What a subgraph needs to write its audit log, both kept outside its store. */
export interface AuditLogKeys {
  /** The subgraph's private Ed25519 audit key. */
  signingKey: KeyObject;
  /** Where each signed tree head is witnessed. */
  witness: Witness;
}

interface QueuedAppend {
  actor: AuditActor;
  event: AuditEvent;
  at: Date;
  resolve: (entry: AuditEntryDoc) => void;
  reject: (error: unknown) => void;
}

/** Where the log ends: the last position, its entry's hash, and the Merkle tree's frontier. */
interface TreeEnd {
  seq: number;
  hash: string;
  frontier: string[];
}

interface OpenLog {
  signer: AuditSigner;
  witness: Witness;
  queue: QueuedAppend[];
  writing: boolean;
  compactHead?: () => Promise<void>;
  logger?: Pick<Logger, 'warn'>;
  /** Heads written since the head's collection was last compacted. */
  headWrites: number;
}

/** How the store under a log is looked after, where it needs it. */
export interface AuditLogUpkeep {
  /**
   * Rewrites the head's collection without its superseded versions. The embedded store appends
   * a whole new head (with its frontier, about 700 bytes) on every batch and drops the old ones
   * only when it compacts, which it otherwise does only at start and stop.
   */
  compactHead?: () => Promise<void>;
  /** Where a compaction that failed is reported: it does not fail an append, but the collection grows until one succeeds. */
  logger?: Pick<Logger, 'warn'>;
}

// Appends to one log are chained, so they are written one batch at a time per process: appends
// that arrive while a batch is being written wait and go together in the next one (one insert,
// one signed head, one head update and one witness line for all of them). Across processes
// sharing a store (several replicas on MongoDB) the unique `seq` index refuses the loser of a
// race, which then reads the new tail and tries again. Logs are known by their repository.
const openLogs = new WeakMap<object, OpenLog>();
const attempts = 5;
const largestBatch = 200;
/** Heads written between two compactions of the head's collection: it then holds at most this many versions. */
export const headsBetweenCompactions = 20;

/** Makes a subgraph's audit log writable, signed with its key and witnessed by its witness. */
export function openAuditLog(repos: AuditRepositories, subgraph: string, keys: AuditLogKeys, upkeep: AuditLogUpkeep = {}): void {
  openLogs.set(repos.auditLog, {
    signer: new AuditSigner(subgraph, keys.signingKey),
    witness: keys.witness,
    queue: [],
    writing: false,
    compactHead: upkeep.compactHead,
    logger: upkeep.logger,
    headWrites: 0,
  });
}

function openLog(repos: AuditRepositories): OpenLog {
  const log = openLogs.get(repos.auditLog);
  if (!log) throw new Error('This audit log was not opened with its signing key and witness (openAuditLog)');
  return log;
}

const emptyTree: TreeEnd = { seq: 0, hash: genesisHash, frontier: [] };

const withEntry = (end: TreeEnd, entry: Pick<AuditEntryDoc, 'seq' | 'hash'>): TreeEnd => ({
  seq: entry.seq,
  hash: entry.hash,
  frontier: appendLeaf(end.frontier, end.seq, entry.hash),
});

/**
 * Where the log ends. The head names it in one read by id; only when the head is known to be
 * behind (a write collided, or a process stopped between storing entries and moving the head)
 * are the entries stored after it read and added to its tree.
 */
async function treeEnd(repos: AuditRepositories, distrustHead: boolean): Promise<{ end: TreeEnd; head: AuditHeadDoc | null }> {
  const head = await repos.auditHead.findById(auditHeadId);
  // A head without a frontier was written before the log had a tree: the tree is built from the start.
  const known = head?.frontier ? { seq: head.seq, hash: head.hash, frontier: head.frontier } : emptyTree;
  if (head?.frontier && !distrustHead) return { end: known, head };
  const later = await repos.auditLog.find({ seq: { $gt: known.seq } }, { sort: { seq: 1 } });
  return { end: later.reduce(withEntry, known), head };
}

function signedEntries(signer: AuditSigner, batch: readonly QueuedAppend[], end: TreeEnd): Draft<AuditEntryDoc>[] {
  let seq = end.seq;
  let prevHash = end.hash;
  return batch.map(({ actor, event, at }) => {
    seq += 1;
    const unhashed = {
      seq,
      at,
      subject: actor.subject,
      role: actor.role,
      sector: actor.sector,
      action: event.action,
      caseIds: [...new Set(event.caseIds)].sort(),
      fields: [...new Set(event.fields)].sort(),
      purpose: event.purpose ?? null,
      detail: event.detail ?? null,
      requestId: actor.requestId,
      prevHash,
    };
    prevHash = hashEntry(unhashed);
    return { _id: auditEntryId(seq), ...unhashed, hash: prevHash, signature: signer.signEntry(prevHash) };
  });
}

/**
 * Moves the head forward to `end`, signed as `signed`, unless another writer has already moved it
 * further. `read` is the head as read for this batch: the replace is conditional on its version,
 * so a head moved meanwhile (by another replica) is read again rather than overwritten.
 */
async function advanceHead(repos: AuditRepositories, end: TreeEnd, signed: SignedTreeHead, read: AuditHeadDoc | null): Promise<void> {
  const draft = { _id: auditHeadId, ...end, root: signed.root, at: new Date(signed.at), keyId: signed.keyId, signature: signed.signature };
  let head = read;
  for (let attempt = 1; ; attempt += 1) {
    if (head && head.seq >= end.seq) return;
    try {
      if (!head) await repos.auditHead.insert(draft);
      else await repos.auditHead.replace(draft, head.version);
      return;
    } catch (error) {
      // The entries are stored whatever happens here; a head left behind is caught up by the next append.
      if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
    }
    head = await repos.auditHead.findById(auditHeadId);
  }
}

async function writeBatch(repos: AuditRepositories, log: OpenLog, batch: readonly QueuedAppend[]): Promise<AuditEntryDoc[]> {
  for (let attempt = 1; ; attempt += 1) {
    const { end, head } = await treeEnd(repos, attempt > 1);
    let stored: AuditEntryDoc[];
    try {
      stored = await repos.auditLog.insertMany(signedEntries(log.signer, batch, end));
    } catch (error) {
      // Another writer took these positions first: read where the log now ends and try again.
      if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
      continue;
    }
    // Outside the retry: the entries are stored, and must never be written twice. The head is
    // witnessed only once the store's head has reached it, so the store's head is never behind
    // a witnessed one unless someone moved it back.
    const tree = stored.reduce(withEntry, end);
    const signed = log.signer.signHead(tree.seq, tree.frontier, new Date());
    await advanceHead(repos, tree, signed, head);
    log.witness.record(signed);
    log.headWrites += 1;
    return stored;
  }
}

async function writeEachAlone(repos: AuditRepositories, log: OpenLog, batch: readonly QueuedAppend[]) {
  for (const append of batch) {
    try {
      const [stored] = await writeBatch(repos, log, [append]);
      append.resolve(stored!);
    } catch (error) {
      append.reject(error);
    }
  }
}

async function drain(repos: AuditRepositories, log: OpenLog) {
  log.writing = true;
  while (log.queue.length > 0) {
    const batch = log.queue.splice(0, largestBatch);
    try {
      const stored = await writeBatch(repos, log, batch);
      batch.forEach((append, i) => append.resolve(stored[i]!));
    } catch (error) {
      // One caller's entry that does not validate (a purpose too long, say) fails that caller
      // only: the others are written one by one.
      if (error instanceof InvalidInputError && batch.length > 1) await writeEachAlone(repos, log, batch);
      else for (const append of batch) append.reject(error);
    }
    if (log.compactHead && log.headWrites >= headsBetweenCompactions) {
      log.headWrites = 0;
      // After the callers are answered, between batches. A compaction that fails leaves the file
      // as it was (the new one is written beside it and renamed into place), and the next one
      // tries again; a disk that refuses writes fails the next append, and the store with it.
      await log.compactHead().catch((error: unknown) => {
        log.logger?.warn(
          { error: (error as Error).message },
          "compacting the audit log's head failed; it is tried again after the next heads are written",
        );
      });
    }
  }
  log.writing = false;
}

/**
 * Appends one signed entry to the audit log. Resolves once the entry is stored and its tree
 * head witnessed, so a caller that awaits it never answers with data whose reading was not
 * recorded.
 */
export function appendAudit(repos: AuditRepositories, actor: AuditActor, event: AuditEvent, at: Date): Promise<AuditEntryDoc> {
  let log: OpenLog;
  try {
    log = openLog(repos);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const written = new Promise<AuditEntryDoc>((resolve, reject) => log.queue.push({ actor, event, at, resolve, reject }));
  if (!log.writing) void drain(repos, log);
  return written;
}

/**
 * The whole log and its head as stored. The head is read first: it moves only after the entries
 * it covers are stored, so entries read after it include them all while appends go on.
 */
export async function readAuditLog(repos: AuditRepositories) {
  const head = await repos.auditHead.findById(auditHeadId);
  const entries = await repos.auditLog.find({}, { sort: { seq: 1 } });
  return { entries, head };
}

/**
 * Checks an open log from inside its subgraph (see verifyAuditTrail): entries, signatures with
 * the public half of its own key, the tree, the store's head and every head its witness holds.
 */
export async function verifyAuditLog(repos: AuditRepositories) {
  const log = openLog(repos);
  // The witness first, for the same reason as the head: a head is witnessed only once stored.
  const witnessed = log.witness.read();
  const { entries, head } = await readAuditLog(repos);
  return { ...verifyAuditTrail({ subgraph: log.signer.subgraph, publicKey: log.signer.publicKey, entries, head, witnessed }), head };
}
