import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';

/*
 * The organisations seated on each coordination body, through the gateway: who holds each seat
 * and in what role, those outside the five sectors included, and who came to the meetings.
 * Only coordination runs: everything asked here is the lead ministry's.
 */

interface Seat {
  role: string;
  title: string;
  organisation: { id: string; name: string; kind: string; sectors: { id: string }[] };
  sector: { id: string } | null;
  source: { title: string; section: string | null; quote: string | null; url: string | null } | null;
  illustrative: boolean;
  illustrativeNote: string | null;
}
interface Rate {
  organisation: { id: string };
  expected: number;
  attended: number;
  rate: number | null;
}
interface Body {
  id: string;
  chairs: { role: string; organisation: { id: string } }[];
  seats: Seat[];
  organisationAttendanceRates: Rate[];
  meetings: { id: string; organisationAttendance: { organisation: { id: string }; present: boolean }[] }[];
}

const bodiesQuery = `{ coordinationBodies { id
  chairs { role organisation { id } }
  seats { role title sector { id } illustrative illustrativeNote source { title section quote url }
    organisation { id name kind sectors { id } } }
  organisationAttendanceRates { organisation { id } expected attended rate }
  meetings { id organisationAttendance { organisation { id } present } } } }`;

async function bodiesOf(hub: TestHub): Promise<Body[]> {
  const { data, errors } = await hub.query<{ coordinationBodies: Body[] }>(bodiesQuery);
  expect(errors).toBeUndefined();
  return data!.coordinationBodies;
}

const seated = (body: Body) => [...new Set(body.seats.map((s) => s.organisation.id))];

describe.each(['bangladesh', 'england-wales', 'south-africa'] as const)('the organisations seated on the bodies of %s', (country) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country, only: [] });
  });
  afterAll(() => hub?.stop());

  it('lists every seat with its organisation and role, organisations outside the five sectors included', async () => {
    const bodies = await bodiesOf(hub);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body.chairs.length, body.id).toBeGreaterThan(0);
      expect(body.chairs.every((c) => c.role === 'CHAIR' || c.role === 'CO_CHAIR')).toBe(true);
      expect(body.seats.filter((s) => s.role === 'SECRETARIAT').length, body.id).toBe(1);
      for (const seat of body.seats) {
        // A seat sits for a sector only if its organisation serves that sector.
        if (seat.sector) expect(seat.organisation.sectors.map((s) => s.id)).toContain(seat.sector.id);
      }
    }
    const outside = bodies.flatMap((b) => b.seats).filter((s) => s.organisation.sectors.length === 0);
    expect(outside.length).toBeGreaterThan(0);
  });

  it('says where each seat comes from, or what was added for the demo', async () => {
    for (const seat of (await bodiesOf(hub)).flatMap((b) => b.seats)) {
      expect(seat.source !== null || seat.illustrative, `${seat.title}, ${seat.organisation.id}`).toBe(true);
      expect(seat.illustrative).toBe(seat.illustrativeNote !== null);
    }
  });

  it("counts each organisation's attendance from the meetings it was seated at", async () => {
    for (const body of await bodiesOf(hub)) {
      expect(body.meetings.length, body.id).toBeGreaterThan(0);
      for (const meeting of body.meetings) {
        expect(meeting.organisationAttendance.map((a) => a.organisation.id)).toEqual(seated(body));
      }
      expect(body.organisationAttendanceRates.map((r) => r.organisation.id).sort()).toEqual(seated(body).sort());
      for (const row of body.organisationAttendanceRates) {
        const rows = body.meetings.flatMap((m) => m.organisationAttendance.filter((a) => a.organisation.id === row.organisation.id));
        expect(row.expected).toBe(rows.length);
        expect(row.attended).toBe(rows.filter((a) => a.present).length);
      }
    }
  });
});

describe('Bangladesh: the Multi-Sectoral Programme as its sources describe it', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ only: [] });
  });
  afterAll(() => hub?.stop());

  const member = { role: 'committee-member' as const, subject: 'secretary@steering' };
  const record = `mutation($input: MeetingInput!) { recordMeeting(input: $input) {
    id attendance { sector { id } present } organisationAttendance { organisation { id } present } } }`;
  const meetingsStored = () =>
    hub.stores
      .get('coordination')!
      .collection<StoredDocument>('meetings')
      .find({}, { sort: { _id: 1 } });

  it('seats the eight ministries on the Coordination Committee under two co-chairs', async () => {
    const committee = (await bodiesOf(hub)).find((b) => b.id === 'bd-coordination')!;
    expect(committee.chairs).toEqual([
      { role: 'CO_CHAIR', organisation: { id: 'bd-planning' } },
      { role: 'CO_CHAIR', organisation: { id: 'bd-mowca' } },
    ]);
    const ministries = seated(committee).filter(
      (id) => committee.seats.find((s) => s.organisation.id === id)!.organisation.kind === 'MINISTRY',
    );
    expect(ministries).toEqual(['bd-planning', 'bd-mowca', 'bd-mohfw', 'bd-moha', 'bd-molj', 'bd-mosw', 'bd-moe', 'bd-moi', 'bd-mora']);
    const dnaLab = committee.seats.find((s) => s.organisation.id === 'bd-dna-lab')!;
    expect(dnaLab).toMatchObject({ role: 'MEMBER', illustrative: true, source: null, organisation: { kind: 'LABORATORY' } });
  });

  it("rates the Steering Committee's members, in and outside the five sectors, from its meetings", async () => {
    const steering = (await bodiesOf(hub)).find((b) => b.id === 'bd-steering')!;
    const rate = (id: string) => steering.organisationAttendanceRates.find((r) => r.organisation.id === id);
    expect(rate('bd-mowca')).toMatchObject({ expected: 3, attended: 3, rate: 1 });
    expect(rate('bd-moi')).toMatchObject({ expected: 3, attended: 2, rate: 0.667 });
    expect(rate('bd-molj')).toMatchObject({ expected: 3, attended: 1, rate: 0.333 });
    expect(rate('bd-dmc')).toMatchObject({ expected: 3, attended: 2, rate: 0.667 });
  });

  it('keeps the deprecated fields answering: one chair, members by name, the lead ministry by name', async () => {
    const { data, errors } = await hub.query(`{ framework { leadMinistry leadOrganisation { id name kind leadsFramework } }
      coordinationBody(id: "bd-coordination") { chair { title organisation role } members { organisation role } } }`);
    expect(errors).toBeUndefined();
    expect(data!.framework).toEqual({
      leadMinistry: 'Ministry of Women and Children Affairs',
      leadOrganisation: { id: 'bd-mowca', name: 'Ministry of Women and Children Affairs', kind: 'MINISTRY', leadsFramework: true },
    });
    expect(data!.coordinationBody.chair).toEqual({ title: 'Secretary', organisation: 'Planning and Development', role: 'CO_CHAIR' });
    expect(data!.coordinationBody.members).toContainEqual({ organisation: 'Ministry of Religious Affairs', role: 'MEMBER' });
  });

  it('finds organisations by kind and sector, with their parents, children and seats', async () => {
    const { data, errors } = await hub.query(`{
      justice: organisations(sectorId: "justice") { id }
      information: organisation(id: "bd-moi") { name kind sectors { id } seats { body { id } role title } }
      nothing: organisation(id: "bd-ministry-of-nothing") { id }
      labs: organisations(kind: LABORATORY) { id name leadsFramework parent { id parent { id children { id } } } sectors { id }
        seats { body { id } role title } source { title quote url } } }`);
    expect(errors).toBeUndefined();
    expect(data!.justice).toEqual([{ id: 'bd-molj' }]);
    expect(data!.information).toEqual({
      name: 'Ministry of Information',
      kind: 'MINISTRY',
      sectors: [],
      seats: [
        { body: { id: 'bd-steering' }, role: 'MEMBER', title: 'Representative' },
        { body: { id: 'bd-coordination' }, role: 'MEMBER', title: 'Representative' },
      ],
    });
    expect(data!.nothing).toBeNull();
    expect(data!.labs).toEqual([
      {
        id: 'bd-dna-lab',
        name: 'National Forensic DNA Profiling Laboratory',
        leadsFramework: false,
        parent: { id: 'bd-dna-department', parent: { id: 'bd-mowca', children: [{ id: 'bd-dna-department' }, { id: 'bd-dwa' }] } },
        sectors: [{ id: 'health' }, { id: 'police' }],
        seats: [{ body: { id: 'bd-coordination' }, role: 'MEMBER', title: 'Director' }],
        source: expect.objectContaining({
          url: 'http://www.bssnews.net/?p=437326',
          quote: expect.stringContaining('Nuclear Medicine Building'),
        }),
      },
    ]);
  });

  it('records who came organisation by organisation, and counts it', async () => {
    const input = {
      bodyId: 'bd-steering',
      heldOn: TODAY,
      sectorsPresent: ['health', 'police'],
      organisationsPresent: ['bd-mowca', 'bd-mohfw', 'bd-moha', 'bd-moi'],
      decisions: ['Review the crisis centres'],
      actionItems: [],
    };
    const { data, errors } = await hub.query(record, { input }, member);
    expect(errors).toBeUndefined();
    const came = data!.recordMeeting.organisationAttendance.filter((a: { present: boolean }) => a.present);
    expect(came.map((a: { organisation: { id: string } }) => a.organisation.id)).toEqual(['bd-mowca', 'bd-mohfw', 'bd-moha', 'bd-moi']);
    expect(data!.recordMeeting.organisationAttendance).toContainEqual({ organisation: { id: 'bd-mora' }, present: false });
    const steering = (await bodiesOf(hub)).find((b) => b.id === 'bd-steering')!;
    expect(steering.organisationAttendanceRates.find((r) => r.organisation.id === 'bd-moi')).toMatchObject({ expected: 4, attended: 3 });
    expect(steering.organisationAttendanceRates.find((r) => r.organisation.id === 'bd-mora')).toMatchObject({ expected: 4, attended: 2 });
  });

  it('without organisationsPresent, counts those serving a sector present as present and the others absent', async () => {
    const input = {
      bodyId: 'bd-coordination',
      heldOn: TODAY,
      sectorsPresent: ['health'],
      decisions: ['Follow up DNA samples'],
      actionItems: [],
    };
    const { data, errors } = await hub.query(record, { input }, member);
    expect(errors).toBeUndefined();
    const present = Object.fromEntries(
      data!.recordMeeting.organisationAttendance.map((a: { organisation: { id: string }; present: boolean }) => [
        a.organisation.id,
        a.present,
      ]),
    );
    expect(present).toMatchObject({
      'bd-mohfw': true,
      'bd-dmch': true,
      'bd-dna-lab': true,
      'bd-moha': false,
      'bd-mowca': false,
      'bd-moi': false,
    });
  });

  it('refuses an organisation that does not exist or that the body does not seat, naming it, and stores nothing', async () => {
    const before = JSON.stringify(await meetingsStored());
    const input = {
      bodyId: 'bd-steering',
      heldOn: '2026-11-23',
      sectorsPresent: ['health'],
      organisationsPresent: ['bd-mowca', 'bd-ministry-of-nothing', 'bd-police'],
      decisions: ['Anything'],
      actionItems: [],
    };
    const { errors } = await hub.query(record, { input }, member);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain('organisationsPresent names no organisation: bd-ministry-of-nothing');
    expect(errors![0]!.message).toContain('organisationsPresent names organisations bd-steering does not seat: bd-police');
    expect(JSON.stringify(await meetingsStored())).toBe(before);
  });

  it('refuses organisations that contradict the sectors present, and stores nothing', async () => {
    const before = JSON.stringify(await meetingsStored());
    const input = {
      bodyId: 'bd-steering',
      heldOn: '2026-11-23',
      sectorsPresent: ['health'],
      organisationsPresent: ['bd-mowca', 'bd-moha'],
      decisions: ['Anything'],
      actionItems: [],
    };
    const { errors } = await hub.query(record, { input }, member);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain(
      'organisationsPresent names none of those sitting for health (bd-mohfw), which sectorsPresent names',
    );
    expect(errors![0]!.message).toContain('organisationsPresent names bd-moha, sitting for police, which sectorsPresent leaves out');
    expect(JSON.stringify(await meetingsStored())).toBe(before);
  });
});
