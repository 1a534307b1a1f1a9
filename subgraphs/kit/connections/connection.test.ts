import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listPage, type Page, type PagedList } from './connection.ts';
import { cursorSeal } from './cursors.ts';

const seal = cursorSeal(randomBytes(32));
const list: PagedList = {
  name: 'cases/police',
  order: [
    ['on', -1, 'date'],
    ['_id', -1, 'string'],
  ],
  maxSize: 3,
};
const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const records = [5, 5, 4, 3, 3, 3, 2, 1].map((d, i) => ({ _id: `CASE-BD-2026-00000${i}`, on: day(d) }));
const sorted = [...records].sort((a, b) => b.on.getTime() - a.on.getTime() || (a._id < b._id ? 1 : -1));

describe('cursors', () => {
  it('seal a position so that it opens for its own list only, the same cursor for the same position', () => {
    const cursor = seal.seal('cases/police', [day(3).getTime(), 'CASE-BD-2026-000004']);
    expect(seal.open('cases/police', cursor)).toEqual([day(3).getTime(), 'CASE-BD-2026-000004']);
    expect(seal.seal('cases/police', [day(3).getTime(), 'CASE-BD-2026-000004'])).toBe(cursor);
    expect(seal.open('cases/health', cursor)).toBeNull();
    expect(cursorSeal(randomBytes(32)).open('cases/police', cursor)).toBeNull();
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/CASE|000004/);
  });

  it('open to nothing once any byte is changed', () => {
    const bytes = Buffer.from(seal.seal('cases/police', [1, 'a']), 'base64url');
    for (let i = 0; i < bytes.length; i += 1) {
      const changed = Buffer.from(bytes);
      changed[i] = changed[i]! ^ 1;
      expect(seal.open('cases/police', changed.toString('base64url'))).toBeNull();
    }
    expect(seal.open('cases/police', '')).toBeNull();
    expect(seal.open('cases/police', 'a b')).toBeNull();
  });
});

describe('listPage', () => {
  const walk = (items: typeof sorted, direction: 'first' | 'last') => {
    const seen: string[][] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: Page<(typeof sorted)[number]> = listPage(
        list,
        direction === 'first' ? { first: 3, after: cursor } : { last: 3, before: cursor },
        items,
        seal,
      );
      seen.push(page.edges.map((e) => e.node._id));
      const more = direction === 'first' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
      if (!more) return seen;
      cursor = direction === 'first' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
    }
  };

  it('walks forwards and backwards through every record once, in order', () => {
    expect(walk(sorted, 'first').flat()).toEqual(sorted.map((r) => r._id));
    expect(walk(sorted, 'last').reverse().flat()).toEqual(sorted.map((r) => r._id));
  });

  it('says whether anything is left behind the cursor, even once the record it names has left the list', () => {
    const first = listPage(list, { first: 2 }, sorted, seal);
    const rest = sorted.filter((r) => r._id !== first.edges[1]!.node._id);
    const second = listPage(list, { first: 2, after: first.pageInfo.endCursor }, rest, seal);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.edges.map((e) => e.node._id)).toEqual(sorted.slice(2, 4).map((r) => r._id));
    const alone = listPage(list, { first: 2, after: first.pageInfo.startCursor }, sorted.slice(1), seal);
    expect(alone.pageInfo.hasPreviousPage).toBe(false);
  });

  it('refuses a page larger than the bound, both directions at once, and a cursor of another list', () => {
    expect(() => listPage(list, { first: 4 }, sorted, seal)).toThrow('first must be from 1 to 3 (got 4)');
    expect(() => listPage(list, { first: 1, last: 1 }, sorted, seal)).toThrow('first and last were both given');
    const other = seal.seal('cases/health', [1, 'x']);
    expect(() => listPage(list, { after: other }, sorted, seal)).toThrow('after is not a cursor of this list');
    const wrongShape = seal.seal('cases/police', ['x', 1]);
    expect(() => listPage(list, { before: wrongShape }, sorted, seal)).toThrow('before is not a cursor of this list');
  });
});
