import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';

/* Progress reports through the gateway: appended, never overwritten, only by the lead sector. */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const healthOfficer = { role: 'sector-officer' as const, sector: 'health', subject: 'officer.rahman@health' };
const policeOfficer = { role: 'sector-officer' as const, sector: 'police', subject: 'officer.karim@police' };
const report = `mutation($input: ProgressReportInput!) {
  reportHealthActionProgress(input: $input) { id status dueDate delivery progressHistory { sequence status note evidenceRef asOf recordedBy } }
}`;
const history = `query($id: ID!) { action(id: $id) { code status progressHistory { id sequence status note recordedBy } } }`;

const snapshot = async (subgraph: string, collection: string) =>
  JSON.stringify(
    await hub.stores
      .get(subgraph)!
      .collection<StoredDocument>(collection)
      .find({}, { sort: { _id: 1 } }),
  );

function dayOffset(days: number): string {
  const day = new Date(`${TODAY}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

describe('progress reports', () => {
  it('serves the seeded history through the framework action, ending in its current status', async () => {
    const { data, errors } = await hub.query(history, { id: 'bd-a2-1' });
    expect(errors).toBeUndefined();
    const reports = data!.action.progressHistory;
    expect(reports.map((r: { sequence: number }) => r.sequence)).toEqual([1, 2]);
    expect(reports.at(-1).status).toBe(data!.action.status);
  });

  it('appends a report by the lead sector, keeps every earlier one, and moves the status', async () => {
    const before = (await hub.query(history, { id: 'bd-a2-3' })).data!.action.progressHistory;
    const { data, errors } = await hub.query(
      report,
      { input: { actionId: 'bd-a2-3', status: 'DELAYED', note: 'DNA screening kits not delivered', evidenceRef: 'MOHFW/OCC/2026/114' } },
      healthOfficer,
    );
    expect(errors).toBeUndefined();
    const action = data!.reportHealthActionProgress;
    expect(action.status).toBe('DELAYED');
    expect(action.progressHistory.slice(0, before.length).map((r: { status: string }) => r.status)).toEqual(
      before.map((r: { status: string }) => r.status),
    );
    expect(action.progressHistory.at(-1)).toEqual({
      sequence: before.length + 1,
      status: 'DELAYED',
      note: 'DNA screening kits not delivered',
      evidenceRef: 'MOHFW/OCC/2026/114',
      asOf: TODAY,
      recordedBy: healthOfficer.subject,
    });
    const read = await hub.query(history, { id: 'bd-a2-3' });
    expect(read.data!.action.status).toBe('DELAYED');
  });

  it('judges an action due today as not overdue, and one due yesterday as overdue', async () => {
    const dueToday = await hub.query(report, { input: { actionId: 'bd-a2-1', status: 'IN_PROGRESS', dueDate: TODAY } }, healthOfficer);
    expect(dueToday.errors).toBeUndefined();
    expect(dueToday.data!.reportHealthActionProgress.delivery).toBe('ON_TRACK');
    const dueYesterday = await hub.query(
      report,
      { input: { actionId: 'bd-a2-1', status: 'IN_PROGRESS', dueDate: dayOffset(-1) } },
      healthOfficer,
    );
    expect(dueYesterday.data!.reportHealthActionProgress.delivery).toBe('OVERDUE');
  });

  it("refuses another sector's officer, and a report on another sector's action, changing nothing", async () => {
    const before = [await snapshot('health', 'progressReports'), await snapshot('health', 'actionRecords')];
    const wrongCaller = await hub.query(report, { input: { actionId: 'bd-a2-1', status: 'COMPLETED' } }, policeOfficer);
    expect(wrongCaller.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(wrongCaller.errors![0]!.message).toContain('Only the health sector may do this');
    const wrongAction = await hub.query(report, { input: { actionId: 'bd-a3-1', status: 'COMPLETED' } }, healthOfficer);
    expect(wrongAction.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(wrongAction.errors![0]!.message).toContain('Action "bd-a3-1" is not in the health sector\'s register');
    expect([await snapshot('health', 'progressReports'), await snapshot('health', 'actionRecords')]).toEqual(before);
  });

  it('refuses a report about a day in the future, naming the field, changing nothing', async () => {
    const before = await snapshot('health', 'progressReports');
    const { errors } = await hub.query(report, { input: { actionId: 'bd-a2-1', status: 'COMPLETED', asOf: dayOffset(1) } }, healthOfficer);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain(`asOf must not be in the future (today is ${TODAY}; got ${dayOffset(1)})`);
    expect(await snapshot('health', 'progressReports')).toBe(before);
  });
});

describe('progress report validation', () => {
  it('refuses an overlong note whole: neither the history nor the status moves', async () => {
    const health = { role: 'sector-officer' as const, sector: 'health', subject: 'officer@health' };
    const before = [await snapshot('health', 'progressReports'), await snapshot('health', 'actionRecords')];
    const { errors } = await hub.query(
      `mutation($input: ProgressReportInput!) { reportHealthActionProgress(input: $input) { id } }`,
      { input: { actionId: 'bd-a2-2', status: 'IN_PROGRESS', note: 'x'.repeat(2001) } },
      health,
    );
    expect(errors![0]!.message).toContain('note must be at most 2000 characters long');
    expect([await snapshot('health', 'progressReports'), await snapshot('health', 'actionRecords')]).toEqual(before);
  });
  it('refuses a blank note and a blank evidence reference together, naming both: neither the history nor the status moves', async () => {
    const health = { role: 'sector-officer' as const, sector: 'health', subject: 'officer@health' };
    const before = [await snapshot('health', 'progressReports'), await snapshot('health', 'actionRecords')];
    const { errors } = await hub.query(
      `mutation($input: ProgressReportInput!) { reportHealthActionProgress(input: $input) { id } }`,
      { input: { actionId: 'bd-a2-2', status: 'IN_PROGRESS', note: '   ', evidenceRef: '' } },
      health,
    );
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain('note is empty');
    expect(errors![0]!.message).toContain('evidenceRef is empty');
    expect([await snapshot('health', 'progressReports'), await snapshot('health', 'actionRecords')]).toEqual(before);
  });
});

describe('status reports', () => {
  it('keeps a status set through report<Sector>ActionStatus in the history too', async () => {
    const health = { role: 'sector-officer' as const, sector: 'health', subject: 'officer.status@health' };
    const before = (await hub.query(history, { id: 'bd-a2-2' })).data!.action.progressHistory;
    const { errors } = await hub.query(
      `mutation($input: ActionStatusInput!) { reportHealthActionStatus(input: $input) { id status } }`,
      { input: { actionId: 'bd-a2-2', status: 'IN_PROGRESS', dueDate: '2027-06-30' } },
      health,
    );
    expect(errors).toBeUndefined();
    const after = (await hub.query(history, { id: 'bd-a2-2' })).data!.action;
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.progressHistory.slice(0, before.length)).toEqual(before);
    expect(after.progressHistory.at(-1)).toMatchObject({ sequence: before.length + 1, status: 'IN_PROGRESS', recordedBy: health.subject });
  });
});
