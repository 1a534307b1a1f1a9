import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryDoc } from '../../subgraphs/kit/audit/auditEntry.ts';
import type { CaseDoc, ReferralDoc } from '../../subgraphs/coordination/cases/models.ts';
import { startTestHub, type GraphQLResponse, type TestCaller, type TestHub } from '../support/hub.ts';
import { auditor, officer, registered } from './caseFixtures.ts';

/*
 * Cursor connections over the real hub: every page walked and compared with the whole list read
 * from the store; records written between two page reads; cursors that were changed, taken from
 * another list or another sector; the bound on a page; and the audit entry each page read writes.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const pageFields = (node: string) =>
  `edges { cursor node { ${node} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;

const casesPage = `query($first: Int, $after: String, $last: Int, $before: String, $purpose: String) {
  casesConnection(first: $first, after: $after, last: $last, before: $before, purpose: $purpose) { ${pageFields('id district')} }
}`;

async function stored<T>(subgraph: string, collection: string, filter: Record<string, unknown> = {}): Promise<T[]> {
  return (await hub.stores.get(subgraph)!.collection(collection).find(filter)) as unknown as T[];
}

function pageOf<T>(answer: GraphQLResponse, field: (data: Record<string, any>) => Page<T>): Page<T> {
  expect(answer.errors).toBeUndefined();
  return field(answer.data!);
}

/** Every page, forwards from the start (or backwards from the end), with the callback run between two reads. */
async function walk<T>(
  query: string,
  field: (data: Record<string, any>) => Page<T>,
  variables: Record<string, unknown>,
  as: TestCaller,
  options: { backwards?: boolean; size: number; between?: (pageNumber: number) => Promise<void> },
): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: string | null = null;
  for (;;) {
    const args: Record<string, unknown> = options.backwards
      ? { last: options.size, before: cursor }
      : { first: options.size, after: cursor };
    const page: Page<T> = pageOf(await hub.query(query, { ...variables, ...args }, as), field);
    pages.push(page);
    const more = options.backwards ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return pages;
    expect(page.edges).toHaveLength(options.size);
    cursor = options.backwards ? page.pageInfo.startCursor : page.pageInfo.endCursor;
    await options.between?.(pages.length);
  }
}

const ids = (pages: Page<{ id: string }>[]) => pages.flatMap((p) => p.edges.map((e) => e.node.id));

/** The cases `sector` may see, newest first, worked out from the store: held, or referred with consent (or an override) and still engaged. */
async function casesSeenBy(sector: string): Promise<string[]> {
  const engaged = new Set(['PENDING', 'ACCEPTED', 'IN_PROGRESS', 'DONE']);
  const cases = await stored<CaseDoc>('coordination', 'cases');
  const referrals = await stored<ReferralDoc>('coordination', 'referrals', { toSector: sector });
  const byCase = new Map(cases.map((c) => [c._id, c]));
  const referred = referrals
    .filter((r) => engaged.has(r.status) && (byCase.get(r.caseId)!.referralConsent.includes(sector) || r.consentOverride))
    .map((r) => r.caseId);
  const seen = new Set([...cases.filter((c) => c.holdingSector === sector).map((c) => c._id), ...referred]);
  return cases
    .filter((c) => seen.has(c._id))
    .sort((a, b) => b.firstReportedOn.getTime() - a.firstReportedOn.getTime() || (a._id < b._id ? 1 : -1))
    .map((c) => c._id);
}

/** The coordination log's entries written with this purpose. */
const auditedWith = (purpose: string) => stored<AuditEntryDoc>('coordination', 'auditLog', { purpose });

describe('casesConnection', () => {
  it('walks every page to the whole list, forwards and backwards, each page read audited once with its purpose', async () => {
    const police = officer('police');
    const expected = await casesSeenBy('police');
    expect(expected.length).toBeGreaterThan(60);

    const forwards = await walk<{ id: string; district: string }>(
      casesPage,
      (d) => d.casesConnection,
      { purpose: 'monthly case review' },
      police,
      { size: 25 },
    );
    expect(ids(forwards)).toEqual(expected);
    expect(forwards.every((p) => p.totalCount === expected.length)).toBe(true);
    expect(forwards[0]!.pageInfo.hasPreviousPage).toBe(false);
    expect(forwards.slice(1).every((p) => p.pageInfo.hasPreviousPage)).toBe(true);

    const backwards = await walk<{ id: string; district: string }>(
      casesPage,
      (d) => d.casesConnection,
      { purpose: 'backwards review' },
      police,
      {
        size: 30,
        backwards: true,
      },
    );
    expect(backwards[0]!.pageInfo.hasNextPage).toBe(false);
    expect(backwards.slice(1).every((p) => p.pageInfo.hasNextPage)).toBe(true);
    expect(
      backwards
        .reverse()
        .flatMap((p) => p.edges.map((e) => e.node.id))
        .join(),
    ).toBe(expected.join());

    // One entry per page read, naming the cases on that page and nothing else, with the purpose.
    const entries = await auditedWith('monthly case review');
    expect(entries).toHaveLength(forwards.length);
    expect(entries.every((e) => e.action === 'case.list' && e.sector === 'police')).toBe(true);
    expect(entries.map((e) => e.caseIds).sort()).toEqual(forwards.map((p) => p.edges.map((e) => e.node.id).sort()).sort());
    expect(entries.every((e) => e.fields.includes('district') && e.fields.includes('id'))).toBe(true);
  });

  it('neither repeats nor skips an older case when cases are registered between two page reads', async () => {
    const police = officer('police');
    const before = await casesSeenBy('police');
    const reportedOn = async (index: number) => {
      const [c] = await stored<CaseDoc>('coordination', 'cases', { _id: before[index] });
      return c!.firstReportedOn.toISOString().slice(0, 10);
    };
    const added: string[] = [];
    const pages = await walk<{ id: string; district: string }>(casesPage, (d) => d.casesConnection, {}, police, {
      size: 20,
      between: async (pageNumber) => {
        if (pageNumber !== 1) return;
        // One sorts before the cursor (newest of all), one in a page still to come.
        added.push(await registered(hub, 'police', { firstReportedOn: '2026-11-24', incidentOn: '2026-11-23' }));
        added.push(await registered(hub, 'police', { firstReportedOn: await reportedOn(45), incidentOn: '2026-01-02' }));
      },
    });
    const walked = ids(pages);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.filter((id) => before.includes(id))).toEqual(before);
    expect(walked).not.toContain(added[0]);
    expect(walked.filter((id) => id === added[1])).toHaveLength(1);
    expect(pages.at(-1)!.totalCount).toBe(before.length + 2);
  });

  it('gives cursors that name no case, day or district, and refuses one changed or taken elsewhere', async () => {
    const police = officer('police');
    const page = pageOf<{ id: string; district: string }>(await hub.query(casesPage, { first: 10 }, police), (d) => d.casesConnection);
    const cases = await stored<CaseDoc>('coordination', 'cases', { _id: { $in: page.edges.map((e) => e.node.id) } });
    for (const { cursor, node } of page.edges) {
      const c = cases.find((x) => x._id === node.id)!;
      const opened = Buffer.from(cursor, 'base64url').toString('latin1');
      for (const secret of [node.id, node.id.slice(-6), 'CASE-', node.district, c.firstReportedOn.toISOString().slice(0, 10)]) {
        expect(cursor).not.toContain(secret);
        expect(opened).not.toContain(secret);
      }
      expect(opened).not.toContain(String(c.firstReportedOn.getTime()));
    }

    const refused = async (variables: Record<string, unknown>, as: TestCaller, query = casesPage) => {
      const answer = await hub.query(query, variables, as);
      expect(answer.data?.casesConnection ?? null).toBeNull();
      expect(answer.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      return answer.errors![0]!.message;
    };
    const end = page.pageInfo.endCursor!;
    const flipped = end.slice(0, 20) + (end[20] === 'A' ? 'B' : 'A') + end.slice(21);
    expect(await refused({ after: flipped }, police)).toMatch(/after is not a cursor of this list/);
    expect(await refused({ after: 'not-a-cursor' }, police)).toMatch(/after is not a cursor of this list/);
    // Another sector's cursor, and a cursor of another list, open to nothing.
    expect(await refused({ after: end }, officer('health'))).toMatch(/after is not a cursor of this list/);
    const escalated = pageOf(
      await hub.query(`{ escalatedReferralsConnection(first: 1) { ${pageFields('id')} } }`, {}, police),
      (d) => d.escalatedReferralsConnection,
    );
    expect(await refused({ before: escalated.pageInfo.endCursor }, police)).toMatch(/before is not a cursor of this list/);
    // The bound on a page, and one direction at a time.
    expect(await refused({ first: 101 }, police)).toMatch(/first must be from 1 to 100 \(got 101\)/);
    expect(await refused({ first: 0 }, police)).toMatch(/first must be from 1 to 100 \(got 0\)/);
    expect(await refused({ first: 5, last: 5 }, police)).toMatch(/first and last were both given/);
  });
});

describe('escalatedReferralsConnection', () => {
  it('walks every page to the escalatedReferrals list, each page read audited with its purpose', async () => {
    const sector = officer('social-welfare');
    const whole = await hub.query(`{ escalatedReferrals { id } }`, {}, sector);
    expect(whole.errors).toBeUndefined();
    const expected = (whole.data!.escalatedReferrals as { id: string }[]).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(5);
    const query = `query($first: Int, $after: String) {
      escalatedReferralsConnection(first: $first, after: $after, purpose: "escalation review") { ${pageFields('id case { id }')} }
    }`;
    const pages = await walk<{ id: string; case: { id: string } }>(query, (d) => d.escalatedReferralsConnection, {}, sector, { size: 4 });
    expect(ids(pages)).toEqual(expected);
    const entries = await auditedWith('escalation review');
    expect(entries).toHaveLength(pages.length);
    expect(entries.every((e) => e.action === 'referral.list-escalated')).toBe(true);
    const casesOnPage = (p: Page<{ case: { id: string } }>) => [...new Set(p.edges.map((e) => e.node.case.id))].sort().join();
    expect(entries.map((e) => e.caseIds.join()).sort()).toEqual(pages.map(casesOnPage).sort());
  });
});

describe('AuditLog.entriesConnection', () => {
  const entriesPage = (order: string) => `query($first: Int, $after: String) {
    auditLog { id ... on CoordinationAuditLog { entriesConnection(order: ${order}, first: $first, after: $after) {
      ${pageFields('id seq prevHash hash action')}
    } } }
  }`;
  const coordination = (d: Record<string, any>) => d.auditLog.find((l: { id: string }) => l.id === 'coordination').entriesConnection;
  type Entry = { id: string; seq: number; prevHash: string; hash: string; action: string };

  it('lets an auditor walk the whole chain in its order, each entry once and linked to the one before', async () => {
    const pages = await walk<Entry>(entriesPage('OLDEST_FIRST'), coordination, {}, auditor, { size: 10 });
    const entries = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(pages.length).toBeGreaterThan(2);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    entries.slice(1).forEach((e, i) => expect(e.prevHash).toBe(entries[i]!.hash));
    // The same chain as the store holds, up to where the walk ended.
    const kept = (await stored<AuditEntryDoc>('coordination', 'auditLog'))
      .filter((e) => e.seq <= entries.length)
      .sort((a, b) => a.seq - b.seq)
      .map((e) => [e._id, e.hash]);
    expect(entries.map((e) => [e.id, e.hash])).toEqual(kept);
  });

  it('pages newest first without a repeat or a gap while every page read appends an entry', async () => {
    const pages = await walk<Entry>(entriesPage('NEWEST_FIRST'), coordination, {}, auditor, { size: 15 });
    const seqs = pages.flatMap((p) => p.edges.map((e) => e.node.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! - i));
    expect(seqs.at(-1)).toBe(1);
    // Each of those reads was recorded in the log it read, naming the entries it was given.
    const reads = (await stored<AuditEntryDoc>('coordination', 'auditLog', { action: 'audit.read' })).filter((e) =>
      e.detail?.startsWith('a page of 15 entries'),
    );
    expect(reads.length).toBeGreaterThanOrEqual(pages.length - 1);
    expect(reads.some((e) => e.detail === `a page of 15 entries, ${seqs[0]} to ${seqs[14]}`)).toBe(true);
  });

  it('pages a sector log by the same rules, filters included', async () => {
    const query = `query($first: Int, $after: String) { auditLog { id ... on HealthAuditLog { entriesConnection(action: "audit.read", first: $first, after: $after) { ${pageFields('seq action')} } } } }`;
    const health = (d: Record<string, any>) => d.auditLog.find((l: { id: string }) => l.id === 'health').entriesConnection;
    for (let i = 0; i < 3; i += 1) await hub.query(`{ auditLog { id entries(limit: 1) { seq } } }`, {}, auditor);
    const pages = await walk<{ seq: number; action: string }>(query, health, {}, auditor, { size: 1 });
    const walked = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(walked.length).toBeGreaterThan(1);
    expect(walked.every((e) => e.action === 'audit.read')).toBe(true);
    const kept = (await stored<AuditEntryDoc>('health', 'auditLog', { action: 'audit.read' })).map((e) => e.seq).sort((a, b) => b - a);
    expect(walked.map((e) => e.seq)).toEqual(kept.filter((seq) => seq <= walked[0]!.seq));
    // A cursor of the health log opens for no other log.
    const foreign = await hub.query(
      `query($after: String) { auditLog { id ... on CoordinationAuditLog { entriesConnection(action: "audit.read", after: $after) { totalCount } } } }`,
      { after: pages[0]!.pageInfo.endCursor },
      auditor,
    );
    expect(foreign.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0]!.path).toEqual(['auditLog', 0, 'entriesConnection']);
  });
});

describe('FrameworkAction.progressHistoryConnection', () => {
  it('pages an action history to the whole history, a report appended between two reads included once', async () => {
    const query = `query($first: Int, $after: String) { action(id: "bd-a2-3") { progressHistoryConnection(first: $first, after: $after) { ${pageFields('id sequence')} } } }`;
    const historyNow = async () =>
      (await stored<{ _id: string; sequence: number }>('health', 'progressReports', { actionId: 'bd-a2-3' }))
        .sort((a, b) => a.sequence - b.sequence)
        .map((r) => r._id);
    const appendReport = async () => {
      const { errors } = await hub.query(
        `mutation($input: ProgressReportInput!) { reportHealthActionProgress(input: $input) { id } }`,
        { input: { actionId: 'bd-a2-3', status: 'DELAYED', note: 'Kits not delivered' } },
        officer('health'),
      );
      expect(errors).toBeUndefined();
    };
    await appendReport();
    const before = await historyNow();
    expect(before.length).toBeGreaterThan(1);
    const pages = await walk<{ id: string; sequence: number }>(
      query,
      (d) => d.action.progressHistoryConnection,
      {},
      { role: 'analyst' },
      {
        size: 1,
        between: async (pageNumber) => {
          if (pageNumber !== 1) return;
          const { errors } = await hub.query(
            `mutation($input: ProgressReportInput!) { reportHealthActionProgress(input: $input) { id } }`,
            { input: { actionId: 'bd-a2-3', status: 'DELAYED', note: 'Kits not delivered' } },
            officer('health'),
          );
          expect(errors).toBeUndefined();
        },
      },
    );
    const after = await historyNow();
    expect(after).toHaveLength(before.length + 1);
    expect(ids(pages)).toEqual(after);
    expect(pages.at(-1)!.totalCount).toBe(after.length);
    const latest = await hub.query(`{ action(id: "bd-a2-3") { progressHistoryConnection(last: 1) { ${pageFields('id')} } } }`);
    expect(latest.data!.action.progressHistoryConnection.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([after.at(-1)]);
  });
});
