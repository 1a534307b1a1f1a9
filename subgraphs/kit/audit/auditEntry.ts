import { createHash } from 'node:crypto';
import { defineDocument } from '../documents.ts';

/*
 * One entry of a subgraph's audit log: who read or changed which case-level data, when and why.
 * Entries form a hash chain: each carries the hash of the one before it, and its own hash covers
 * every field it records, so altering, deleting or reordering a stored entry breaks the chain at
 * that entry. Nothing here is domain-specific: `action` and `fields` are the caller's words.
 */

export interface AuditEntryDoc {
  /** `audit-000000000042`: the position in the chain, so ids sort in chain order. */
  _id: string;
  version: number;
  seq: number;
  at: Date;
  subject: string;
  role: string;
  sector: string | null;
  /** What was done, e.g. `case.read`, `referral.create`, `consent.override`. */
  action: string;
  /** The case-level records concerned. */
  caseIds: string[];
  /** The fields read or written. */
  fields: string[];
  /** Why, as the caller stated it; null when not given. */
  purpose: string | null;
  /** Anything else the auditor must see, e.g. the reason given for a consent override. */
  detail: string | null;
  /** The gateway's request id, shared by every subgraph's entries for one request. */
  requestId: string;
  prevHash: string;
  hash: string;
}

/** The chain's head: the last entry's position and hash, so deleting the newest entries is detected too. */
export interface AuditHeadDoc {
  _id: string;
  version: number;
  seq: number;
  hash: string;
}

export const genesisHash = '0'.repeat(64);
export const auditHeadId = 'head';

export const auditEntryDocument = defineDocument<AuditEntryDoc>('auditLog', 'audit entry', {
  seq: { type: Number, required: true, min: 1, unique: true },
  at: { type: Date, required: true },
  subject: { type: String, required: true, minlength: 1 },
  role: { type: String, required: true, minlength: 1 },
  sector: { type: String, default: null },
  action: { type: String, required: true, minlength: 1, index: true },
  caseIds: { type: [String], index: true },
  fields: { type: [String] },
  purpose: { type: String, default: null, maxlength: 500 },
  detail: { type: String, default: null, maxlength: 1000 },
  requestId: { type: String, required: true },
  prevHash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
  hash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
});

export const auditHeadDocument = defineDocument<AuditHeadDoc>('auditHead', 'audit chain head', {
  seq: { type: Number, required: true, min: 0 },
  hash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
});

export const auditDocuments = { auditLog: auditEntryDocument, auditHead: auditHeadDocument };

export const auditEntryId = (seq: number) => `audit-${String(seq).padStart(12, '0')}`;

/** The hash of an entry: every recorded field, in a fixed order, with the previous hash. */
export function hashEntry(entry: Omit<AuditEntryDoc, 'hash' | 'version' | '_id'>): string {
  const canonical = JSON.stringify([
    entry.seq,
    new Date(entry.at).toISOString(),
    entry.subject,
    entry.role,
    entry.sector,
    entry.action,
    entry.caseIds,
    entry.fields,
    entry.purpose,
    entry.detail,
    entry.requestId,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
