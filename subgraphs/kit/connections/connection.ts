import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../audit/recordAudit.ts';
import { InvalidInputError, type FieldProblem } from '../errors.ts';
import type { Filter, FindOptions, SortSpec } from '../store/port.ts';
import { configuredCursorSeal, type CursorKey, type CursorSeal } from './cursors.ts';

/*
 * Relay cursor connections (the GraphQL Cursor Connections Specification, which Apollo Client's
 * `relayStylePagination` and urql's `relayPagination` read): `edges { cursor node }` and
 * `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`, asked for with `first` and
 * `after`, or `last` and `before`.
 *
 * Pages are cut by the sort key, never by an offset: a cursor holds the key of the record it
 * stands on (sealed, see cursors.ts), and the next page is what sorts after that key. A record
 * written between two page reads therefore lands before or after the cursor and never makes an
 * older record appear twice or not at all. The last sort field must be unique (an id, a
 * sequence) so that no two records share a key.
 */

/** A sort field: its name in the store, its direction, and what its values are. */
export type SortField = readonly [field: string, direction: 1 | -1, kind: 'date' | 'string' | 'number'];

/** One list that can be paged. */
export interface PagedList {
  /**
   * Names the list, and whose view of it (`cases/health`), in every cursor it gives out: a cursor
   * opens only for the same name.
   */
  name: string;
  /** How the list is sorted, most significant field first; the last one is unique. */
  order: readonly SortField[];
  /** The largest page a caller may ask for. */
  maxSize: number;
}

/** The arguments of every connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** How many records the whole list holds now. */
  totalCount: number;
}

/** Where a page is read from: a repository, or anything that finds and counts as one does. */
export interface PageSource<T> {
  find(filter: Filter, options: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
}

/** The page size when neither `first` nor `last` is given. */
export const defaultPageSize = 50;

interface PageRequest {
  size: number;
  forward: boolean;
  after: CursorKey | null;
  before: CursorKey | null;
}

const cursorProblem =
  'is not a cursor of this list (it was changed, or given out by another list or for another caller); leave it out to start again';

function validKey(list: PagedList, key: CursorKey | null): key is CursorKey {
  return (
    key !== null &&
    key.length === list.order.length &&
    list.order.every(([, , kind], i) => (kind === 'string' ? typeof key[i] === 'string' : Number.isFinite(key[i])))
  );
}

/** The request the arguments make, or an error naming every argument that is wrong. */
function pageRequest(list: PagedList, args: PageArgs, seal: CursorSeal): PageRequest {
  const problems: FieldProblem[] = [];
  const given = (n: number | null | undefined): n is number => n !== null && n !== undefined;
  if (given(args.first) && given(args.last)) {
    problems.push({ field: 'first', problem: 'and last were both given: ask for the first N (after a cursor) or the last N (before one)' });
  }
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (given(n) && (!Number.isInteger(n) || n < 1 || n > list.maxSize)) {
      problems.push({ field: name, problem: `must be from 1 to ${list.maxSize} (got ${n})` });
    }
  }
  const open = (name: 'after' | 'before'): CursorKey | null => {
    const cursor = args[name];
    if (cursor === null || cursor === undefined) return null;
    const key = seal.open(list.name, cursor);
    if (validKey(list, key)) return key;
    problems.push({ field: name, problem: cursorProblem });
    return null;
  };
  const after = open('after');
  const before = open('before');
  if (problems.length > 0) throw new InvalidInputError('page request', problems);
  const forward = !given(args.last);
  return { size: (forward ? args.first : args.last) ?? defaultPageSize, forward, after, before };
}

const storedValue = (kind: SortField[2], value: string | number) => (kind === 'date' ? new Date(value) : value);

function keyOf(list: PagedList, record: object): CursorKey {
  return list.order.map(([field, , kind]) => {
    const value = (record as Record<string, unknown>)[field];
    if (kind === 'date') return (value as Date).getTime();
    return value as string | number;
  });
}

/**
 * Records past `key` in the list's order (`after`), or before it (`before`), as a store filter;
 * with `inclusive`, the record at `key` too.
 */
function beyond(list: PagedList, key: CursorKey, side: 'after' | 'before', inclusive = false): Filter {
  const equal = (upTo: number): Filter =>
    Object.fromEntries(list.order.slice(0, upTo).map(([field, , kind], j) => [field, storedValue(kind, key[j]!)]));
  const clauses = list.order.map(([field, direction, kind], i) => {
    const greater = (direction === 1) === (side === 'after');
    return { ...equal(i), [field]: { [greater ? '$gt' : '$lt']: storedValue(kind, key[i]!) } };
  });
  return { $or: inclusive ? [...clauses, equal(list.order.length)] : clauses };
}

/** -1, 0 or 1 as `record` sorts before, at or after `key` in the list's order. */
function compareToKey(list: PagedList, record: object, key: CursorKey): number {
  const own = keyOf(list, record);
  for (const [i, [, direction]] of list.order.entries()) {
    const a = own[i]!;
    const b = key[i]!;
    if (a !== b) return (a < b ? -1 : 1) * direction;
  }
  return 0;
}

function assemble<T extends object>(
  list: PagedList,
  request: PageRequest,
  fetched: readonly T[],
  totalCount: number,
  /** Whether the list holds a record on the far side of the cursor the page starts from. */
  pastStart: boolean,
  seal: CursorSeal,
): Page<T> {
  const more = fetched.length > request.size;
  const nodes = fetched.slice(0, request.size);
  if (!request.forward) nodes.reverse();
  const edges = nodes.map((node) => ({ cursor: seal.seal(list.name, keyOf(list, node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.forward ? more : pastStart,
      hasPreviousPage: request.forward ? pastStart : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * One page of a list read from the store: one find, with the caller's filter `base` narrowed to
 * the cursors' range, the list's order (reversed for `last`) and one record more than the page,
 * to know whether there is more; and one count of `base`.
 */
export async function storePage<T extends object>(
  list: PagedList,
  args: PageArgs,
  base: Filter,
  source: PageSource<T>,
  seal: CursorSeal = configuredCursorSeal(),
): Promise<Page<T>> {
  const request = pageRequest(list, args, seal);
  const narrowed = [
    base,
    ...(request.after ? [beyond(list, request.after, 'after')] : []),
    ...(request.before ? [beyond(list, request.before, 'before')] : []),
  ];
  const sort: SortSpec = Object.fromEntries(
    list.order.map(([field, direction]) => [field, request.forward ? direction : (-direction as 1 | -1)]),
  );
  // The page starts from `after` (forwards) or `before` (backwards): is anything left behind it?
  const start = request.forward ? request.after : request.before;
  const behind = start && beyond(list, start, request.forward ? 'before' : 'after', true);
  const [fetched, totalCount, pastStart] = await Promise.all([
    source.find(narrowed.length === 1 ? base : { $and: narrowed }, { sort, limit: request.size + 1 }),
    source.count(base),
    behind ? source.find({ $and: [base, behind] }, { limit: 1 }).then((found) => found.length > 0) : false,
  ]);
  return assemble(list, request, fetched, totalCount, pastStart, seal);
}

/** One page of a list already read whole and sorted in the list's order (one a loader batched, say). */
export function listPage<T extends object>(
  list: PagedList,
  args: PageArgs,
  sorted: readonly T[],
  seal: CursorSeal = configuredCursorSeal(),
): Page<T> {
  const request = pageRequest(list, args, seal);
  const inRange = sorted.filter(
    (record) =>
      (!request.after || compareToKey(list, record, request.after) > 0) &&
      (!request.before || compareToKey(list, record, request.before) < 0),
  );
  const fetched = request.forward ? inRange.slice(0, request.size + 1) : inRange.slice(-(request.size + 1)).reverse();
  const start = request.forward ? request.after : request.before;
  const pastStart = start !== null && sorted.some((record) => compareToKey(list, record, start) * (request.forward ? 1 : -1) <= 0);
  return assemble(list, request, fetched, sorted.length, pastStart, seal);
}

/** The fields a connection query selects on its nodes (`district`, `referrals.status`), for the audit log. */
export function selectedNodeFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): string[] {
  const prefix = 'edges.node.';
  return selectedFields(info, 5)
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length));
}
