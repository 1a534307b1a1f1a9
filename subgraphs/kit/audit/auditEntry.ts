import { defineDocument, holdingCaseRecords } from '../documents.ts';
import { leafHash } from './merkleTree.ts';

/*
 * One entry of a subgraph's audit log: who read or changed which case-level data, when and why.
 * Each entry's hash covers every field it records (with the hash of the entry before it) and is
 * a leaf of the log's Merkle tree; the subgraph signs that hash with its audit key, which is
 * kept outside the store (docs/audit-log.md). Nothing here is domain-specific: `action` and
 * `fields` are the caller's words.
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
  /** The entry's leaf hash in the log's Merkle tree (see hashEntry). */
  hash: string;
  /** The subgraph's Ed25519 signature of the hash (see entrySigningInput), base64url. */
  signature: string;
}

/**
 * The log's head as the store keeps it: the newest signed tree head, the last entry's hash (the
 * next entry's `prevHash`) and the tree's frontier, from which the next append continues.
 */
export interface AuditHeadDoc {
  _id: string;
  version: number;
  /** The tree's size: the position of the last entry it covers. */
  seq: number;
  hash: string;
  root: string;
  frontier: string[];
  at: Date;
  keyId: string;
  signature: string;
}

export const genesisHash = '0'.repeat(64);
export const auditHeadId = 'head';

export const auditEntryDocument = holdingCaseRecords(
  defineDocument<AuditEntryDoc>('auditLog', 'audit entry', {
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
    signature: { type: String, required: true },
  }),
);

export const auditHeadDocument = holdingCaseRecords(
  defineDocument<AuditHeadDoc>('auditHead', 'audit log head', {
    seq: { type: Number, required: true, min: 0 },
    hash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    root: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    frontier: { type: [String] },
    at: { type: Date, required: true },
    keyId: { type: String, required: true },
    signature: { type: String, required: true },
  }),
);

export const auditDocuments = { auditLog: auditEntryDocument, auditHead: auditHeadDocument };

export const auditEntryId = (seq: number) => `audit-${String(seq).padStart(12, '0')}`;

/**
 * The hash of an entry: the RFC 6962 leaf hash of every recorded field, in a fixed order, with
 * the previous entry's hash.
 */
export function hashEntry(entry: Omit<AuditEntryDoc, 'hash' | 'signature' | 'version' | '_id'>): string {
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
  return leafHash(canonical);
}
