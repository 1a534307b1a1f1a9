import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';

/* Meetings of the coordination bodies through the gateway, on the Bangladesh demo data at TODAY. */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const member = { role: 'committee-member' as const, subject: 'secretary@steering' };
const bodies = `{ coordinationBodies { id cadence { interval unit } lastMetOn nextMeetingDue meetingOverdue daysOverdue
  attendanceRates { sector { id } expected attended rate }
  meetings { id heldOn attendance { sector { id } present } }
  actionItems(openOnly: true) { id sector { id } dueDate status overdue } } }`;
const recordMeeting = `mutation($input: MeetingInput!) { recordMeeting(input: $input) {
  id heldOn recordedBy attendance { sector { id } present } decisions { code text }
  actionItems { id sector { id } dueDate status updates { status by } } } }`;
const updateItem = `mutation($input: ActionItemUpdateInput!) { updateActionItem(input: $input) { id status updates { status note by } } }`;

const snapshot = async () =>
  JSON.stringify(
    await Promise.all(
      ['meetings', 'actionItems', 'decisions'].map((c) =>
        hub.stores
          .get('coordination')!
          .collection<StoredDocument>(c)
          .find({}, { sort: { _id: 1 } }),
      ),
    ),
  );

async function refused(query: string, variables: Record<string, unknown>, as: Parameters<TestHub['query']>[2]) {
  const before = await snapshot();
  const { errors } = await hub.query(query, variables, as);
  expect(errors, 'the write should have been refused').toBeDefined();
  expect(await snapshot()).toBe(before);
  return errors![0]!;
}

type Body = {
  id: string;
  lastMetOn: string;
  nextMeetingDue: string;
  meetingOverdue: boolean;
  daysOverdue: number;
  attendanceRates: { sector: { id: string }; expected: number; attended: number; rate: number }[];
  meetings: { attendance: { sector: { id: string }; present: boolean }[] }[];
  actionItems: { id: string; dueDate: string; overdue: boolean }[];
};

describe('coordination bodies against their cadence', () => {
  it('shows when each body last met and whether it is overdue', async () => {
    const { data, errors } = await hub.query<{ coordinationBodies: Body[] }>(bodies);
    expect(errors).toBeUndefined();
    const [steering, committee] = data!.coordinationBodies;
    expect(steering).toMatchObject({
      id: 'bd-steering',
      lastMetOn: '2026-06-18',
      nextMeetingDue: '2026-09-18',
      meetingOverdue: true,
      daysOverdue: 67,
    });
    expect(committee).toMatchObject({
      id: 'bd-coordination',
      lastMetOn: '2026-11-05',
      nextMeetingDue: '2026-12-05',
      meetingOverdue: false,
      daysOverdue: 0,
    });
  });

  it("rates each sector's attendance from the meetings themselves", async () => {
    const { data } = await hub.query<{ coordinationBodies: Body[] }>(bodies);
    for (const body of data!.coordinationBodies) {
      for (const row of body.attendanceRates) {
        const seats = body.meetings.flatMap((m) => m.attendance.filter((a) => a.sector.id === row.sector.id));
        expect(row.expected).toBe(seats.length);
        expect(row.attended).toBe(seats.filter((a) => a.present).length);
      }
    }
    const justice = data!.coordinationBodies[0]!.attendanceRates.find((r) => r.sector.id === 'justice');
    expect(justice).toEqual({ sector: { id: 'justice' }, expected: 3, attended: 1, rate: 0.333 });
  });

  it('counts an open action item due today as not overdue, and one past its date as overdue', async () => {
    const { data } = await hub.query<{ coordinationBodies: Body[] }>(bodies);
    const items = data!.coordinationBodies.flatMap((b) => b.actionItems);
    expect(items.find((i) => i.dueDate === TODAY)).toMatchObject({ id: 'bd-coordination-2026-11-05-ai1', overdue: false });
    expect(items.find((i) => i.id === 'bd-coordination-2026-10-08-ai1')).toMatchObject({ dueDate: '2026-11-20', overdue: true });
  });

  it("shows a body's standing to dashboards, and keeps its meeting record from callers without meetings:read", async () => {
    const standing = await hub.query(
      `{ coordinationBodies { id lastMetOn meetingOverdue attendanceRates { rate } } }`,
      {},
      { role: 'dashboard' },
    );
    expect(standing.errors).toBeUndefined();
    expect(standing.data!.coordinationBodies.some((b: { lastMetOn: string | null }) => b.lastMetOn)).toBe(true);
    const { data, errors } = await hub.query(`{ coordinationBodies { id meetings { minutesRef } } }`, {}, { role: 'dashboard' });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(errors![0]!.message).toContain('CoordinationBody.meetings: it needs the scope meetings:read');
    expect(JSON.stringify(data ?? {})).not.toContain('minutesRef');
  });
});

describe('recording a meeting', () => {
  const input = {
    bodyId: 'bd-steering',
    heldOn: TODAY,
    sectorsPresent: ['health', 'police', 'justice', 'social-welfare'],
    minutesRef: 'MOWCA/SC/2026/4',
    decisions: ['Accept the Tribunal backlog report', 'Ask Education to attend the next meeting'],
    actionItems: [{ sectorId: 'education', text: 'Report complaint committees by district', dueDate: '2026-12-31' }],
  };

  it('refuses a meeting in the future, a sector the body does not seat and an item due before the meeting', async () => {
    const bad = {
      ...input,
      heldOn: '2026-11-25',
      sectorsPresent: ['health', 'treasury'],
      actionItems: [{ ...input.actionItems[0], dueDate: '2026-11-01' }],
    };
    const error = await refused(recordMeeting, { input: bad }, member);
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(`heldOn must not be in the future (today is ${TODAY}; got 2026-11-25)`);
    expect(error.message).toContain('sectorsPresent names sectors bd-steering does not seat: treasury');
    expect(error.message).toContain('actionItems[0].dueDate must be after the meeting (2026-11-25; got 2026-11-01)');
  });

  it('refuses a caller without meetings:write', async () => {
    const error = await refused(recordMeeting, { input }, { role: 'analyst' });
    expect(error.extensions!.code).toBe('FORBIDDEN');
  });

  it('records attendance, decisions and action items, and the body is no longer overdue', async () => {
    const { data, errors } = await hub.query(recordMeeting, { input }, member);
    expect(errors).toBeUndefined();
    expect(data!.recordMeeting).toMatchObject({
      id: `bd-steering-${TODAY}`,
      recordedBy: member.subject,
      decisions: [
        { code: 'D1', text: input.decisions[0] },
        { code: 'D2', text: input.decisions[1] },
      ],
      actionItems: [
        {
          id: `bd-steering-${TODAY}-ai1`,
          sector: { id: 'education' },
          dueDate: '2026-12-31',
          status: 'OPEN',
          updates: [{ status: 'OPEN', by: member.subject }],
        },
      ],
    });
    expect(data!.recordMeeting.attendance).toContainEqual({ sector: { id: 'education' }, present: false });
    const after = (await hub.query<{ coordinationBodies: Body[] }>(bodies)).data!.coordinationBodies[0]!;
    expect(after).toMatchObject({ lastMetOn: TODAY, nextMeetingDue: '2027-02-24', meetingOverdue: false });
  });

  it('refuses the same meeting twice, keeping the first', async () => {
    const error = await refused(recordMeeting, { input: { ...input, decisions: ['Something else'] } }, member);
    expect(error.extensions!.code).toBe('CONFLICT');
    expect(error.message).toContain(`already has a meeting recorded on ${TODAY}`);
  });
});

describe('progress on action items', () => {
  const justiceItem = 'bd-steering-2026-03-19-ai1';

  it('lets the assigned sector report progress, appending to the history', async () => {
    const justice = { role: 'sector-officer' as const, sector: 'justice', subject: 'officer@justice' };
    const { data, errors } = await hub.query(
      updateItem,
      { input: { id: justiceItem, status: 'IN_PROGRESS', note: 'Data requested from the Tribunals' } },
      justice,
    );
    expect(errors).toBeUndefined();
    expect(data!.updateActionItem.status).toBe('IN_PROGRESS');
    expect(data!.updateActionItem.updates.map((u: { status: string }) => u.status)).toEqual(['OPEN', 'IN_PROGRESS']);
    expect(data!.updateActionItem.updates[1]).toEqual({
      status: 'IN_PROGRESS',
      note: 'Data requested from the Tribunals',
      by: justice.subject,
    });
  });

  it("answers another sector's officer as if the item did not exist, and refuses a caller with neither scope", async () => {
    const police = { role: 'sector-officer' as const, sector: 'police' };
    const missingItem = 'bd-steering-2026-03-19-ai99';
    const other = await refused(updateItem, { input: { id: justiceItem, status: 'DONE' } }, police);
    const missing = await refused(updateItem, { input: { id: missingItem, status: 'DONE' } }, police);
    expect(missing.message).toBe(`No action item "${missingItem}"`);
    expect(JSON.stringify(other).replaceAll(justiceItem, missingItem)).toBe(JSON.stringify(missing));
    const analyst = await refused(updateItem, { input: { id: justiceItem, status: 'DONE' } }, { role: 'analyst' });
    expect(analyst.message).toContain('Mutation.updateActionItem: it needs one of: meetings:write; or sector:write');
  });

  it('lets the secretariat close an item', async () => {
    const { data } = await hub.query(updateItem, { input: { id: justiceItem, status: 'DONE', note: 'Report tabled' } }, member);
    expect(data!.updateActionItem.updates.map((u: { status: string }) => u.status)).toEqual(['OPEN', 'IN_PROGRESS', 'DONE']);
  });
});

describe('decisions followed from the meeting that takes them', () => {
  const decisionFields = `id code text status dueDate overdue daysOverdue ownerOrganisation { id } ownerSector { id }
    actionItems { id } frameworkActions { id } updates { status note by } illustrative`;
  const record = `mutation($input: MeetingInput!) { recordMeeting(input: $input) { id decisions { ${decisionFields} } actionItems { id } } }`;
  const updateDecision = `mutation($input: DecisionUpdateInput!) { updateDecision(input: $input) { id status updates { status note by } } }`;
  const meeting = {
    bodyId: 'bd-coordination',
    heldOn: '2026-11-20',
    sectorsPresent: ['health', 'police', 'justice', 'social-welfare', 'education'],
    actionItems: [
      { sectorId: 'police', text: 'Report Victim Support Centre staffing', dueDate: '2026-12-20' },
      { sectorId: 'justice', text: 'List Tribunals without a special public prosecutor', dueDate: '2027-01-15' },
    ],
    decisionsToFollow: [
      {
        text: 'Ask the Law and Justice Division for a Tribunal staffing plan',
        ownerOrganisationId: 'bd-molj',
        ownerSectorId: 'justice',
        dueDate: '2027-01-31',
        carriedOutByActionItems: [1],
        carriedOutByFrameworkActions: ['bd-a3-3', 'bd-a3-5'],
      },
      { text: 'Note the police staffing report' },
    ],
  };

  it('records a meeting over what an attempt that failed part way left, and answers it whole', async () => {
    // An attempt that stored an action item and a decision and failed before its meeting.
    const coordination = hub.stores.get('coordination')!;
    const id = 'bd-steering-2026-11-20';
    const [decision] = await coordination.collection<StoredDocument>('decisions').find({ _id: 'bd-steering-2026-06-18-d1' });
    const [item] = await coordination.collection<StoredDocument>('actionItems').find({ _id: 'bd-steering-2026-03-19-ai1' });
    const left = { meetingId: id, text: 'Left by a failed attempt', version: 1 };
    await coordination.collection<StoredDocument>('decisions').insertMany([{ ...decision!, ...left, _id: `${id}-d1` }]);
    await coordination.collection<StoredDocument>('actionItems').insertMany([{ ...item!, ...left, _id: `${id}-ai1` }]);

    const input = { ...meeting, bodyId: 'bd-steering', sectorsPresent: ['police'], decisionsToFollow: [{ text: 'Adopt the plan' }] };
    const { data, errors } = await hub.query(record, { input }, member);
    expect(errors).toBeUndefined();
    expect(data!.recordMeeting.decisions.map((d: { id: string; text: string }) => [d.id, d.text])).toEqual([
      [`${id}-d1`, 'Adopt the plan'],
    ]);
    const read = await hub.query(`{ meeting(id: "${id}") { decisions { id text } actionItems { id text } } }`, {}, member);
    expect(read.errors).toBeUndefined();
    expect(read.data!.meeting).toEqual({
      decisions: [{ id: `${id}-d1`, text: 'Adopt the plan' }],
      actionItems: input.actionItems.map((a, i) => ({ id: `${id}-ai${i + 1}`, text: a.text })),
    });
    const again = await refused(record, { input }, member);
    expect(again.message).toContain(`already has a meeting recorded on 2026-11-20 (${id})`);
  });

  it('refuses a meeting whose decisions name what does not exist or does not fit, and stores none of it', async () => {
    const bad = {
      ...meeting,
      decisionsToFollow: [
        {
          ...meeting.decisionsToFollow[0],
          ownerOrganisationId: 'bd-police',
          dueDate: '2026-11-01',
          carriedOutByActionItems: [1, 2, 1],
          carriedOutByFrameworkActions: ['bd-a3-3', 'bd-a9-9'],
        },
        { text: ' ', ownerOrganisationId: 'bd-nowhere', ownerSectorId: 'treasury' },
      ],
    };
    const error = await refused(record, { input: bad }, member);
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    for (const problem of [
      'decisionsToFollow[0].dueDate must be after the meeting (2026-11-20; got 2026-11-01)',
      'decisionsToFollow[0].ownerSectorId is justice, which bd-police does not serve (it serves police)',
      'decisionsToFollow[0].carriedOutByActionItems names action item 2, but the meeting assigns 2, 0 to 1',
      'decisionsToFollow[0].carriedOutByActionItems names action item 1 twice',
      'decisionsToFollow[0].carriedOutByFrameworkActions names no framework action (got "bd-a9-9")',
      'decisionsToFollow[1].text must not be empty',
      'decisionsToFollow[1].ownerOrganisationId names no organisation (got "bd-nowhere")',
      'decisionsToFollow[1].ownerSectorId names no sector (got "treasury"',
    ]) {
      expect(error.message).toContain(problem);
    }
    const both = await refused(record, { input: { ...meeting, decisions: ['Plain'] } }, member);
    expect(both.message).toContain('decisionsToFollow cannot be given with decisions');
  });

  it('records each decision OPEN with its owner, due date, action items and framework actions', async () => {
    const { data, errors } = await hub.query(record, { input: meeting }, member);
    expect(errors).toBeUndefined();
    const id = 'bd-coordination-2026-11-20';
    expect(data!.recordMeeting.decisions).toEqual([
      {
        id: `${id}-d1`,
        code: 'D1',
        text: meeting.decisionsToFollow[0]!.text,
        status: 'OPEN',
        dueDate: '2027-01-31',
        overdue: false,
        daysOverdue: 0,
        ownerOrganisation: { id: 'bd-molj' },
        ownerSector: { id: 'justice' },
        actionItems: [{ id: `${id}-ai2` }],
        frameworkActions: [{ id: 'bd-a3-3' }, { id: 'bd-a3-5' }],
        updates: [{ status: 'OPEN', note: 'Taken at the meeting', by: member.subject }],
        illustrative: false,
      },
      {
        id: `${id}-d2`,
        code: 'D2',
        text: 'Note the police staffing report',
        status: 'OPEN',
        dueDate: null,
        overdue: false,
        daysOverdue: 0,
        ownerOrganisation: null,
        ownerSector: null,
        actionItems: [],
        frameworkActions: [],
        updates: [{ status: 'OPEN', note: 'Taken at the meeting', by: member.subject }],
        illustrative: false,
      },
    ]);
  });

  it('keeps decisions given as plain text working: OPEN, with no owner and no due date', async () => {
    const { data, errors } = await hub.query(`{ meeting(id: "bd-steering-${TODAY}") { decisions { ${decisionFields} } } }`, {}, member);
    expect(errors).toBeUndefined();
    expect(
      data!.meeting.decisions.map((d: Record<string, unknown>) => [d.code, d.status, d.ownerSector, d.dueDate, d.actionItems]),
    ).toEqual([
      ['D1', 'OPEN', null, null, []],
      ['D2', 'OPEN', null, null, []],
    ]);
  });

  it('lets the owner sector report progress, and keeps reopening, superseding and dropping for the secretariat', async () => {
    const id = 'bd-steering-2026-03-19-d1'; // owned by justice
    const justice = { role: 'sector-officer' as const, sector: 'justice', subject: 'officer@justice' };
    const { data, errors } = await hub.query(updateDecision, { input: { id, status: 'IN_PROGRESS', note: 'Figures requested' } }, justice);
    expect(errors).toBeUndefined();
    expect(data!.updateDecision.updates.at(-1)).toEqual({ status: 'IN_PROGRESS', note: 'Figures requested', by: justice.subject });

    const dropped = await refused(updateDecision, { input: { id, status: 'DROPPED' } }, justice);
    expect(dropped.message).toContain("DROPPED is the body's to record, through its secretariat (meetings:write)");
    const analyst = await refused(updateDecision, { input: { id, status: 'IMPLEMENTED' } }, { role: 'analyst' });
    expect(analyst.message).toContain('Mutation.updateDecision: it needs one of: meetings:write; or sector:write');
    const untracked = await refused(updateDecision, { input: { id, status: 'UNTRACKED', note: ' ' } }, member);
    expect(untracked.message).toContain('status must not be UNTRACKED');
    expect(untracked.message).toContain('note is empty');
    const missing = await refused(updateDecision, { input: { id: 'bd-steering-2026-03-19-d9', status: 'DROPPED' } }, member);
    expect(missing.message).toContain('No decision "bd-steering-2026-03-19-d9"');

    const closed = await hub.query(updateDecision, { input: { id, status: 'SUPERSEDED', note: 'Replaced by D1 of 20 November' } }, member);
    expect(closed.data!.updateDecision.updates.map((u: { status: string }) => u.status)).toEqual(['OPEN', 'IN_PROGRESS', 'SUPERSEDED']);
  });

  it('answers a sector asking about a decision it does not own exactly as about a missing one', async () => {
    const police = { role: 'sector-officer' as const, sector: 'police' };
    const missingId = 'bd-steering-2026-03-19-d9';
    const missing = await refused(updateDecision, { input: { id: missingId, status: 'IMPLEMENTED' } }, police);
    expect(missing.message).toBe(`No decision "${missingId}"`);
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    // Owned by justice; owned by no sector.
    for (const id of ['bd-steering-2026-03-19-d1', 'bd-steering-2026-06-18-d1']) {
      const answer = await refused(updateDecision, { input: { id, status: 'IMPLEMENTED' } }, police);
      expect(JSON.stringify(answer).replaceAll(id, missingId)).toBe(JSON.stringify(missing));
    }
  });

  it('lists open decisions before closed ones by due date', async () => {
    const { data, errors } = await hub.query(`{ decisions { id status dueDate } }`, {}, member);
    expect(errors).toBeUndefined();
    const open = (d: { status: string }) => ['OPEN', 'IN_PROGRESS'].includes(d.status);
    const listed: { id: string; status: string; dueDate: string | null }[] = data!.decisions;
    const firstClosed = listed.findIndex((d) => !open(d));
    expect(firstClosed).toBeGreaterThan(0);
    expect(listed.slice(firstClosed).filter(open)).toEqual([]);
    const openDue = listed.slice(0, firstClosed).map((d) => d.dueDate ?? '9999');
    expect(openDue).toEqual([...openDue].sort());
  });

  it('lets the owner sector move a decision forward only, never reopen a closed one', async () => {
    const police = { role: 'sector-officer' as const, sector: 'police', subject: 'officer@police' };
    const implemented = 'bd-coordination-2026-08-06-d1'; // owned by police, IMPLEMENTED
    for (const status of ['IN_PROGRESS', 'OPEN', 'IMPLEMENTED']) {
      const reopened = await refused(updateDecision, { input: { id: implemented, status, note: 'reopen' } }, police);
      expect(reopened.extensions?.code).toBe('FORBIDDEN');
      expect(reopened.message).toContain(
        `bd-coordination-2026-08-06-d1 is IMPLEMENTED, and IMPLEMENTED to ${status} is the body's to record`,
      );
    }
    const taken = await hub.query(record, { input: { ...meeting, heldOn: '2026-11-21' } }, member);
    expect(taken.errors).toBeUndefined();
    const id = 'bd-coordination-2026-11-21-d1'; // owned by justice, OPEN
    const justice = { role: 'sector-officer' as const, sector: 'justice', subject: 'officer@justice' };
    const back = async (status: string) =>
      (await hub.query(updateDecision, { input: { id, status } }, justice)).data?.updateDecision.status;
    expect(await back('IN_PROGRESS')).toBe('IN_PROGRESS');
    const backwards = await refused(updateDecision, { input: { id, status: 'OPEN' } }, justice);
    expect(backwards.message).toContain("IN_PROGRESS to OPEN is the body's to record");
    expect(await back('IMPLEMENTED')).toBe('IMPLEMENTED');
    const reopened = await refused(updateDecision, { input: { id, status: 'IN_PROGRESS' } }, justice);
    expect(reopened.message).toContain('IMPLEMENTED to IN_PROGRESS');
  });

  it("lists a body's decisions by status and the bodies' decisions by meeting, and names an unknown body", async () => {
    const { data, errors } = await hub.query(
      `{ coordinationBody(id: "bd-steering") { decisions(status: [IMPLEMENTED]) { id status } }
         decisions(bodyIds: ["bd-coordination"], orderBy: MEETING_DATE) { id } }`,
      {},
      member,
    );
    expect(errors).toBeUndefined();
    const stored = await hub.stores.get('coordination')!.collection<StoredDocument & Record<string, any>>('decisions').find({});
    const implemented = stored.filter((d) => d.bodyId === 'bd-steering' && d.status === 'IMPLEMENTED');
    expect(implemented.length).toBeGreaterThan(0);
    expect(data!.coordinationBody.decisions.map((d: { id: string }) => d.id).sort()).toEqual(implemented.map((d) => d._id).sort());
    const byMeeting = stored
      .filter((d) => d.bodyId === 'bd-coordination')
      .sort((a, b) => b.heldOn.getTime() - a.heldOn.getTime() || a.position - b.position);
    expect(data!.decisions.map((d: { id: string }) => d.id)).toEqual(byMeeting.map((d) => d._id));

    const unknown = await hub.query(`{ decisions(bodyIds: ["bd-steering", "bd-nowhere"]) { id } }`, {}, member);
    expect(unknown.errors![0]!.message).toContain('bodyIds names no coordination body: bd-nowhere');
    const dashboard = await hub.query(`{ decisions { id } }`, {}, { role: 'dashboard' });
    expect(dashboard.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('puts the open decisions of the body and of the bodies reporting to it in the meeting pack, the most overdue first', async () => {
    const { data, errors } = await hub.query(
      `{ meetingPack(bodyId: "bd-steering") { openDecisions { id status dueDate body { id } } } }`,
      {},
      member,
    );
    expect(errors).toBeUndefined();
    const stored = await hub.stores.get('coordination')!.collection<StoredDocument & Record<string, any>>('decisions').find({});
    const open = stored.filter((d) => ['bd-steering', 'bd-coordination'].includes(d.bodyId) && ['OPEN', 'IN_PROGRESS'].includes(d.status));
    const due = (d: Record<string, any>) => (d.dueDate as Date | null)?.getTime() ?? Infinity;
    const listed = data!.meetingPack.openDecisions as { id: string; dueDate: string | null; body: { id: string } }[];
    expect(listed.map((d) => d.id).sort()).toEqual(open.map((d) => d._id).sort());
    expect(listed.map((d) => d.dueDate)).toEqual(
      [...open].sort((a, b) => due(a) - due(b)).map((d) => (d.dueDate ? d.dueDate.toISOString().slice(0, 10) : null)),
    );
    expect(new Set(listed.map((d) => d.body.id))).toEqual(new Set(['bd-steering', 'bd-coordination']));
  });
});

describe("a body's meetings a page at a time", () => {
  const page = `query($first: Int, $after: String, $last: Int, $before: String) { coordinationBody(id: "bd-steering") {
    meetings { id } meetingsConnection(first: $first, after: $after, last: $last, before: $before) {
      totalCount edges { cursor node { id heldOn } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
  type Page = { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: Record<string, any> };
  const ask = async (variables: Record<string, unknown>) => {
    const { data, errors } = await hub.query(page, variables, member);
    return { errors, all: data?.coordinationBody?.meetings as { id: string }[], page: data?.coordinationBody?.meetingsConnection as Page };
  };

  it('pages through every meeting newest first, each once, with the cursor clients pass back', async () => {
    const first = await ask({ first: 2 });
    expect(first.errors).toBeUndefined();
    const seen: string[] = [];
    let current = first.page;
    expect(current.pageInfo.hasPreviousPage).toBe(false);
    for (;;) {
      seen.push(...current.edges.map((e) => e.node.id));
      expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)!.cursor);
      if (!current.pageInfo.hasNextPage) break;
      current = (await ask({ first: 2, after: current.pageInfo.endCursor })).page;
      expect(current.pageInfo.hasPreviousPage).toBe(true);
    }
    expect(seen).toEqual(first.all.map((m) => m.id));
    expect(first.page.totalCount).toBe(first.all.length);
    expect(seen.length).toBeGreaterThan(2);
  });

  it('refuses a cursor that was changed or comes from another list, and a page size out of range', async () => {
    const { page: one } = await ask({ first: 1 });
    const cursor = one.pageInfo.endCursor as string;
    const flipped = `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`;
    const other = await hub.query(
      `{ coordinationBody(id: "bd-coordination") { meetingsConnection(first: 1) { pageInfo { endCursor } } } }`,
      {},
      member,
    );
    const foreign = other.data!.coordinationBody.meetingsConnection.pageInfo.endCursor as string;
    for (const after of [flipped, cursor.slice(0, -3), 'not a cursor', foreign]) {
      const { errors } = await ask({ first: 1, after });
      expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toContain('after is not a cursor of this list');
    }
    expect((await ask({ first: 0 })).errors![0]!.message).toContain('first must be from 1 to 100 (got 0)');
  });

  it('pages backwards from a cursor with last and before', async () => {
    const { all, page: newest } = await ask({ first: 3 });
    const { page: back } = await ask({ last: 2, before: newest.pageInfo.endCursor });
    expect(back.edges.map((e) => e.node.id)).toEqual(all.slice(0, 2).map((m) => m.id));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });
});
