import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import { untrackedNote, upgradeToFollowedDecisions } from '../../subgraphs/coordination/meetings/upgradeStore.ts';
import { fixedClock } from '../../subgraphs/kit/clock.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY } from '../support/hub.ts';
import { recordedThen, rewriteAsBeforeDecisions } from './beforeDecisions.ts';

/*
 * A Bangladesh coordination folder written before decisions were followed starts: every minuted
 * decision gets a record with its id, code and words, UNTRACKED, with no owner, no due date and
 * nothing linked (no fact the minutes do not hold), and a demo meeting's decisions its mark.
 * Meetings are not changed; no pack lists an untracked decision as open; a second start changes
 * nothing.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-decisions-'));
const folder = path.join(dataDir, 'bangladesh', 'coordination');
type Doc = StoredDocument & Record<string, any>;
const member = { role: 'committee-member' as const };

async function withStore<T>(use: (store: ReturnType<typeof createNedbStore>) => Promise<T>): Promise<T> {
  const store = createNedbStore({ directory: folder });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const stored = () =>
  withStore(async (store) => {
    const [meetings, decisions] = await Promise.all(
      ['meetings', 'decisions'].map((c) => store.collection<Doc>(c).find({}, { sort: { _id: 1 } })),
    );
    return { meetings: meetings!, decisions: decisions! };
  });

let before: Awaited<ReturnType<typeof stored>>;
beforeAll(async () => {
  await (await startTestHub({ country: 'bangladesh', only: [], dataDir })).stop();
  await withStore(rewriteAsBeforeDecisions);
  before = await stored();
}, 60_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('a coordination folder written before decisions were followed', () => {
  it('has minuted decisions and no decision records to begin with', () => {
    expect(before.decisions).toEqual([]);
    expect(before.meetings.flatMap((m) => m.decisions).length).toBeGreaterThan(5);
  });

  it('starts, and answers each minuted decision as UNTRACKED, owned by nobody, due never, and open in no pack', async () => {
    const hub = await startTestHub({ country: 'bangladesh', only: [], dataDir });
    try {
      const { data, errors } = await hub.query(
        `{ meeting(id: "${recordedThen}") { decisions { id code text status ownerOrganisation { id } ownerSector { id } dueDate
             overdue actionItems { id } frameworkActions { id } updates { status note by } illustrative } }
           untracked: decisions(status: [UNTRACKED]) { id }
           open: decisions(status: [OPEN, IN_PROGRESS]) { id }
           meetingPack(bodyId: "bd-steering") { openDecisions { id } } }`,
        {},
        member,
      );
      expect(errors).toBeUndefined();
      const untracked = {
        ownerOrganisation: null,
        ownerSector: null,
        dueDate: null,
        overdue: false,
        actionItems: [],
        frameworkActions: [],
      };
      const update = [{ status: 'UNTRACKED', note: untrackedNote, by: 'store upgrade "decisions followed"' }];
      expect(data!.meeting.decisions).toEqual([
        {
          id: `${recordedThen}-d1`,
          code: 'D1',
          text: 'Ask every OCC to report DNA samples weekly',
          status: 'UNTRACKED',
          ...untracked,
          updates: update,
          illustrative: false,
        },
        {
          id: `${recordedThen}-d2`,
          code: 'D2',
          text: 'Hold an extra meeting on the Tribunal backlog',
          status: 'UNTRACKED',
          ...untracked,
          updates: update,
          illustrative: false,
        },
      ]);
      expect(data!.untracked).toHaveLength(before.meetings.flatMap((m) => m.decisions).length);
      expect(data!.open).toEqual([]);
      expect(data!.meetingPack.openDecisions).toEqual([]);
    } finally {
      await hub.stop();
    }
  });

  it('writes one record per minuted decision with the meeting’s words and mark, changes no meeting, and a second start changes nothing', async () => {
    const upgraded = await stored();
    expect(upgraded.meetings).toEqual(before.meetings);
    const minuted = before.meetings.flatMap((m) =>
      m.decisions.map((d: { code: string; text: string }, i: number) => ({
        _id: `${m._id}-d${i + 1}`,
        meetingId: m._id,
        bodyId: m.bodyId,
        code: d.code,
        text: d.text,
        status: 'UNTRACKED',
        addedForDemo: m.addedForDemo ?? null,
        at: TODAY,
      })),
    );
    expect(
      upgraded.decisions.map((d) => ({
        _id: d._id,
        meetingId: d.meetingId,
        bodyId: d.bodyId,
        code: d.code,
        text: d.text,
        status: d.status,
        addedForDemo: d.addedForDemo ?? null,
        at: d.updates[0].at.toISOString().slice(0, 10),
      })),
    ).toEqual(minuted);

    await (await startTestHub({ country: 'bangladesh', only: [], dataDir })).stop();
    expect(await stored()).toEqual(upgraded);
    const counts = await withStore(async (store) =>
      upgradeToFollowedDecisions(
        await openRepositories(store, coordinationSubgraph.documents),
        fixedClock(TODAY),
        pino({ level: 'silent' }),
      ),
    );
    expect(counts).toEqual({ decisions: 0 });
  });
});
