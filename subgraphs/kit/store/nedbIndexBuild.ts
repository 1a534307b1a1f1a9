/*
 * Building a NeDB index over a collection's records at load, as NeDB 4.1.2 builds it (nedbLoad.ts
 * pins that version), for less: NeDB inserts the records into the index's AVL tree one at a time,
 * each insert a walk down the tree comparing keys with `model.compareThings` and a rebalance back up
 * (a compound key's comparison sorts its field names every time). At 100,000 cases that was 2.5–2.8 s
 * of CPU at every start. Here the records are grouped by key (a `Map` on a text that two keys share
 * exactly when `compareThings` finds them equal), the distinct keys sorted once with
 * `compareThings`, and the tree built balanced from them in one pass. What the index then holds is
 * what NeDB's inserts would have left: the same keys, each with its records in the order they were
 * loaded, in a valid AVL tree; its shape may differ, which no query sees (a lookup, a range and a
 * walk give the same records in the same order whatever the shape).
 *
 * Keys this cannot group exactly (arrays, which NeDB indexes element by element; nested objects;
 * NaN and invalid dates, which `compareThings` finds equal to anything; dotted field names; sparse
 * indexes) and a unique index that two records share a key in are left to NeDB's own inserts,
 * which then index them, or refuse them, as always.
 */

/** What this uses of a NeDB 4.1.2 index (lib/indexes.js) and its tree (@seald-io/binary-search-tree). */
export interface NedbIndex {
  fieldName: string;
  _fields: string[];
  unique: boolean;
  sparse: boolean;
  tree: { tree: TreeNode };
  reset(records?: unknown[]): void;
}

interface TreeNode {
  key?: unknown;
  data: unknown[];
  left: TreeNode | null;
  right: TreeNode | null;
  parent: TreeNode | null;
  height?: number;
  createSimilar(options: { key: unknown }): TreeNode;
}

type CompareThings = (a: unknown, b: unknown) => number;

/**
 * Empties `index` and indexes `records` in it: built from sorted keys when every key can be
 * grouped exactly, by NeDB's own inserts otherwise (which throw what NeDB throws for a record a
 * unique index refuses).
 */
export function buildIndex(index: NedbIndex, records: readonly Record<string, unknown>[], compareThings: CompareThings): void {
  const groups = groupedByKey(index, records);
  if (!groups) {
    index.reset(records as unknown[]);
    return;
  }
  index.reset();
  if (groups.length === 0) return;
  groups.sort((a, b) => compareThings(a.key, b.key));
  const root = index.tree.tree;
  index.tree.tree = balanced(root, groups, 0, groups.length - 1, null)!;
}

interface KeyGroup {
  key: unknown;
  records: unknown[];
}

/**
 * The records grouped by their key in the index, each group with the first record's key (the
 * one NeDB's tree keeps) and the records in load order; undefined when some key cannot be
 * grouped exactly, or a unique index has two records under one key.
 */
function groupedByKey(index: NedbIndex, records: readonly Record<string, unknown>[]): KeyGroup[] | undefined {
  if (index.sparse || index._fields.some((field) => field.includes('.'))) return undefined;
  const fields = index._fields;
  const compound = fields.length > 1;
  // A string key is its own text (most keys are: codes, ids); other keys are typed texts, apart.
  const byString = new Map<string, KeyGroup>();
  const byText = new Map<string, KeyGroup>();
  for (const record of records) {
    let key: unknown;
    let groups = byText;
    let text: string | undefined;
    if (compound) {
      // NeDB's compound key: an object of the fields' values, compared field by field.
      const values: Record<string, unknown> = {};
      text = '';
      for (const field of fields) {
        const part = keyText(record[field]);
        if (part === undefined) return undefined;
        values[field] = record[field];
        text += `${part.length}:${part}`;
      }
      key = values;
    } else {
      key = record[fields[0]!];
      if (typeof key === 'string') {
        groups = byString;
        text = key;
      } else text = keyText(key);
      if (text === undefined) return undefined;
    }
    const group = groups.get(text);
    if (!group) groups.set(text, { key, records: [record] });
    else if (index.unique) return undefined;
    else group.records.push(record);
  }
  return [...byString.values(), ...byText.values()];
}

/**
 * A text two keys share exactly when `compareThings` finds them equal, for the keys that can be
 * grouped (a JSON value's own: undefined, null, a number, a string, a boolean, a valid date);
 * undefined for any other. Numbers are equal by value (0 and -0 alike: both print as 0).
 */
function keyText(key: unknown): string | undefined {
  switch (typeof key) {
    case 'undefined':
      return 'u';
    case 'string':
      return `s${key}`;
    case 'number':
      return Number.isNaN(key) ? undefined : `n${key}`;
    case 'boolean':
      return `b${key}`;
    case 'object': {
      if (key === null) return 'z';
      if (key instanceof Date) {
        const time = key.getTime();
        return Number.isNaN(time) ? undefined : `d${time}`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The groups from `low` to `high` (sorted) as a balanced tree of nodes made like `like`'s, under `parent`. */
function balanced(like: TreeNode, groups: readonly KeyGroup[], low: number, high: number, parent: TreeNode | null): TreeNode | null {
  if (low > high) return null;
  const middle = (low + high) >>> 1;
  const group = groups[middle]!;
  const node = like.createSimilar({ key: group.key });
  node.data = group.records;
  node.parent = parent;
  node.left = balanced(like, groups, low, middle - 1, node);
  node.right = balanced(like, groups, middle + 1, high, node);
  node.height = 1 + Math.max(node.left?.height ?? 0, node.right?.height ?? 0);
  return node;
}
