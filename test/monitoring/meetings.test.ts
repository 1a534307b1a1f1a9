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
      ['meetings', 'actionItems'].map((c) =>
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

  it("refuses another sector's officer, and a caller with neither scope", async () => {
    const police = await refused(updateItem, { input: { id: justiceItem, status: 'DONE' } }, { role: 'sector-officer', sector: 'police' });
    expect(police.message).toContain('Only the justice sector may do this');
    const analyst = await refused(updateItem, { input: { id: justiceItem, status: 'DONE' } }, { role: 'analyst' });
    expect(analyst.message).toContain('Mutation.updateActionItem: it needs one of: meetings:write; or sector:write');
  });

  it('lets the secretariat close an item', async () => {
    const { data } = await hub.query(updateItem, { input: { id: justiceItem, status: 'DONE', note: 'Report tabled' } }, member);
    expect(data!.updateActionItem.updates.map((u: { status: string }) => u.status)).toEqual(['OPEN', 'IN_PROGRESS', 'DONE']);
  });
});
