import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';

/*
 * The lead ministry's question about its bodies' decisions, asked in one query by a member of a
 * coordination body, and checked against the decisions and meetings the coordination store holds,
 * read straight from the store.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ only: ['coordination'] });
});
afterAll(() => hub?.stop());

const member = { role: 'committee-member' as const, subject: 'secretary@steering' };

type Stored = StoredDocument & Record<string, any>;
const stored = (collection: string) => hub.stores.get('coordination')!.collection<Stored>(collection).find({});

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

interface Answer {
  id: string;
  text: string;
  status: string;
  dueDate: string;
  daysOverdue: number;
  overdue: boolean;
  body: { id: string };
  meeting: { id: string; heldOn: string };
  ownerSector: { id: string } | null;
}

const question = /* GraphQL */ `
  query OpenDecisionsPastDue($today: Date!) {
    decisions(status: [OPEN, IN_PROGRESS], dueBefore: $today) {
      id
      text
      status
      dueDate
      daysOverdue
      overdue
      body {
        id
      }
      meeting {
        id
        heldOn
      }
      ownerSector {
        id
      }
    }
  }
`;

describe('the decisions of the coordination bodies', () => {
  it('open decisions past their due date', async () => {
    const { data, errors } = await hub.query<{ decisions: Answer[] }>(question, { today: TODAY }, member);
    expect(errors).toBeUndefined();
    const answer = data!.decisions;

    const [decisions, meetings] = await Promise.all([stored('decisions'), stored('meetings')]);
    const today = Date.parse(TODAY);
    const expected = decisions
      .filter((d) => ['OPEN', 'IN_PROGRESS'].includes(d.status) && d.dueDate && d.dueDate.getTime() < today)
      .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
    expect(expected.length, 'the demo has open decisions past their date').toBeGreaterThan(2);
    expect(answer.map((d) => d.id)).toEqual(expected.map((d) => d._id));

    const meetingById = new Map(meetings.map((m) => [m._id, m]));
    for (const [i, decision] of expected.entries()) {
      const meeting = meetingById.get(decision.meetingId)!;
      const minuted = meeting.decisions.find((d: { code: string }) => d.code === decision.code);
      expect(answer[i]).toEqual({
        id: decision._id,
        text: minuted.text,
        status: decision.status,
        dueDate: isoDay(decision.dueDate),
        daysOverdue: (today - decision.dueDate.getTime()) / DAY_MS,
        overdue: true,
        body: { id: meeting.bodyId },
        meeting: { id: meeting._id, heldOn: isoDay(meeting.heldOn) },
        ownerSector: decision.ownerSectorId ? { id: decision.ownerSectorId } : null,
      });
    }
    const days = answer.map((d) => d.daysOverdue);
    expect(days, 'most overdue first').toEqual([...days].sort((a, b) => b - a));

    // The same decisions as `overdue: true` names them.
    const flagged = await hub.query<{ decisions: { id: string }[] }>(`{ decisions(overdue: true) { id } }`, {}, member);
    expect(flagged.data!.decisions.map((d) => d.id)).toEqual(expected.map((d) => d._id));
  });
});
