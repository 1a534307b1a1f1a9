import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../subgraphs/kit/store/port.ts';
import { analyst, startTestHub, type TestCaller, type TestHub } from './support/hub.ts';
import { sample } from './operations/opsHub.ts';

/*
 * Every mutation, through the gateway: bad input is refused whole with an error naming the
 * field, and what was stored before is exactly what is stored after.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

async function snapshot(subgraph: string, collection: string) {
  const docs = await hub.stores
    .get(subgraph)!
    .collection<StoredDocument>(collection)
    .find({}, { sort: { _id: 1 } });
  return JSON.stringify(docs);
}

/** Who may write to a subgraph: the lead ministry's analyst for coordination, a sector's own officer for a sector. */
const writerFor = (subgraph: string): TestCaller => (subgraph === 'coordination' ? analyst : { role: 'sector-officer', sector: subgraph });

/** Runs a mutation that must fail, and checks the collection it targets did not change. */
async function expectRefused(subgraph: string, collection: string, mutation: string, variables: Record<string, unknown>) {
  const before = await snapshot(subgraph, collection);
  const result = await hub.query(mutation, variables, writerFor(subgraph));
  expect(result.errors, 'the write should have been refused').toBeDefined();
  expect(await snapshot(subgraph, collection)).toBe(before);
  return result.errors!;
}

const servicePoint = {
  id: 'health-sp-test-1',
  name: 'Upazila Health Complex, Savar',
  kind: 'HEALTH_FACILITY',
  place: 'Savar',
  district: 'Dhaka',
  capacityAmount: 20,
  capacityUnit: 'beds',
  openingHours: '24 hours',
  open24Hours: true,
};
const recordServicePoint = `mutation($input: ServicePointInput!) { recordHealthServicePoint(input: $input) { id name district capacity { amount unit } } }`;

describe('sector writes', () => {
  it('records a valid service point and serves it through the graph', async () => {
    const { data, errors } = await hub.query(recordServicePoint, { input: servicePoint }, writerFor('health'));
    expect(errors).toBeUndefined();
    expect(data!.recordHealthServicePoint).toEqual({
      id: servicePoint.id,
      name: servicePoint.name,
      district: 'Dhaka',
      capacity: { amount: 20, unit: 'beds' },
    });
    const read = await hub.query(`{ sector(id: "health") { servicePoints(district: "Dhaka", kind: HEALTH_FACILITY) { id } } }`);
    expect(read.data!.sector.servicePoints.map((p: { id: string }) => p.id)).toContain(servicePoint.id);
  });

  it('refuses an empty district and a negative capacity, naming both fields', async () => {
    const errors = await expectRefused('health', 'servicePoints', recordServicePoint, {
      input: { ...servicePoint, id: 'health-sp-test-2', district: '  ', capacityAmount: -3 },
    });
    expect(errors[0]!.message).toContain('Invalid service point');
    expect(errors[0]!.message).toContain('district');
    expect(errors[0]!.message).toContain('capacity.amount must be at least 0');
    expect(errors[0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a capacity amount without a unit', async () => {
    const errors = await expectRefused('health', 'servicePoints', recordServicePoint, {
      input: { ...servicePoint, id: 'health-sp-test-3', capacityUnit: null },
    });
    expect(errors[0]!.message).toContain('Invalid service point: capacityUnit must be given together with capacityAmount');
    expect(errors[0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a value outside the schema before it reaches the sector', async () => {
    const errors = await expectRefused('health', 'servicePoints', recordServicePoint, { input: { ...servicePoint, kind: 'SPACESHIP' } });
    expect(errors[0]!.message).toMatch(/kind/);
  });

  it('refuses a facet whose numbers contradict each other', async () => {
    const errors = await expectRefused(
      'police',
      'policeUnits',
      `mutation($input: PoliceUnitInput!) { recordPoliceUnit(input: $input) { id } }`,
      {
        input: {
          crisisCentreId: 'any-centre',
          station: 'Central',
          officers: 2,
          womenOfficers: 5,
          registersReports: true,
          open24Hours: true,
        },
      },
    );
    expect(errors[0]!.message).toContain('womenOfficers must not exceed officers');
  });

  it("refuses a status report on another sector's action and leaves that action untouched", async () => {
    const [policeAction] = await hub.stores.get('police')!.collection<StoredDocument>('actionRecords').find({}, { limit: 1 });
    const policeBefore = await snapshot('police', 'actionRecords');
    const errors = await expectRefused(
      'health',
      'actionRecords',
      `mutation($input: ActionStatusInput!) { reportHealthActionStatus(input: $input) { id status } }`,
      { input: { actionId: policeAction!._id, status: 'COMPLETED' } },
    );
    expect(errors[0]!.message).toContain(`Action "${policeAction!._id}" is not in the health sector's register`);
    expect(errors[0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await snapshot('police', 'actionRecords')).toBe(policeBefore);
  });

  it('records a status report from the lead sector, visible on the framework action', async () => {
    const [healthAction] = await hub.stores.get('health')!.collection<StoredDocument>('actionRecords').find({}, { limit: 1 });
    const { errors } = await hub.query(
      `mutation($input: ActionStatusInput!) { reportHealthActionStatus(input: $input) { id status dueDate } }`,
      { input: { actionId: healthAction!._id, status: 'DELAYED', dueDate: '2027-03-31' } },
      writerFor('health'),
    );
    expect(errors).toBeUndefined();
    const { data } = await hub.query(`query($id: ID!) { action(id: $id) { title status dueDate delivery } }`, { id: healthAction!._id });
    expect(data!.action).toMatchObject({ status: 'DELAYED', dueDate: '2027-03-31', delivery: 'AT_RISK' });
  });
});

describe('a value only the sector can check', () => {
  it('is the caller’s error naming the field, not an unavailable sector, and no subgraph failure is counted', async () => {
    const metricsUrl = hub.gateway.url.replace(/\/graphql$/, '/metrics');
    const failures = async () =>
      sample(await (await fetch(metricsUrl)).text(), 'crg_subgraph_fetch_failures_total', { subgraph: 'health' }) ?? 0;
    const failuresBefore = await failures();
    const [action] = await hub.stores.get('health')!.collection<StoredDocument>('actionRecords').find({}, { limit: 1 });
    const errors = await expectRefused(
      'health',
      'actionRecords',
      `mutation($input: ActionStatusInput!) { reportHealthActionStatus(input: $input) { id status } }`,
      { input: { actionId: action!._id, status: 'IN_PROGRESS', dueDate: '2027-02-30' } },
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors[0]!.message).toContain('dueDate');
    expect(errors[0]!.message).toContain('2027-02-30');
    expect(await failures()).toBe(failuresBefore);
  });
});

describe('lead ministry writes', () => {
  const addAction = `mutation($input: FrameworkActionInput!) { addFrameworkAction(input: $input) { id code leadSector { id } } }`;

  it('refuses an action naming an unknown objective and its own lead as a supporter, naming both fields', async () => {
    const errors = await expectRefused('coordination', 'actions', addAction, {
      input: {
        id: 'bd-a9-1',
        code: 'A9.1',
        title: 'Train hospital staff',
        objectiveId: 'no-such-objective',
        leadSectorId: 'health',
        supportingSectorIds: ['health', 'police'],
      },
    });
    expect(errors[0]!.message).toContain('objectiveId names no objective');
    expect(errors[0]!.message).toContain('supportingSectorIds must not include the lead sector');
  });

  it('refuses an action naming an unknown organisation, or its lead organisation as a supporter', async () => {
    const errors = await expectRefused('coordination', 'actions', addAction, {
      input: {
        id: 'bd-a9-3',
        code: 'A9.3',
        title: 'Screen DNA samples at every crisis centre',
        objectiveId: 'bd-o2',
        leadSectorId: 'health',
        supportingSectorIds: ['police'],
        leadOrganisationId: 'bd-no-such-body',
        supportingOrganisationIds: ['bd-dna-lab', 'bd-hsd', 'bd-hsd'],
      },
    });
    expect(errors[0]!.message).toContain('leadOrganisationId names no organisation (got "bd-no-such-body")');
    const again = await expectRefused('coordination', 'actions', addAction, {
      input: {
        id: 'bd-a9-3',
        code: 'A9.3',
        title: 'Screen DNA samples at every crisis centre',
        objectiveId: 'bd-o2',
        leadSectorId: 'health',
        supportingSectorIds: ['police'],
        leadOrganisationId: 'bd-hsd',
        supportingOrganisationIds: ['bd-dna-lab', 'bd-hsd', 'bd-unknown'],
      },
    });
    expect(again[0]!.message).toContain('supportingOrganisationIds names unknown organisations: bd-unknown');
    expect(again[0]!.message).toContain('supportingOrganisationIds must not include the lead organisation');
  });

  it('adds a valid action, typed by its lead sector, and refuses the same id twice', async () => {
    const [objective] = await hub.stores.get('coordination')!.collection<StoredDocument>('objectives').find({}, { limit: 1 });
    const input = {
      id: 'bd-a9-2',
      code: 'A9.2',
      title: 'Publish referral directory',
      objectiveId: objective!._id,
      leadSectorId: 'social-welfare',
      supportingSectorIds: ['health'],
      leadOrganisationId: 'bd-mosw',
      supportingOrganisationIds: ['bd-hsd'],
    };
    const { data, errors } = await hub.query(addAction, { input });
    expect(errors).toBeUndefined();
    expect(data!.addFrameworkAction).toEqual({ id: 'bd-a9-2', code: 'A9.2', leadSector: { id: 'social-welfare' } });
    const named = await hub.query(
      `{ action(id: "bd-a9-2") { leadOrganisation { id } supportingOrganisations { id } source { title } illustrative } }`,
    );
    // Recorded through the API, not by the demo: no mark.
    expect(named.data!.action).toEqual({
      leadOrganisation: { id: 'bd-mosw' },
      supportingOrganisations: [{ id: 'bd-hsd' }],
      source: null,
      illustrative: false,
    });
    const again = await expectRefused('coordination', 'actions', addAction, { input: { ...input, title: 'Something else' } });
    expect(again[0]!.extensions!.code).toBe('CONFLICT');
    const read = await hub.query(`{ action(id: "bd-a9-2") { __typename status delivery } }`);
    expect(read.data!.action).toEqual({ __typename: 'SocialWelfareAction', status: null, delivery: 'NOT_REPORTED' });
  });

  it('refuses a focal point with a malformed email, keeping the old one', async () => {
    const errors = await expectRefused(
      'coordination',
      'sectors',
      `mutation { updateFocalPoint(sectorId: "health", input: { name: "A. Rahman", title: "Joint Secretary", email: "not-an-email" }) { id } }`,
      {},
    );
    expect(errors[0]!.message).toContain('focalPoint.email must be an email address');
  });

  it('refuses a crisis centre with a missing hospital', async () => {
    const errors = await expectRefused(
      'coordination',
      'crisisCentres',
      `mutation { addCrisisCentre(input: { id: "bd-occ-new", name: "New OCC", hospital: "", place: "Bogura", district: "Bogura" }) { id } }`,
      {},
    );
    expect(errors[0]!.message).toContain('hospital');
  });
});
