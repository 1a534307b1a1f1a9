import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestCaller, type TestHub } from '../support/hub.ts';
import { snapshotAll } from './support.ts';

/*
 * Scope checks at the gateway cannot be slipped past: a protected field is removed however it is
 * reached, comes back null with an error naming it, and the rest of the answer is complete.
 * Writes the caller may not make never reach a subgraph, and another sector's records stay shut.
 */

let hub: TestHub;
let before: string;
beforeAll(async () => {
  hub = await startTestHub();
  before = await snapshotAll(hub);
});
afterAll(() => hub?.stop());

const analyst: TestCaller = { role: 'analyst' };
const dashboard: TestCaller = { role: 'dashboard' };
const auditor: TestCaller = { role: 'auditor' };
const policeOfficer: TestCaller = { role: 'sector-officer', sector: 'police' };

function expectEmailsHidden(answer: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(JSON.stringify(answer.data)).not.toMatch(/@[a-z]/);
  expect(answer.errors!.length).toBeGreaterThan(0);
  for (const error of answer.errors!) {
    expect(error.extensions!.code).toBe('FORBIDDEN');
    expect(error.message).toContain('FocalPoint.email');
  }
}

describe('field authorization at the gateway', () => {
  it('shows contact emails to the lead ministry and hides them from a dashboard, with everything else intact', async () => {
    const query = '{ sectors { id name focalPoint { name email } } }';
    const analyst = await hub.query(query);
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data!.sectors.every((s: any) => s.focalPoint.email.includes('@'))).toBe(true);

    const shown = await hub.query(query, undefined, dashboard);
    expectEmailsHidden(shown);
    expect(shown.data!.sectors).toHaveLength(5);
    expect(shown.data!.sectors[0]).toEqual({
      ...analyst.data!.sectors[0],
      focalPoint: { ...analyst.data!.sectors[0].focalPoint, email: null },
    });
  });

  it("plans each role's answer for itself: a query first planned without a field still gets it for a role that may read it", async () => {
    // A query text this hub has not seen: the dashboard's email-less plan is the first made for it.
    const query = 'query PlannedForTheDashboardFirst { sectors { id focalPoint { name email } } }';
    expectEmailsHidden(await hub.query(query, undefined, dashboard));
    const after = await hub.query(query, undefined, analyst);
    expect(after.errors).toBeUndefined();
    expect(after.data!.sectors).toHaveLength(5);
    expect(after.data!.sectors.every((s: any) => s.focalPoint.email.includes('@'))).toBe(true);
  });

  it.each([
    ['an alias', '{ s: sectors { fp: focalPoint { contact: email } } }'],
    ['a named fragment', '{ sectors { ...Contact } } fragment Contact on SectorAgency { focalPoint { email } }'],
    ["a fragment on the field's own type", '{ sectors { focalPoint { ...Mail } } } fragment Mail on FocalPoint { email }'],
    ['an inline fragment on one implementation', '{ sectors { ... on HealthSector { focalPoint { email } } } }'],
    ['an entity reference from another entity', '{ framework { objectives { actions { leadSector { focalPoint { email } } } } } }'],
    ['a path through a coordination body', '{ coordinationBodies { members { sector { focalPoint { email } } } } }'],
    ['a variable-driven @include', 'query($yes: Boolean = true) { sectors { focalPoint { email @include(if: $yes) } } }'],
  ])('removes the field reached through %s', async (_, query) => {
    expectEmailsHidden(await hub.query(query, undefined, dashboard));
  });

  it('removes the same fields from a query sent by GET, and plans it for the caller who sent it', async () => {
    // A query text this hub has not seen, first planned for the dashboard by GET, then for the
    // committee member. Meetings are framework data, so GET may carry them; the dashboard may not read them.
    const { data: bodies } = await hub.query('{ coordinationBodies { meetings { id } } }', undefined, { role: 'committee-member' });
    const id = bodies!.coordinationBodies.flatMap((b: { meetings: { id: string }[] }) => b.meetings)[0].id as string;
    const query = `query ByGet { sectors { id } meeting(id: "${id}") { id heldOn } }`;
    const byGet = async (caller: TestCaller) => {
      const response = await fetch(`${hub.gateway.url}?${new URLSearchParams({ query })}`, {
        headers: { authorization: `Bearer ${await hub.tokenFor(caller)}` },
      });
      expect(response.status).toBe(200);
      // An answer for one caller, kept by no browser or proxy to hand to another.
      expect(response.headers.get('cache-control')).toBe('no-store');
      return (await response.json()) as { data: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    };
    const shown = await byGet(dashboard);
    expect(shown.errors!.map((e) => [e.extensions!.code, e.message.includes('Query.meeting')])).toEqual([['FORBIDDEN', true]]);
    expect(shown.data.meeting).toBeNull();
    expect(shown.data.sectors.length).toBeGreaterThan(0);
    expect(shown).toEqual(await hub.query(query, undefined, dashboard));
    const full = await byGet({ role: 'committee-member' });
    expect(full.errors).toBeUndefined();
    expect(full.data.meeting.id).toBe(id);
  });

  it('refuses by GET, for every role, a query that reads contact details: it goes by POST', async () => {
    const query = 'query ByGet { sectors { id focalPoint { name email } } }';
    for (const caller of [dashboard, analyst]) {
      const response = await fetch(`${hub.gateway.url}?${new URLSearchParams({ query })}`, {
        headers: { authorization: `Bearer ${await hub.tokenFor(caller)}` },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(errors.map((e) => e.extensions.code)).toEqual(['POST_REQUIRED']);
      expect(errors[0]!.message).toMatch(/^This query asks for data beyond framework and aggregates .*preferGetMethod: false/);
    }
  });

  it('refuses every GET, a harmless one too, from the roles that read case-level data or the audit log', async () => {
    const harmless = `${hub.gateway.url}?${new URLSearchParams({ query: 'query ByGet { sectors { id } }' })}`;
    const status = async (caller: TestCaller) => {
      const response = await fetch(harmless, { headers: { authorization: `Bearer ${await hub.tokenFor(caller)}` } });
      const { errors } = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
      return [caller.role, response.status, response.headers.get('allow'), errors?.map((e) => e.extensions.code) ?? []];
    };
    const byRole = await Promise.all(
      [
        policeOfficer,
        { role: 'sector-admin', sector: 'police' },
        auditor,
        analyst,
        dashboard,
        { role: 'committee-member' },
        { role: 'alerts-service' },
      ].map((caller) => status(caller as TestCaller)),
    );
    expect(byRole).toEqual([
      ['sector-officer', 405, 'POST', ['POST_REQUIRED']],
      ['sector-admin', 405, 'POST', ['POST_REQUIRED']],
      // The auditor may read no sector, but sends its audit queries by POST all the same.
      ['auditor', 405, 'POST', ['POST_REQUIRED']],
      ['analyst', 200, null, []],
      ['dashboard', 200, null, []],
      ['committee-member', 200, null, []],
      ['alerts-service', 200, null, []],
    ]);
  });

  it('answers a caller whose role reads none of the query with nulls and a named error, and asks no subgraph', async () => {
    for (const store of hub.stores.values()) store.resetQueryCount();
    const answer = await hub.query('{ sectors { id name } crisisCentres { id } }', undefined, auditor);
    expect(answer.data).toBeNull();
    expect(answer.errors!.map((e) => e.message)).toEqual([
      expect.stringContaining('Query.sectors: it needs the scope framework:read, which the auditor role does not have'),
      expect.stringContaining('Query.crisisCentres'),
    ]);
    expect([...hub.stores.values()].reduce((n, store) => n + store.queries.total, 0)).toBe(0);
  });

  it('never runs a write the role may not make, and says which scope it needs', async () => {
    const answer = await hub.query(
      'mutation { addCrisisCentre(input: { id: "bd-occ-dash", name: "X", hospital: "H", place: "P", district: "D" }) { id } }',
      undefined,
      dashboard,
    );
    expect(answer.data).toBeNull();
    expect(answer.errors![0]!.message).toContain('Mutation.addCrisisCentre: it needs the scope framework:write');
    expect(await snapshotAll(hub)).toBe(before);
  });

  it('answers callers of different roles sending the same query at once each for their own role', async () => {
    // The caller travels with its own request (Apollo's context), to the gateway's field filter and
    // in the token each subgraph call carries; nothing keyed elsewhere can hand it to another.
    const query = '{ sectors { id focalPoint { name email } } }';
    const callers = [analyst, dashboard, auditor];
    const sent = Array.from({ length: 24 }, (_, i) => callers[i % callers.length]!);
    const answers = await Promise.all(sent.map((caller) => hub.query(query, undefined, caller)));
    const answersFor = (caller: TestCaller) => answers.filter((_, i) => sent[i] === caller);
    for (const answer of answersFor(analyst)) {
      // A subgraph sent another caller's identity would refuse the emails with an error.
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.sectors.every((s: any) => s.focalPoint.email.includes('@'))).toBe(true);
    }
    for (const answer of answersFor(dashboard)) {
      expectEmailsHidden(answer);
      expect(answer.data!.sectors.every((s: any) => s.focalPoint.name.length > 0 && s.focalPoint.email === null)).toBe(true);
    }
    for (const answer of answersFor(auditor)) {
      expect(answer.data).toBeNull();
      expect(answer.errors![0]!.message).toContain('which the auditor role does not have');
    }
    expect(callers.map((caller) => answersFor(caller).length)).toEqual([8, 8, 8]);
  });

  it("refuses a sector officer's write to another sector's records, and changes nothing", async () => {
    const answer = await hub.query(
      'mutation($i: ActionStatusInput!) { reportHealthActionStatus(input: $i) { id } }',
      { i: { actionId: 'anything', status: 'COMPLETED' } },
      policeOfficer,
    );
    expect(answer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(answer.errors![0]!.message).toContain('Only the health sector may do this');
    expect(await snapshotAll(hub)).toBe(before);
  });
});
