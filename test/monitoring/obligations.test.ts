import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';

/*
 * South Africa's Inter-Sectoral Committee against the duties its Act sets (s.64(1): meet at
 * least twice every year; s.64(3): report to the Minister within one month of every meeting),
 * evaluated through the gateway from the recorded meetings and reports, at TODAY.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ country: 'south-africa', only: [] });
});
afterAll(() => hub?.stop());

const secretary = { role: 'committee-member' as const, subject: 'secretary@isc' };
const obligations = `{ coordinationBodies { id obligations { id } }
  obligations(holderId: "za-isc") { id duty status summary
    holder { __typename ... on CoordinationBody { id } }
    owedTo { id }
    rule { kind times period { count unit } }
    source { title section quote url } illustrative
    assessments { label from until status detail meetings { id } reports { id sentOn } } } }`;
const recordReport = `mutation($input: BodyReportInput!) { recordBodyReport(input: $input) {
  id sentOn ref recordedBy body { id } coversMeeting { id } sentTo { id } } }`;
const recordMeeting = `mutation($input: MeetingInput!) { recordMeeting(input: $input) { id } }`;

interface Assessment {
  label: string;
  from: string;
  until: string;
  status: string;
  detail: string;
  meetings: { id: string }[];
  reports: { id: string; sentOn: string }[];
}
interface Obligation {
  id: string;
  status: string;
  source: { title: string; section: string; quote: string; url: string };
  assessments: Assessment[];
  [field: string]: unknown;
}

async function committeeDuties(): Promise<Record<string, Obligation>> {
  const { data, errors } = await hub.query<{
    obligations: Obligation[];
    coordinationBodies: { id: string; obligations: { id: string }[] }[];
  }>(obligations);
  expect(errors).toBeUndefined();
  const committee = data!.coordinationBodies.find((b) => b.id === 'za-isc')!;
  expect(committee.obligations.map((o) => o.id)).toEqual(data!.obligations.map((o) => o.id));
  return Object.fromEntries(data!.obligations.map((o) => [o.id, o]));
}

const reports = () =>
  hub.stores
    .get('coordination')!
    .collection<StoredDocument>('bodyReports')
    .find({}, { sort: { _id: 1 } });

const meetingInput = (heldOn: string) => ({
  bodyId: 'za-isc',
  heldOn,
  sectorsPresent: ['justice', 'police', 'social-welfare', 'health'],
  decisions: ['Review the reports of the organs of state'],
  actionItems: [],
});

describe("the Committee's duties under the Act, from its recorded meetings and reports", () => {
  it('fails s.64(1) in 2025, when it met once, and meets it in 2026, quoting the section', async () => {
    const meet = (await committeeDuties())['za-isc-s64-1']!;
    expect(meet).toMatchObject({
      duty: 'MEET',
      holder: { __typename: 'CoordinationBody', id: 'za-isc' },
      rule: { kind: 'AT_LEAST_N_PER_PERIOD', times: 2, period: { count: 1, unit: 'YEAR' } },
      status: 'NOT_MET',
      source: {
        title: 'Criminal Law (Sexual Offences and Related Matters) Amendment Act 32 of 2007',
        section: 's.64(1)',
        quote:
          'The Committee shall meet at least twice every year and meetings shall be held at a time and place determined by the chairperson.',
      },
    });
    expect(meet.assessments.map((a) => [a.label, a.status, a.detail, a.meetings.map((m) => m.id)])).toEqual([
      ['2025', 'NOT_MET', '1 of at least 2', ['za-isc-2025-10-16']],
      ['2026', 'MET', '3 of at least 2', ['za-isc-2026-02-19', 'za-isc-2026-05-21', 'za-isc-2026-08-13']],
    ]);
  });

  it('fails s.64(3) meeting by meeting: one report late, one never sent, quoting the section', async () => {
    const report = (await committeeDuties())['za-isc-s64-3']!;
    expect(report).toMatchObject({
      duty: 'REPORT_ON_MEETING',
      owedTo: { id: 'za-doj' },
      rule: { kind: 'WITHIN_PERIOD_OF_EVENT', period: { count: 1, unit: 'MONTH' } },
      status: 'NOT_MET',
      source: {
        section: 's.64(3)',
        quote: 'The Committee shall report in writing on every meeting to the Minister within one month of such meeting.',
      },
    });
    expect(report.assessments.map((a) => [a.label, a.until, a.status, a.detail])).toEqual([
      ['za-isc-2025-10-16', '2025-11-16', 'MET', 'reported on 2025-11-10'],
      ['za-isc-2026-02-19', '2026-03-19', 'MET', 'reported on 2026-03-12'],
      ['za-isc-2026-05-21', '2026-06-21', 'NOT_MET', 'reported on 2026-07-02, 11 days late'],
      ['za-isc-2026-08-13', '2026-09-13', 'NOT_MET', 'no report; due by 2026-09-13'],
    ]);
    expect(report.assessments[2]!.reports).toEqual([{ id: 'za-isc-2026-05-21-report1', sentOn: '2026-07-02' }]);
  });

  it("finds the Minister's review of the framework (s.62(2)(c)) due, from the framework's publication (test/monitoring/frameworks.test.ts has the rest)", async () => {
    const { data, errors } = await hub.query(
      `{ organisation(id: "za-doj") { obligations { id } }
        obligations(holderId: "za-doj") { id status holder { __typename ... on Organisation { id } } source { section quote } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.organisation.obligations).toEqual([{ id: 'za-doj-s62-2c' }]);
    expect(data!.obligations).toEqual([
      {
        id: 'za-doj-s62-2c',
        status: 'DUE',
        holder: { __typename: 'Organisation', id: 'za-doj' },
        source: {
          section: 's.62(2)(c), as substituted by s.38 of Act 66 of 2008',
          quote:
            'review the policy framework within five years after its publication in the Gazette and at least once every five years thereafter',
        },
      },
    ]);
  });
});

describe('recording meetings and reports changes the evaluation', () => {
  it('refuses a report on no meeting, to no organisation, before its meeting or in the future, storing nothing', async () => {
    const before = await reports();
    const cases: [Record<string, unknown>, string][] = [
      [{ meetingId: 'za-isc-2026-08-14', sentToId: 'za-doj', sentOn: '2026-09-01' }, 'meetingId names no recorded meeting'],
      [{ meetingId: 'za-isc-2026-08-13', sentToId: 'za-minister', sentOn: '2026-09-01' }, 'sentToId names no organisation'],
      [{ meetingId: 'za-isc-2026-08-13', sentToId: 'za-doj', sentOn: '2026-08-12' }, 'sentOn must not be before the meeting'],
      [{ meetingId: 'za-isc-2026-08-13', sentToId: 'za-doj', sentOn: '2026-11-25' }, 'sentOn must not be in the future'],
      [{ meetingId: 'za-isc-2026-08-13', sentToId: 'za-doj', sentOn: '2026-09-01', ref: '  ' }, 'ref'],
    ];
    for (const [input, problem] of cases) {
      const { errors } = await hub.query(recordReport, { input }, secretary);
      expect(errors?.[0]?.extensions?.code, problem).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toContain(problem);
    }
    const { errors } = await hub.query(
      recordReport,
      { input: { meetingId: 'za-isc-2026-08-13', sentToId: 'za-doj', sentOn: '2026-09-01' } },
      { role: 'analyst' },
    );
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await reports()).toEqual(before);
  });

  it('a second meeting in 2025 meets s.64(1) for that year, and s.64(3) wants a report on it', async () => {
    expect((await hub.query(recordMeeting, { input: meetingInput('2025-06-12') }, secretary)).errors).toBeUndefined();
    const duties = await committeeDuties();
    expect(duties['za-isc-s64-1']!.assessments[0]).toMatchObject({ label: '2025', status: 'MET', detail: '2 of at least 2' });
    expect(duties['za-isc-s64-1']!.status).toBe('MET');
    expect(duties['za-isc-s64-3']!.assessments[0]).toMatchObject({
      label: 'za-isc-2025-06-12',
      until: '2025-07-12',
      status: 'NOT_MET',
      detail: 'no report; due by 2025-07-12',
    });
  });

  it('a report sent in time meets s.64(3) for its meeting', async () => {
    const { data, errors } = await hub.query(
      recordReport,
      { input: { meetingId: 'za-isc-2025-06-12', sentToId: 'za-doj', sentOn: '2025-07-01', ref: 'ISC/2025/06' } },
      secretary,
    );
    expect(errors).toBeUndefined();
    expect(data!.recordBodyReport).toEqual({
      id: 'za-isc-2025-06-12-report1',
      sentOn: '2025-07-01',
      ref: 'ISC/2025/06',
      recordedBy: secretary.subject,
      body: { id: 'za-isc' },
      coversMeeting: { id: 'za-isc-2025-06-12' },
      sentTo: { id: 'za-doj' },
    });
    const first = (await committeeDuties())['za-isc-s64-3']!.assessments[0]!;
    expect(first).toMatchObject({ status: 'MET', detail: 'reported on 2025-07-01' });
    expect(first.reports.map((r) => r.id)).toEqual(['za-isc-2025-06-12-report1']);
  });

  it("today's meeting is DUE a report, not failed, until a month has passed", async () => {
    expect((await hub.query(recordMeeting, { input: meetingInput(TODAY) }, secretary)).errors).toBeUndefined();
    const last = (await committeeDuties())['za-isc-s64-3']!.assessments.at(-1)!;
    expect(last).toMatchObject({ label: `za-isc-${TODAY}`, until: '2026-12-24', status: 'DUE' });
  });
});
