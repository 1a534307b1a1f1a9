import { describe, expect, it } from 'vitest';
import { appendLeaf, emptyRoot, frontierRoot, leafHash, treeRoot } from './merkleTree.ts';

// The leaves and roots Certificate Transparency's implementations test RFC 6962 hashing with.
const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) =>
  leafHash(Buffer.from(hex, 'hex')),
);
const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('the Merkle tree', () => {
  it('hashes as RFC 6962 does, for every size of the reference tree', () => {
    expect(frontierRoot([])).toBe(emptyRoot);
    expect(emptyRoot).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    let frontier: string[] = [];
    leaves.forEach((leaf, size) => {
      frontier = appendLeaf(frontier, size, leaf);
      expect(frontierRoot(frontier), `size ${size + 1}`).toBe(roots[size]);
      expect(treeRoot(leaves.slice(0, size + 1)), `size ${size + 1}`).toBe(roots[size]);
    });
  });

  it('keeps one subtree root per bit of the size, so an append stays O(log n)', () => {
    const many = Array.from({ length: 300 }, (_, i) => leafHash(`entry ${i}`));
    const frontiers: string[][] = [];
    many.forEach((leaf, size) => {
      frontiers.push(appendLeaf(frontiers.at(-1) ?? [], size, leaf));
      const bits = (size + 1).toString(2).replace(/0/g, '').length;
      expect(frontiers[size]).toHaveLength(bits);
    });
    // The root from the frontier agrees with the whole tree's at sizes spread over the range (all of them would be slow).
    const sizes = [37, 74, 111, 148, 185, 222, 259, 296, many.length];
    expect(sizes.map((n) => frontierRoot(frontiers[n - 1]!))).toEqual(sizes.map((n) => treeRoot(many.slice(0, n))));
  });
});
