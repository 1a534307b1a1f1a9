import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';

/*
 * The compliance scoreboard through the gateway: one query, every sector, each computed where
 * its records are. Checked against the rest of the graph rather than against copied numbers.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const scoreboard = `{ sectors { id name compliance {
  status reasons { rule status detail } responsibilities actionsLed actionsOverdue
  overdueActions { id code dueDate delivery } reportsMissing { dataSetId period state } reportsLate { period state }
  lastUpdateAt daysSinceLastUpdate }
  responsibilities { id } reporting { missing } } }`;

interface Row {
  id: string;
  compliance: {
    status: string;
    reasons: { rule: string; status: string; detail: string }[];
    responsibilities: number;
    actionsOverdue: number;
    overdueActions: { id: string; code: string; dueDate: string; delivery: string }[];
    reportsMissing: { dataSetId: string; period: string; state: string }[];
    daysSinceLastUpdate: number;
  };
  responsibilities: { id: string }[];
  reporting: { missing: number };
}

describe('compliance scoreboard', () => {
  it('returns every sector in one query, consistent with its actions, reports and responsibilities', async () => {
    const [{ data, errors }, framework] = await Promise.all([
      hub.query<{ sectors: Row[] }>(scoreboard),
      hub.query(`{ framework { actions { id code leadSector { id } delivery } } }`),
    ]);
    expect(errors).toBeUndefined();
    expect(data!.sectors.map((s) => s.id)).toEqual(['health', 'police', 'justice', 'social-welfare', 'education']);
    const actions = framework.data!.framework.actions as { id: string; code: string; leadSector: { id: string }; delivery: string }[];
    for (const { id, compliance, responsibilities, reporting } of data!.sectors) {
      const overdue = actions.filter((a) => a.leadSector.id === id && a.delivery === 'OVERDUE');
      expect(compliance.overdueActions.map((a) => a.code).sort(), id).toEqual(overdue.map((a) => a.code).sort());
      expect(compliance.actionsOverdue).toBe(overdue.length);
      expect(compliance.responsibilities).toBe(responsibilities.length);
      expect(compliance.reportsMissing).toHaveLength(reporting.missing);
      expect(compliance.reportsMissing.every((r) => r.state === 'MISSING')).toBe(true);
      const worst = compliance.reasons.some((r) => r.status === 'FAILING')
        ? 'FAILING'
        : compliance.reasons.length
          ? 'AT_RISK'
          : 'MEETING_OBLIGATIONS';
      expect(compliance.status, id).toBe(worst);
    }
  });

  it('names the reasons: a missing return fails a sector, a late one puts it at risk', async () => {
    const { data } = await hub.query<{ sectors: Row[] }>(scoreboard);
    const bySector = Object.fromEntries(data!.sectors.map((s) => [s.id, s.compliance]));
    expect(bySector.police!.status).toBe('FAILING');
    expect(bySector.police!.reasons[0]).toEqual({
      rule: 'REPORTS_MISSING',
      status: 'FAILING',
      detail: '1 report missing: bd-police-monthly 2026-06',
    });
    expect(bySector.justice!.reasons.map((r) => r.rule)).toContain('NO_RECENT_UPDATE');
    expect(bySector['social-welfare']).toMatchObject({ status: 'AT_RISK' });
    expect(bySector['social-welfare']!.reasons.map((r) => r.rule).sort()).toEqual(['ACTIONS_OVERDUE', 'REPORTS_LATE']);
  });

  it('gives each reason as a code with its parameters: the actions and the reporting periods concerned, named by the graph', async () => {
    const { data, errors } = await hub.query(`{ sectors { id compliance {
      overdueActions { id }
      reasons { rule count windowDays daysSinceLastUpdate lastUpdateAt
        actions { id code title }
        reports { dataSetId period state dataSet { id name periodType } } } } } }`);
    expect(errors).toBeUndefined();
    const bySector = Object.fromEntries(
      (data!.sectors as { id: string; compliance: { overdueActions: { id: string }[]; reasons: Record<string, unknown>[] } }[]).map((s) => [
        s.id,
        s.compliance,
      ]),
    );
    const missing = bySector.police!.reasons.find((r) => r.rule === 'REPORTS_MISSING')!;
    expect(missing).toMatchObject({ count: 1, windowDays: null, daysSinceLastUpdate: null, actions: [] });
    expect(missing.reports).toEqual([
      {
        dataSetId: 'bd-police-monthly',
        period: '2026-06',
        state: 'MISSING',
        dataSet: { id: 'bd-police-monthly', name: expect.stringMatching(/\S/), periodType: 'MONTHLY' },
      },
    ]);
    const welfare = bySector['social-welfare']!;
    const overdue = welfare.reasons.find((r) => r.rule === 'ACTIONS_OVERDUE')!;
    const actions = overdue.actions as { id: string; code: string; title: string }[];
    expect(actions.map((a) => a.id)).toEqual(welfare.overdueActions.map((a) => a.id));
    expect(overdue.count).toBe(actions.length);
    expect(actions.every((a) => a.code && a.title)).toBe(true);
    expect(welfare.reasons.find((r) => r.rule === 'REPORTS_LATE')).toMatchObject({ windowDays: 180, actions: [] });
    const silent = bySector.justice!.reasons.find((r) => r.rule === 'NO_RECENT_UPDATE')!;
    expect(silent).toMatchObject({ count: 0, actions: [], reports: [], windowDays: null });
    // The hub's clock is fixed: Justice last reported on 8 October, 47 days before it.
    expect({ days: silent.daysSinceLastUpdate, at: silent.lastUpdateAt }).toEqual({ days: 47, at: '2026-10-08T00:00:00.000Z' });
  });

  it('moves with the sector: an action slipping past its due date shows up on the scoreboard', async () => {
    const yesterday = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const health = { role: 'sector-officer' as const, sector: 'health', subject: 'officer@health' };
    const report = `mutation($input: ProgressReportInput!) { reportHealthActionProgress(input: $input) { id delivery } }`;
    const first = await hub.query(report, { input: { actionId: 'bd-a2-1', status: 'IN_PROGRESS', dueDate: yesterday } }, health);
    expect(first.data!.reportHealthActionProgress.delivery).toBe('OVERDUE');
    const one = (await hub.query<{ sectors: Row[] }>(scoreboard)).data!.sectors.find((s) => s.id === 'health')!.compliance;
    expect(one.reasons).toContainEqual({
      rule: 'ACTIONS_OVERDUE',
      status: 'AT_RISK',
      detail: '1 action past due and not completed: bd-a2-1',
    });
    expect(one.daysSinceLastUpdate).toBe(0);
    await hub.query(report, { input: { actionId: 'bd-a2-3', status: 'IN_PROGRESS', dueDate: yesterday } }, health);
    const two = (await hub.query<{ sectors: Row[] }>(scoreboard)).data!.sectors.find((s) => s.id === 'health')!.compliance;
    expect(two.status).toBe('FAILING');
    expect(two.overdueActions.map((a) => a.id)).toEqual(['bd-a2-1', 'bd-a2-3']);
  });
});

describe('compliance scoreboard and the registry', () => {
  it('counts an action the framework gives a sector that the sector never recorded, as not reported', async () => {
    const own = await startTestHub({ only: ['education'] });
    try {
      const education = async () =>
        (await own.query<{ sectors: (Row & { compliance: Row['compliance'] & { actionsLed: number } })[] }>(scoreboard)).data!.sectors.find(
          (s) => s.id === 'education',
        )!.compliance;
      const before = await education();
      const [objective] = await own.stores.get('coordination')!.collection<StoredDocument>('objectives').find({}, { limit: 1 });
      const added = await own.query(`mutation($input: FrameworkActionInput!) { addFrameworkAction(input: $input) { id } }`, {
        input: {
          id: 'bd-a9-7',
          code: 'A9.7',
          title: 'Publish a safeguarding directory',
          objectiveId: objective!._id,
          leadSectorId: 'education',
          supportingSectorIds: [],
        },
      });
      expect(added.errors).toBeUndefined();
      const after = await education();
      expect(after.actionsLed).toBe(before.actionsLed + 1);
      const notReported = after.reasons.find((r) => r.rule === 'ACTIONS_NOT_REPORTED');
      expect(notReported).toMatchObject({ status: 'AT_RISK' });
      expect(notReported!.detail).toContain('bd-a9-7');
    } finally {
      await own.stop();
    }
  });
});

describe('compliance scoreboard in every country', () => {
  it.each(['england-wales', 'south-africa'] as const)('answers for every sector of %s', async (country) => {
    const other = await startTestHub({ country });
    try {
      const { data, errors } = await other.query<{ sectors: Row[] }>(scoreboard);
      expect(errors).toBeUndefined();
      expect(data!.sectors).toHaveLength(5);
      for (const sector of data!.sectors) expect(['MEETING_OBLIGATIONS', 'AT_RISK', 'FAILING']).toContain(sector.compliance.status);
      expect(data!.sectors.flatMap((s) => s.compliance.reasons)).not.toHaveLength(0);
    } finally {
      await other.stop();
    }
  });
});
