import { ConflictError } from '../errors.ts';
import type { Repository } from '../repository.ts';
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

// Appends to one log are chained, so they must happen one at a time: each waits for the one
// before it in this process. Across processes sharing a store (several replicas on MongoDB) the
// unique `seq` index refuses the loser of a race, which then reads the new tail and tries again.
const queues = new WeakMap<object, Promise<unknown>>();
const attempts = 5;

async function appendOnce(repos: AuditRepositories, actor: AuditActor, event: AuditEvent, at: Date): Promise<AuditEntryDoc> {
  const [tail] = await repos.auditLog.find({}, { sort: { seq: -1 }, limit: 1 });
  const seq = (tail?.seq ?? 0) + 1;
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
    prevHash: tail?.hash ?? genesisHash,
  };
  const entry = await repos.auditLog.insert({ _id: auditEntryId(seq), ...unhashed, hash: hashEntry(unhashed) });
  const head = await repos.auditHead.findById(auditHeadId);
  if (!head) await repos.auditHead.insert({ _id: auditHeadId, seq, hash: entry.hash });
  else if (head.seq < seq) await repos.auditHead.replace({ _id: auditHeadId, seq, hash: entry.hash }, head.version);
  return entry;
}

/**
 * Appends one entry to the audit log, chained to the last one. Resolves once the entry is
 * stored, so a caller that awaits it never answers with data whose reading was not recorded.
 */
export function appendAudit(repos: AuditRepositories, actor: AuditActor, event: AuditEvent, at: Date): Promise<AuditEntryDoc> {
  const previous = queues.get(repos.auditLog) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await appendOnce(repos, actor, event, at);
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
        }
      }
    });
  queues.set(repos.auditLog, next);
  return next;
}

/** Reads a whole log and its head and checks the chain (see verifyAuditChain). */
export async function verifyAuditLog(repos: AuditRepositories) {
  const [entries, head] = await Promise.all([repos.auditLog.find({}, { sort: { seq: 1 } }), repos.auditHead.findById(auditHeadId)]);
  return { ...verifyAuditChain(entries, head), head };
}
