import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyst, startTestHub, TODAY, type TestCaller, type TestHub } from '../support/hub.ts';

/*
 * "Every district committee that has not met this quarter", answered through the gateway from the
 * meetings stored: on 24 November 2026 the quarter began on 1 October. Devon's board (it sits for
 * the county, a sub-district of its police force area) last met in September, so it is listed
 * until a meeting is recorded for it; the answer follows what is stored, not a kept list. Only
 * coordination runs.
 */

const secretary: TestCaller = { role: 'committee-member', subject: 'secretary@lead-ministry' };
const quarterStart = '2026-10-01';
const notMet = `query($level: AreaLevel, $within: ID, $since: Date) {
  coordinationBodies(level: $level, withinAreaId: $within, notMetSince: $since) { id level lastMetOn }
}`;

interface Body {
  id: string;
  level: string;
  lastMetOn: string | null;
}

async function bodies(hub: TestHub, variables: Record<string, unknown>): Promise<Body[]> {
  const { data, errors } = await hub.query<{ coordinationBodies: Body[] }>(notMet, variables, analyst);
  expect(errors).toBeUndefined();
  return data!.coordinationBodies;
}

describe('England and Wales: the local bodies that have not met this quarter', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country: 'england-wales', only: [] });
  });
  afterAll(() => hub?.stop());

  it('lists the Devon board, which last met in September, and drops it once a meeting is recorded', async () => {
    expect(TODAY.slice(0, 7)).toBe('2026-11');
    expect(await bodies(hub, { level: 'DISTRICT', since: quarterStart })).toEqual([]);
    expect(await bodies(hub, { level: 'SUB_DISTRICT', since: quarterStart })).toEqual([
      { id: 'ew-devon-partnership-board', level: 'SUB_DISTRICT', lastMetOn: '2026-09-09' },
    ]);
    expect((await bodies(hub, { within: 'ew-region-south-west', since: quarterStart })).map((b) => b.id)).toEqual([
      'ew-devon-partnership-board',
    ]);

    const { errors } = await hub.query(
      `mutation($input: MeetingInput!) { recordMeeting(input: $input) { id } }`,
      {
        input: {
          bodyId: 'ew-devon-partnership-board',
          heldOn: '2026-11-10',
          sectorsPresent: ['social-welfare', 'police', 'health'],
          decisions: ['Publish the refreshed safe accommodation strategy'],
          actionItems: [],
        },
      },
      secretary,
    );
    expect(errors).toBeUndefined();
    expect(await bodies(hub, { level: 'SUB_DISTRICT', since: quarterStart })).toEqual([]);
    // A later day still finds it: its meeting was before then.
    expect((await bodies(hub, { level: 'SUB_DISTRICT', since: '2026-11-11' })).map((b) => b.id)).toEqual(['ew-devon-partnership-board']);
  });

  it('answers for national bodies the same way, and with no filter lists every body', async () => {
    expect(await bodies(hub, { level: 'COUNTRY', since: quarterStart })).toEqual([
      { id: 'ew-img', level: 'COUNTRY', lastMetOn: '2026-09-10' },
    ]);
    expect((await bodies(hub, {})).map((b) => b.id)).toEqual(['ew-img', 'ew-delivery-board', 'ew-devon-partnership-board']);
  });
});

describe('Bangladesh: bodies within an area', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country: 'bangladesh', only: [] });
  });
  afterAll(() => hub?.stop());

  it("finds Dhaka's district committee within its division, met this quarter, and the Steering Committee not", async () => {
    expect((await bodies(hub, { within: 'bd-division-dhaka' })).map((b) => b.id)).toEqual(['bd-district-committee-dhaka']);
    expect(await bodies(hub, { within: 'bd-division-dhaka', since: quarterStart })).toEqual([]);
    expect(await bodies(hub, { level: 'DISTRICT', since: '2026-10-13' })).toEqual([
      { id: 'bd-district-committee-dhaka', level: 'DISTRICT', lastMetOn: '2026-10-12' },
    ]);
    expect((await bodies(hub, { since: quarterStart })).map((b) => b.id)).toEqual(['bd-steering']);
    expect(await bodies(hub, { within: 'bd-division-khulna' })).toEqual([]);
  });
});
