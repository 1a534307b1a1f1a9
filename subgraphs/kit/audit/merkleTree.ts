import { createHash } from 'node:crypto';

/*
 * The Merkle tree of RFC 6962 (Certificate Transparency), section 2.1, over an audit log's
 * entries: a leaf is hashed as SHA-256(0x00 || data), an inner node as SHA-256(0x01 || left ||
 * right), so no leaf can pass for a node. The tree is kept as its frontier, the roots of the
 * perfect subtrees that make up the first `size` leaves (largest first, one for each bit set in
 * `size`): appending a leaf and computing the root each cost O(log n), and the frontier is all a
 * writer has to keep between appends.
 */

const leafPrefix = Buffer.from([0]);
const nodePrefix = Buffer.from([1]);

/** The hash of a tree with no leaves (RFC 6962: the hash of the empty string). */
export const emptyRoot = createHash('sha256').digest('hex');

export function leafHash(data: string | Uint8Array): string {
  return createHash('sha256').update(leafPrefix).update(data).digest('hex');
}

export function nodeHash(left: string, right: string): string {
  return createHash('sha256').update(nodePrefix).update(Buffer.from(left, 'hex')).update(Buffer.from(right, 'hex')).digest('hex');
}

/** The frontier after appending one leaf hash to a tree of `size` leaves whose frontier is `frontier`. */
export function appendLeaf(frontier: readonly string[], size: number, leaf: string): string[] {
  const next = [...frontier];
  let merged = leaf;
  // Each trailing 1 bit of `size` is a perfect subtree the same size as the one being carried.
  for (let rest = size; rest & 1; rest >>>= 1) merged = nodeHash(next.pop()!, merged);
  next.push(merged);
  return next;
}

/** The root of the tree a frontier describes: the subtrees folded together from the right. */
export function frontierRoot(frontier: readonly string[]): string {
  if (frontier.length === 0) return emptyRoot;
  let root = frontier[frontier.length - 1]!;
  for (let i = frontier.length - 2; i >= 0; i -= 1) root = nodeHash(frontier[i]!, root);
  return root;
}

/** The root of a whole list of leaf hashes, by the recursive definition (for checking the frontier). */
export function treeRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) return emptyRoot;
  if (leaves.length === 1) return leaves[0]!;
  let split = 1;
  while (split * 2 < leaves.length) split *= 2;
  return nodeHash(treeRoot(leaves.slice(0, split)), treeRoot(leaves.slice(split)));
}
