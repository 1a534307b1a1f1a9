import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { frontierRoot } from './merkleTree.ts';

/*
 * A subgraph signs each audit entry's hash and each tree head with its own Ed25519 audit key,
 * which is never kept in the store; anyone holding the public half can check both. What is
 * signed names the subgraph and what kind of thing it is, so no signature can be moved to
 * another subgraph's log, or from an entry to a head.
 */

/** A signed statement of the log's size and Merkle root at a time (RFC 6962's signed tree head). */
export interface SignedTreeHead {
  subgraph: string;
  size: number;
  root: string;
  /** When it was signed, ISO 8601. */
  at: string;
  keyId: string;
  signature: string;
}

const entrySigningInput = (subgraph: string, hash: string) => Buffer.from(`crg-audit-entry/1\n${subgraph}\n${hash}`);
const headSigningInput = (head: Omit<SignedTreeHead, 'keyId' | 'signature'>) =>
  Buffer.from(`crg-audit-tree-head/1\n${head.subgraph}\n${head.size}\n${head.root}\n${head.at}`);

/** A short name for a public key, written on each head so a reader can tell which key signed it. */
export function auditKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** A fresh private audit key (development on first start, and tests). */
export function generateAuditKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

/** Signs one subgraph's entries and heads. */
export class AuditSigner {
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(
    readonly subgraph: string,
    private readonly privateKey: KeyObject,
  ) {
    if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error(`the audit key of ${subgraph} must be an Ed25519 private key`);
    }
    this.publicKey = createPublicKey(privateKey);
    this.keyId = auditKeyId(this.publicKey);
  }

  signEntry(hash: string): string {
    return sign(null, entrySigningInput(this.subgraph, hash), this.privateKey).toString('base64url');
  }

  signHead(size: number, frontier: readonly string[], at: Date): SignedTreeHead {
    const unsigned = { subgraph: this.subgraph, size, root: frontierRoot(frontier), at: at.toISOString() };
    return { ...unsigned, keyId: this.keyId, signature: sign(null, headSigningInput(unsigned), this.privateKey).toString('base64url') };
  }
}

export function entrySignatureValid(publicKey: KeyObject, subgraph: string, hash: string, signature: string): boolean {
  return verify(null, entrySigningInput(subgraph, hash), publicKey, Buffer.from(signature, 'base64url'));
}

export function headSignatureValid(publicKey: KeyObject, head: SignedTreeHead): boolean {
  return verify(null, headSigningInput(head), publicKey, Buffer.from(head.signature, 'base64url'));
}
