import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyst, startTestHub, TODAY, type TestCaller, type TestHub } from './support/hub.ts';
import { newCase, officer, referCase, registerCase, registered, snapshot, updateReferralStatus } from './cases/caseFixtures.ts';

/*
 * Every write refuses an implausible day or blank free text through the gateway, as
 * BAD_USER_INPUT naming the field, the bound and the value, and stores nothing; the bound day
 * itself is accepted. Bangladesh's frameworks start with the Multi-Sectoral Programme on
 * 2000-05-01; the hub's today is TODAY.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const frameworkStart = '2000-05-01';
const horizon = '2036-11-24'; // 10 years from TODAY
const horizonAgo = '2016-11-24'; // 10 years before TODAY

/** The stores a write may touch, read before and after it. */
type Watched = [subgraph: string, collection: string][];

async function stored(watched: Watched) {
  return Promise.all(watched.map(([subgraph, collection]) => snapshot(hub, subgraph, collection)));
}

/** Sends a write that must be refused as bad input; returns its message after checking nothing changed. */
async function refused(watched: Watched, query: string, variables: Record<string, unknown>, as?: TestCaller): Promise<string> {
  const before = await stored(watched);
  const { errors } = await hub.query(query, variables, as);
  expect(errors, 'the write should have been refused').toHaveLength(1);
  expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(await stored(watched)).toEqual(before);
  return errors![0]!.message;
}

async function accepted(query: string, variables: Record<string, unknown>, as?: TestCaller) {
  const { data, errors } = await hub.query(query, variables, as);
  expect(errors).toBeUndefined();
  return data!;
}

describe('a meeting and its action items', () => {
  const member: TestCaller = { role: 'committee-member', subject: 'secretary@steering' };
  const recordMeeting = `mutation($input: MeetingInput!) { recordMeeting(input: $input) { id heldOn decisions { text } actionItems { dueDate } } }`;
  const meetings: Watched = [
    ['coordination', 'meetings'],
    ['coordination', 'actionItems'],
  ];
  const meeting = {
    bodyId: 'bd-steering',
    heldOn: frameworkStart,
    sectorsPresent: ['health'],
    minutesRef: 'MOWCA/SC/2018/1',
    decisions: ['Adopt the plan'],
    actionItems: [{ sectorId: 'health', text: 'Open the crisis centres', dueDate: '2018-06-30' }],
  };

  it("refuses a meeting before the framework's start, an item due past the horizon, and blank text", async () => {
    const message = await refused(
      meetings,
      recordMeeting,
      {
        input: {
          ...meeting,
          heldOn: '2000-04-30',
          minutesRef: ' ',
          decisions: ['Adopt the plan', '  '],
          actionItems: [{ sectorId: 'health', text: '\t', dueDate: '2036-11-25' }],
        },
      },
      member,
    );
    expect(message).toContain("heldOn must not be before the framework's start (2000-05-01; got 2000-04-30)");
    expect(message).toContain(`actionItems[0].dueDate must not be after 10 years from today (${horizon}; got 2036-11-25)`);
    expect(message).toContain('minutesRef is empty');
    expect(message).toContain('decisions[1] must not be empty');
    expect(message).toContain('actionItems[0].text must not be empty');
  });

  it("accepts a meeting on the framework's first day with an item due on the horizon's last day", async () => {
    const input = { ...meeting, actionItems: [{ ...meeting.actionItems[0], dueDate: horizon }] };
    const data = await accepted(recordMeeting, { input }, member);
    expect(data.recordMeeting).toMatchObject({ heldOn: frameworkStart, actionItems: [{ dueDate: horizon }] });
  });

  it('refuses a blank note on an action item update', async () => {
    const update = `mutation($input: ActionItemUpdateInput!) { updateActionItem(input: $input) { id } }`;
    const message = await refused(
      meetings,
      update,
      { input: { id: `bd-steering-${frameworkStart}-ai1`, status: 'DONE', note: ' ' } },
      member,
    );
    expect(message).toContain('note is empty');
  });
});

describe('a case', () => {
  it("refuses a first report before the framework's start, an incident after the report or a century before it, and a blank district", async () => {
    const early = await refused(
      [['coordination', 'cases']],
      registerCase,
      { input: { ...newCase, firstReportedOn: '2000-04-30' } },
      officer('health'),
    );
    expect(early).toContain("firstReportedOn must not be before the framework's start (2000-05-01; got 2000-04-30)");
    const incident = await refused(
      [['coordination', 'cases']],
      registerCase,
      { input: { ...newCase, incidentOn: '2026-11-21', district: ' ' } },
      officer('health'),
    );
    expect(incident).toContain('incidentOn must not be after the day the case was first reported (2026-11-20; got 2026-11-21)');
    expect(incident).toContain('district must not be empty');
    const century = await refused(
      [['coordination', 'cases']],
      registerCase,
      { input: { ...newCase, incidentOn: '1926-11-19' } },
      officer('health'),
    );
    expect(century).toContain('incidentOn must not be before 100 years before the case was first reported (1926-11-20; got 1926-11-19)');
  });

  it("accepts a case first reported on the framework's first day, and incidents on either bound", async () => {
    const first = await accepted(
      registerCase,
      { input: { ...newCase, firstReportedOn: frameworkStart, incidentOn: '1900-05-01' } },
      officer('health'),
    );
    expect(first.registerCase.id).toMatch(/^CASE-BD-2000-\d{6}$/);
    await accepted(registerCase, { input: { ...newCase, incidentOn: newCase.firstReportedOn } }, officer('health'));
  });

  it('refuses a milestone before the first report or in the future, and accepts one on the day of the report', async () => {
    const milestone = `mutation($input: CaseMilestoneInput!) { recordCaseMilestone(input: $input) { milestones { kind on } } }`;
    const caseId = await registered(hub, 'health');
    const input = { caseId, expectedVersion: 1, kind: 'HEALTH_EXAMINED' };
    const early = await refused([['coordination', 'cases']], milestone, { input: { ...input, on: '2026-11-19' } }, officer('health'));
    expect(early).toContain('on must not be before the day the case was first reported (2026-11-20; got 2026-11-19)');
    const future = await refused([['coordination', 'cases']], milestone, { input: { ...input, on: '2026-11-25' } }, officer('health'));
    expect(future).toContain(`on must not be in the future (today is ${TODAY}; got 2026-11-25)`);
    const data = await accepted(milestone, { input: { ...input, on: newCase.firstReportedOn } }, officer('health'));
    expect(data.recordCaseMilestone.milestones).toEqual([{ kind: 'HEALTH_EXAMINED', on: newCase.firstReportedOn }]);
  });
});

describe('a referral', () => {
  const referrals: Watched = [['coordination', 'referrals']];
  const refer = (caseId: string, toSectorId: string, extra: Record<string, unknown>) => ({
    input: { caseId, toSectorId, reason: 'She asks to report to the police', followUpBy: TODAY, ...extra },
  });

  it('refuses a follow-up day before the referral or more than 90 days after it, and a blank reason', async () => {
    const caseId = await registered(hub, 'health');
    const past = await refused(
      referrals,
      referCase,
      refer(caseId, 'police', { followUpBy: '2026-11-23', reason: '  ' }),
      officer('health'),
    );
    expect(past).toContain(`followUpBy must not be before the day the referral is made (${TODAY}; got 2026-11-23)`);
    expect(past).toContain('reason must not be empty');
    const far = await refused(referrals, referCase, refer(caseId, 'police', { followUpBy: '2027-02-23' }), officer('health'));
    expect(far).toContain(`followUpBy must not be after 90 days from the day the referral is made (2027-02-22; got 2027-02-23)`);
    const override = await refused(referrals, referCase, refer(caseId, 'justice', { consentOverrideReason: ' ' }), officer('health'));
    expect(override).toContain('consentOverrideReason is empty');
  });

  it('accepts a follow-up today or 90 days ahead, and refuses a blank reason for a status change', async () => {
    const caseId = await registered(hub, 'health');
    await accepted(referCase, refer(caseId, 'police', { followUpBy: TODAY }), officer('health'));
    const data = await accepted(referCase, refer(caseId, 'social-welfare', { followUpBy: '2027-02-22' }), officer('health'));
    const { id, version } = data.referCase;
    const blank = await refused(
      referrals,
      updateReferralStatus,
      { input: { referralId: id, expectedVersion: version, status: 'ACCEPTED', reason: ' ' } },
      officer('social-welfare'),
    );
    expect(blank).toContain('reason is empty');
  });
});

describe('lead ministry registers', () => {
  const addCrisisCentre = `mutation($input: CrisisCentreInput!) { addCrisisCentre(input: $input) { id openedOn } }`;
  const centre = {
    id: 'bd-occ-bogura',
    name: 'OCC Bogura',
    hospital: 'Shaheed Ziaur Rahman Medical College Hospital',
    place: 'Bogura',
    district: 'Bogura',
  };

  it('refuses a crisis centre opened in the future or with a blank name, and accepts one opened today', async () => {
    const message = await refused(
      [['coordination', 'crisisCentres']],
      addCrisisCentre,
      { input: { ...centre, name: ' ', openedOn: '2026-11-25' } },
      analyst,
    );
    expect(message).toContain(`openedOn must not be in the future (today is ${TODAY}; got 2026-11-25)`);
    expect(message).toContain('name must not be empty');
    const data = await accepted(addCrisisCentre, { input: { ...centre, openedOn: TODAY } }, analyst);
    expect(data.addCrisisCentre).toEqual({ id: centre.id, openedOn: TODAY });
  });

  it('refuses a framework action with a blank title and a focal point with a blank email', async () => {
    const [objective] = await hub.stores.get('coordination')!.collection('objectives').find({}, { limit: 1 });
    const action = {
      id: 'bd-a9-9',
      code: 'A9.9',
      title: ' ',
      objectiveId: objective!._id,
      leadSectorId: 'health',
      supportingSectorIds: [],
    };
    const addAction = `mutation($input: FrameworkActionInput!) { addFrameworkAction(input: $input) { id } }`;
    expect(await refused([['coordination', 'actions']], addAction, { input: action }, analyst)).toContain('title must not be empty');
    const focalPoint = `mutation { updateFocalPoint(sectorId: "health", input: { name: " ", title: "Joint Secretary", email: " " }) { id } }`;
    const message = await refused([['coordination', 'sectors']], focalPoint, {}, analyst);
    expect(message).toContain('focalPoint.email is empty');
    expect(message).toContain('focalPoint.name is required');
  });
});

describe('a sector’s progress on the actions it leads', () => {
  const healthOfficer = officer('health');
  const progress = `mutation($input: ProgressReportInput!) { reportHealthActionProgress(input: $input) { dueDate } }`;
  const status = `mutation($input: ActionStatusInput!) { reportHealthActionStatus(input: $input) { dueDate } }`;
  const actions: Watched = [
    ['health', 'actionRecords'],
    ['health', 'progressReports'],
  ];

  it('refuses a due date outside the planning horizon either way and a report about a day over 10 years ago', async () => {
    const late = await refused(
      actions,
      progress,
      { input: { actionId: 'bd-a2-3', status: 'DELAYED', dueDate: '2099-01-01' } },
      healthOfficer,
    );
    expect(late).toContain(`dueDate must not be after 10 years from today (${horizon}; got 2099-01-01)`);
    const old = await refused(
      actions,
      progress,
      { input: { actionId: 'bd-a2-3', status: 'DELAYED', dueDate: '1900-01-01', asOf: '2016-11-23' } },
      healthOfficer,
    );
    expect(old).toContain(`dueDate must not be before 10 years ago (${horizonAgo}; got 1900-01-01)`);
    expect(old).toContain(`asOf must not be before 10 years ago (${horizonAgo}; got 2016-11-23)`);
    const viaStatus = await refused(
      actions,
      status,
      { input: { actionId: 'bd-a2-3', status: 'DELAYED', dueDate: '2036-11-25' } },
      healthOfficer,
    );
    expect(viaStatus).toContain(`dueDate must not be after 10 years from today (${horizon}; got 2036-11-25)`);
  });

  it('accepts a due date on either end of the horizon and a report about 10 years ago', async () => {
    const far = await accepted(
      progress,
      { input: { actionId: 'bd-a2-3', status: 'DELAYED', dueDate: horizon, asOf: horizonAgo } },
      healthOfficer,
    );
    expect(far.reportHealthActionProgress.dueDate).toBe(horizon);
    const past = await accepted(status, { input: { actionId: 'bd-a2-3', status: 'DELAYED', dueDate: horizonAgo } }, healthOfficer);
    expect(past.reportHealthActionStatus.dueDate).toBe(horizonAgo);
  });

  it('refuses a target date past the horizon and accepts one on it', async () => {
    const revise = `mutation($input: TargetRevisionInput!) { reviseJusticeIndicatorTarget(input: $input) { target { date } } }`;
    const input = { indicatorId: 'bd-cases-finalised', value: 35, date: '2036-11-25', reason: 'Tribunal backlog' };
    const message = await refused([['justice', 'indicators']], revise, { input: { ...input, reason: ' ' } }, analyst);
    expect(message).toContain(`date must not be after 10 years from today (${horizon}; got 2036-11-25)`);
    expect(message).toContain('reason must not be empty');
    const data = await accepted(revise, { input: { ...input, date: horizon } }, analyst);
    expect(data.reviseJusticeIndicatorTarget.target).toEqual({ date: horizon });
  });
});

describe('a sector’s response to a case', () => {
  const recordHealth = `mutation($input: HealthCaseResponseInput!) { recordHealthCaseResponse(input: $input) { id startedOn } }`;
  const recordEducation = `mutation($input: EducationCaseResponseInput!) { recordEducationCaseResponse(input: $input) { id } }`;
  const recordContact = `mutation($input: SurvivorContactInput!) { recordHealthSurvivorContact(input: $input) { caseId } }`;
  let caseId: string;
  beforeAll(async () => {
    caseId = await registered(hub, 'health', { referralConsent: ['education'] });
    await accepted(
      referCase,
      { input: { caseId, toSectorId: 'education', reason: 'School transfer', followUpBy: TODAY } },
      officer('health'),
    );
  });

  it('refuses any of its days in the future or before the year in the case code, naming each field', async () => {
    const message = await refused(
      [['health', 'healthResponses']],
      recordHealth,
      { input: { caseId, examinedOn: '2026-11-25', postExposureTreatmentGivenOn: '2025-12-31' } },
      officer('health'),
    );
    expect(message).toContain(`examinedOn must not be in the future (today is ${TODAY}; got 2026-11-25)`);
    // What the response's document refuses besides is named in the same answer.
    expect(message).toContain('forensicEvidenceCollected is required');
    expect(message).toContain(
      `postExposureTreatmentGivenOn must not be before 1 January of the year in the case code, the year case ${caseId} was first reported (2026-01-01; got 2025-12-31)`,
    );
    const education = await refused(
      [['education', 'educationResponses']],
      recordEducation,
      { input: { caseId, schoolSupport: ' ', safeTransferOn: '2025-06-01' } },
      officer('education'),
    );
    expect(education).toContain('safeTransferOn must not be before 1 January of the year in the case code');
    expect(education).toContain('schoolSupport is empty');
  });

  it('accepts days from 1 January of the case year to today', async () => {
    const data = await accepted(
      recordHealth,
      { input: { caseId, examinedOn: TODAY, postExposureTreatmentGivenOn: '2026-01-01', forensicEvidenceCollected: true } },
      officer('health'),
    );
    expect(data.recordHealthCaseResponse.startedOn).toBe('2026-01-01');
  });

  it("refuses a survivor's contact collected before the case year or with a blank name, and accepts one collected today", async () => {
    const contact = { caseId, name: 'Survivor 4471', collectedOn: '2025-12-31' };
    const message = await refused(
      [['health', 'survivorContacts']],
      recordContact,
      { input: { ...contact, name: ' ', address: '' } },
      officer('health'),
    );
    expect(message).toContain('collectedOn must not be before 1 January of the year in the case code');
    expect(message).toContain('name must not be empty');
    expect(message).toContain('address is empty');
    await accepted(recordContact, { input: { ...contact, collectedOn: TODAY } }, officer('health'));
  });
});

describe("a sector's facet of a crisis centre", () => {
  it('refuses blank text, naming what else the facet gets wrong in the same answer', async () => {
    const facet = `mutation($input: PoliceUnitInput!) { recordPoliceUnit(input: $input) { id } }`;
    const input = {
      crisisCentreId: 'bd-occ-dhaka',
      station: ' ',
      officers: 5,
      womenOfficers: 6,
      registersReports: true,
      open24Hours: true,
    };
    const message = await refused([['police', 'policeUnits']], facet, { input }, officer('police'));
    expect(message).toContain('station must not be empty');
    expect(message).toContain('womenOfficers must not exceed officers');
  });
});
