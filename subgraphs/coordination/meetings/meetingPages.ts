import { createHash } from 'node:crypto';
import { InvalidInputError } from '../../kit/errors.ts';
import { isoDay } from '../../kit/plausibleDates.ts';
import type { MeetingDoc } from './models.ts';

/*
 * A body's meetings a page at a time, as a Relay cursor connection. A body meets at most once a
 * day, so the day of a meeting marks its place in the body's list (newest first), and the next
 * page starts at the first meeting held before it: a meeting recorded late, between two pages,
 * is not skipped or shown twice by the pages that follow.
 *
 * A cursor is opaque to clients: the list it belongs to and the day, with a checksum, in
 * base64url. It is refused, naming the argument, when it was edited, cut short or made up (the
 * checksum no longer fits) or when it comes from another body's list. The checksum carries no
 * secret: a caller who forged one would only reach a place in a list it may already read whole.
 */

export interface MeetingEdgeRef {
  cursor: string;
  node: MeetingDoc;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface MeetingPageRef {
  edges: MeetingEdgeRef[];
  pageInfo: PageInfo;
  totalCount: number;
}

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

const format = 'meetings.v1';
const checksum = (payload: string) => createHash('sha256').update(payload).digest('base64url').slice(0, 16);

export function meetingCursor(meeting: Pick<MeetingDoc, 'bodyId' | 'heldOn'>): string {
  const payload = [format, meeting.bodyId, isoDay(meeting.heldOn)].join('|');
  return Buffer.from(`${payload}|${checksum(payload)}`).toString('base64url');
}

const refused = (problem: string) => new InvalidInputError('page of meetings', [{ field: 'after', problem }]);

/** The day a cursor of this body's list points at; refused when the cursor is not one the list gave. */
export function cursorDay(cursor: string, bodyId: string): Date {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const parts = text.split('|');
  const [kind, body, day, sum] = parts;
  const payload = parts.slice(0, 3).join('|');
  if (parts.length !== 4 || kind !== format || sum !== checksum(payload) || !/^\d{4}-\d{2}-\d{2}$/.test(day!)) {
    throw refused(
      'is not a cursor of a list of meetings: it was changed, cut short or made up; pass an `endCursor` or edge `cursor` as given',
    );
  }
  if (body !== bodyId) throw refused(`is a cursor of the meetings of ${body}, not of ${bodyId}`);
  return new Date(`${day}T00:00:00Z`);
}

/** One page of a body's meetings, `meetings` being all of them, newest first. */
export function meetingPage(
  meetings: readonly MeetingDoc[],
  bodyId: string,
  { first, after }: { first?: number | null; after?: string | null },
): MeetingPageRef {
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw new InvalidInputError('page of meetings', [{ field: 'first', problem: `must be 1 to ${MAX_PAGE} (got ${size})` }]);
  }
  const from = after ? cursorDay(after, bodyId).getTime() : Number.POSITIVE_INFINITY;
  const rest = meetings.filter((m) => m.heldOn.getTime() < from);
  const edges = rest.slice(0, size).map((node) => ({ cursor: meetingCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rest.length > size,
      hasPreviousPage: rest.length < meetings.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: meetings.length,
  };
}
