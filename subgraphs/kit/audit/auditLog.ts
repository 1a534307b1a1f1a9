import { ConflictError, InvalidInputError } from '../errors.ts';
import type { Draft, Repository } from '../repository.ts';
import { auditEntryId, auditHeadId, genesisHash, hashEntry, type AuditEntryDoc, type AuditHeadDoc } from './auditEntry.ts';
import { verifyAuditChain } from './verifyChain.ts';

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

interface QueuedAppend {
  actor: AuditActor;
  event: AuditEvent;
  at: Date;
  resolve: (entry: AuditEntryDoc) => void;
  reject: (error: unknown) => void;
}

interface ChainEnd {
  seq: number;
  hash: string;
}

// Appends to one log are chained, so they are written one batch at a time per process: appends
// that arrive while a batch is being written wait and go together in the next one (one insert
// and one head update for all of them). Across processes sharing a store (several replicas on
// MongoDB) the unique `seq` index refuses the loser of a race, which then reads the new tail and
// tries again.
const appenders = new WeakMap<object, { queue: QueuedAppend[]; writing: boolean }>();
const attempts = 5;
const largestBatch = 200;

/**
 * Where the chain ends. The head names it in one read by id; only when the head is known to be
 * behind (a write collided, or a process stopped between storing entries and moving the head)
 * is the log itself searched for its last entry.
 */
async function chainEnd(repos: AuditRepositories, distrustHead: boolean): Promise<ChainEnd | null> {
  const head = await repos.auditHead.findById(auditHeadId);
  if (head && !distrustHead) return head;
  const [tail] = await repos.auditLog.find({}, { sort: { seq: -1 }, limit: 1 });
  if (!tail) return head;
  return !head || tail.seq > head.seq ? tail : head;
}

function chainedEntries(batch: readonly QueuedAppend[], end: ChainEnd | null): Draft<AuditEntryDoc>[] {
  let seq = end?.seq ?? 0;
  let prevHash = end?.hash ?? genesisHash;
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
    return { _id: auditEntryId(seq), ...unhashed, hash: prevHash };
  });
}

/** Moves the head forward to `last`, unless another writer has already moved it further. */
async function advanceHead(repos: AuditRepositories, last: ChainEnd): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const head = await repos.auditHead.findById(auditHeadId);
    if (head && head.seq >= last.seq) return;
    try {
      if (!head) await repos.auditHead.insert({ _id: auditHeadId, seq: last.seq, hash: last.hash });
      else await repos.auditHead.replace({ _id: auditHeadId, seq: last.seq, hash: last.hash }, head.version);
      return;
    } catch (error) {
      // The entries are stored whatever happens here; a head left behind is caught up by the next append.
      if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
    }
  }
}

async function writeBatch(repos: AuditRepositories, batch: readonly QueuedAppend[]): Promise<AuditEntryDoc[]> {
  for (let attempt = 1; ; attempt += 1) {
    const entries = chainedEntries(batch, await chainEnd(repos, attempt > 1));
    let stored: AuditEntryDoc[];
    try {
      stored = await repos.auditLog.insertMany(entries);
    } catch (error) {
      // Another writer took these positions first: read where the chain now ends and try again.
      if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
      continue;
    }
    // Outside the retry: the entries are stored, and must never be written twice.
    await advanceHead(repos, stored[stored.length - 1]!);
    return stored;
  }
}

async function writeEachAlone(repos: AuditRepositories, batch: readonly QueuedAppend[]) {
  for (const append of batch) {
    try {
      const [stored] = await writeBatch(repos, [append]);
      append.resolve(stored!);
    } catch (error) {
      append.reject(error);
    }
  }
}

async function drain(repos: AuditRepositories, appender: { queue: QueuedAppend[]; writing: boolean }) {
  appender.writing = true;
  while (appender.queue.length > 0) {
    const batch = appender.queue.splice(0, largestBatch);
    try {
      const stored = await writeBatch(repos, batch);
      batch.forEach((append, i) => append.resolve(stored[i]!));
    } catch (error) {
      // One caller's entry that does not validate (a purpose too long, say) fails that caller
      // only: the others are written one by one.
      if (error instanceof InvalidInputError && batch.length > 1) await writeEachAlone(repos, batch);
      else for (const append of batch) append.reject(error);
    }
  }
  appender.writing = false;
}

/**
 * Appends one entry to the audit log, chained to the last one. Resolves once the entry is
 * stored, so a caller that awaits it never answers with data whose reading was not recorded.
 */
export function appendAudit(repos: AuditRepositories, actor: AuditActor, event: AuditEvent, at: Date): Promise<AuditEntryDoc> {
  let appender = appenders.get(repos.auditLog);
  if (!appender) {
    appender = { queue: [], writing: false };
    appenders.set(repos.auditLog, appender);
  }
  const written = new Promise<AuditEntryDoc>((resolve, reject) => appender.queue.push({ actor, event, at, resolve, reject }));
  if (!appender.writing) void drain(repos, appender);
  return written;
}

/** Reads a whole log and its head and checks the chain (see verifyAuditChain). */
export async function verifyAuditLog(repos: AuditRepositories) {
  const [entries, head] = await Promise.all([repos.auditLog.find({}, { sort: { seq: 1 } }), repos.auditHead.findById(auditHeadId)]);
  return { ...verifyAuditChain(entries, head), head };
}
