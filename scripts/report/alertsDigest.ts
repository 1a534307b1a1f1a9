import fs from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml, pageStyle, table } from './html.ts';
import type { SendQuery } from './packQuery.ts';
import type { Table } from './tables.ts';

/*
 * The week's alerts for a coordination body's secretariat, as one printable page: the events
 * about the body, the bodies that report to it and the sectors it seats, from one query through
 * the gateway. Events carry no case-level data, so neither does the digest.
 */

/** The most events one request reads (the graph gives at most 500). */
const eventsRead = 500;

export const digestQuery = /* GraphQL */ `
  query AlertsDigest($bodyId: ID!) {
    coordinationBody(id: $bodyId) {
      id
      name
      seats {
        sector {
          id
        }
      }
      reportingBodies {
        id
      }
    }
    alertEvents(limit: ${eventsRead}) {
      id
      type
      subject
      summary
      day
      raisedAt
      data
    }
  }
`;

interface DigestEvent {
  id: string;
  type: string;
  subject: string;
  summary: string;
  day: string;
  raisedAt: string;
  data: string;
}

interface DigestAnswer {
  coordinationBody: { id: string; name: string; seats: { sector: { id: string } | null }[]; reportingBodies: { id: string }[] } | null;
  alertEvents: DigestEvent[];
}

export interface Digest {
  body: { id: string; name: string };
  /** The week: the seven days ending on `until`, both ends included (YYYY-MM-DD). */
  from: string;
  until: string;
  events: DigestEvent[];
}

const DAY_MS = 86_400_000;

/** Whether the event is the body's business: about it, a body reporting to it, or a sector it seats. */
function concerns(event: DigestEvent, bodies: ReadonlySet<string>, sectors: ReadonlySet<string>): boolean {
  const data = JSON.parse(event.data) as Record<string, unknown>;
  if (typeof data.bodyId === 'string') return bodies.has(data.bodyId);
  const sector = [data.leadSectorId, data.sectorId, data.toSectorId, data.subgraph].find((v) => typeof v === 'string');
  return typeof sector === 'string' && sectors.has(sector);
}

/** The events of the week ending on `until` (the hub's day each was noticed on) that concern the body, oldest first. */
export async function fetchDigest(send: SendQuery, bodyId: string, until: string): Promise<Digest> {
  const { data, errors } = await send(digestQuery, { bodyId });
  if (errors?.length) throw new Error(`The graph answered with errors: ${errors.map((e) => e.message).join('; ')}`);
  const answer = data as DigestAnswer;
  const body = answer.coordinationBody;
  if (!body) throw new Error(`No coordination body with id "${bodyId}"`);
  const from = new Date(Date.parse(`${until}T00:00:00Z`) - 6 * DAY_MS).toISOString().slice(0, 10);
  const bodies = new Set([body.id, ...body.reportingBodies.map((b) => b.id)]);
  const sectors = new Set(body.seats.flatMap((seat) => (seat.sector ? [seat.sector.id] : [])));
  // Newest first and at most `eventsRead`: if even the oldest read is in the week, some may be missing.
  const oldest = answer.alertEvents.at(-1);
  if (answer.alertEvents.length >= eventsRead && oldest && oldest.day >= from) {
    throw new Error(
      `More than ${eventsRead} events were raised since ${oldest.day}: the digest for the week to ${until} would be incomplete`,
    );
  }
  const events = answer.alertEvents
    .filter((e) => e.day >= from && e.day <= until && concerns(e, bodies, sectors))
    .sort((a, b) => a.day.localeCompare(b.day) || a.raisedAt.localeCompare(b.raisedAt));
  return { body: { id: body.id, name: body.name }, from, until, events };
}

export function digestHtml(digest: Digest): string {
  const events: Table = {
    name: 'events',
    title: `Events, ${digest.from} to ${digest.until}`,
    header: ['Day', 'Type', 'What happened', 'Event id'],
    rows: digest.events.map((e) => [e.day, e.type, e.summary, e.id]),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Alerts digest: ${escapeHtml(digest.body.name)}, ${escapeHtml(digest.from)} to ${escapeHtml(digest.until)}</title>
${pageStyle}
</head>
<body>
<header>
<h1>Alerts digest: ${escapeHtml(digest.body.name)}</h1>
<p>What the hub noticed from ${escapeHtml(digest.from)} to ${escapeHtml(digest.until)} about the body, the bodies that report to it and the sectors it seats: ${digest.events.length} event${digest.events.length === 1 ? '' : 's'}.</p>
</header>
${table(events)}
</body>
</html>
`;
}

/** Fetches the digest with one query and writes the printable page; returns it and the file. */
export async function writeAlertsDigest(send: SendQuery, bodyId: string, until: string, directory: string) {
  const digest = await fetchDigest(send, bodyId, until);
  await fs.mkdir(directory, { recursive: true });
  const file = path.join(directory, `alerts-digest-${until}.html`);
  await fs.writeFile(file, digestHtml(digest), 'utf8');
  return { digest, file };
}
