import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';

/*
 * Indicators, reporting periods, completeness and timeliness through the gateway, on the
 * Bangladesh demo data at TODAY (2026-11-24): monthly periods take values until 30 days after
 * they end, so October is open and September locked.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const healthOfficer = { role: 'sector-officer' as const, sector: 'health', subject: 'data.officer@health' };
const policeOfficer = { role: 'sector-officer' as const, sector: 'police', subject: 'data.officer@police' };
const analyst = { role: 'analyst' as const, subject: 'analyst@lead-ministry' };

const reportValue = `mutation($input: IndicatorValueInput!) {
  reportHealthIndicatorValue(input: $input) { id period value breakdowns { dimension category value } reportedBy }
}`;
const periods = `{ sector(id: "health") { dataSets { id periods { period state locked indicatorsReported } summary { expected received onTime late missing due } } } }`;

const snapshot = async (subgraph: string, collection: string) =>
  JSON.stringify(
    await hub.stores
      .get(subgraph)!
      .collection<StoredDocument>(collection)
      .find({}, { sort: { _id: 1 } }),
  );

/** Sends a write that must be refused, and checks the values stored did not change. */
async function refused(query: string, input: Record<string, unknown>, as = healthOfficer) {
  const before = [await snapshot('health', 'indicatorValues'), await snapshot('health', 'periodReopenings')];
  const { errors } = await hub.query(query, { input }, as);
  expect(errors, 'the write should have been refused').toBeDefined();
  expect([await snapshot('health', 'indicatorValues'), await snapshot('health', 'periodReopenings')]).toEqual(before);
  return errors![0]!;
}

const reached = { indicatorId: 'bd-survivors-reached', unit: 'COUNT' };

describe('indicators of each sector, through one query', () => {
  it("lists every sector's standard indicators with their status against target", async () => {
    const { data, errors } = await hub.query(`{ sectors { id indicators { id code unit owningSectorId status progress expectedProgress
      target { value date } latest { period value } dataSet { periodType } } } }`);
    expect(errors).toBeUndefined();
    const all = data!.sectors.flatMap((s: { id: string; indicators: { owningSectorId: string }[] }) => {
      for (const i of s.indicators) expect(i.owningSectorId).toBe(s.id);
      return s.indicators;
    });
    expect(all.map((i: { code: string }) => i.code)).toEqual(['SDG 5.2.1', 'ESP-H1', 'ESP-P1', 'ESP-J1', 'ESP-S1', 'ESP-E1']);
    const byCode = Object.fromEntries(all.map((i: { code: string }) => [i.code, i]));
    expect(byCode['SDG 5.2.1']).toMatchObject({ unit: 'PERCENT', latest: { period: '2026-Q3' }, dataSet: { periodType: 'QUARTERLY' } });
    expect(byCode['ESP-H1'].latest.period).toBe('2026-10');
    for (const indicator of all) {
      const ratio = indicator.progress / indicator.expectedProgress;
      const expected = ratio >= 0.9 || indicator.progress >= 1 ? 'ON_TRACK' : ratio >= 0.6 ? 'AT_RISK' : 'OFF_TRACK';
      expect(indicator.status, indicator.code).toBe(expected);
    }
    expect(byCode['ESP-J1'].status).toBe('OFF_TRACK');
    expect(byCode['ESP-S1'].status).toBe('ON_TRACK');
  });
});

describe('completeness and timeliness for every sector and period', () => {
  it('answers expected, received, on time, late and missing per sector', async () => {
    const { data, errors } = await hub.query(`{ sectors { id reporting { expected received onTime late missing due completeness } } }`);
    expect(errors).toBeUndefined();
    const bySector = Object.fromEntries(data!.sectors.map((s: { id: string; reporting: unknown }) => [s.id, s.reporting]));
    // Health always reports on time: 10 months (Jan-Oct) and 5 quarters (2025-Q3 to 2026-Q3).
    expect(bySector.health).toEqual({ expected: 15, received: 15, onTime: 15, late: 0, missing: 0, due: 0, completeness: 1 });
    // Justice's 2026-Q3 return never came: missing, not zero.
    expect(bySector.justice).toMatchObject({ expected: 5, received: 4, late: 1, missing: 1 });
    expect(bySector['social-welfare']).toMatchObject({ expected: 10, late: 1, missing: 0 });
  });

  it('marks the current month open, October unlocked and September locked', async () => {
    const { data } = await hub.query(periods);
    const monthly = data!.sector.dataSets.find((d: { id: string }) => d.id === 'bd-health-monthly');
    const byPeriod = Object.fromEntries(monthly.periods.map((p: { period: string }) => [p.period, p]));
    expect(byPeriod['2026-11']).toMatchObject({ state: 'OPEN', locked: false, indicatorsReported: 0 });
    expect(byPeriod['2026-10']).toMatchObject({ state: 'ON_TIME', locked: false });
    expect(byPeriod['2026-09']).toMatchObject({ state: 'ON_TIME', locked: true });
  });
});

describe('reporting a value', () => {
  it('refuses the wrong unit, an undeclared breakdown and a category outside it, naming each', async () => {
    const unit = await refused(reportValue, { ...reached, unit: 'PERCENT', period: '2026-10', value: 12 });
    expect(unit.message).toContain('unit must be COUNT, the unit of indicator ESP-H1 (got PERCENT)');
    const breakdown = await refused(reportValue, {
      ...reached,
      period: '2026-10',
      value: 10,
      breakdowns: [
        { dimension: 'religion', category: 'any', value: 10 },
        { dimension: 'sex', category: 'other', value: 1 },
      ],
    });
    expect(breakdown.extensions!.code).toBe('BAD_USER_INPUT');
    expect(breakdown.message).toContain('"religion" is not a breakdown of indicator ESP-H1');
    expect(breakdown.message).toContain('"other" is not a category of sex');
  });

  it('refuses a period outside the schedule, of the wrong type, or not yet ended', async () => {
    expect((await refused(reportValue, { ...reached, period: '2025-12', value: 5 })).message).toContain(
      '2025-12 is outside the schedule of data set bd-health-monthly, which starts at 2026-01',
    );
    expect((await refused(reportValue, { ...reached, period: '2026-Q3', value: 5 })).message).toContain(
      '"2026-Q3" is not a MONTHLY period',
    );
    expect((await refused(reportValue, { ...reached, period: '2026-11', value: 5 })).message).toContain(
      `2026-11 is in the future: it ends on 2026-11-30 and is reported after it ends (today is ${TODAY})`,
    );
  });

  it('refuses a second value for the same period, keeping the first', async () => {
    const error = await refused(reportValue, { ...reached, period: '2026-10', value: 5 });
    expect(error.extensions!.code).toBe('CONFLICT');
    expect(error.message).toMatch(/ESP-H1 already has a value for 2026-10 \(\d+, reported on 2026-11-12 by data-officer@health\)/);
  });

  it("refuses another sector's officer, and an indicator the sector does not own", async () => {
    const wrongCaller = await refused(reportValue, { ...reached, period: '2026-10', value: 5 }, policeOfficer);
    expect(wrongCaller.extensions!.code).toBe('FORBIDDEN');
    const notOwned = await refused(reportValue, { indicatorId: 'bd-cases-charged', unit: 'PERCENT', period: '2026-10', value: 5 });
    expect(notOwned.message).toContain('Indicator "bd-cases-charged" is not one the health sector reports');
  });
});

describe('locked and reopened periods', () => {
  const charged = { indicatorId: 'bd-cases-charged', unit: 'PERCENT', period: '2026-06', value: 25, numerator: 100, denominator: 400 };
  const reportPolice = `mutation($input: IndicatorValueInput!) { reportPoliceIndicatorValue(input: $input) { id value } }`;
  const reopenPolice = `mutation($input: PeriodReopeningInput!) {
    reopenPolicePeriod(input: $input) { period state locked reopenings { reason openUntil reopenedBy } }
  }`;
  const june = `{ sector(id: "police") { dataSets { periods { period state locked } } reporting { received missing late } } }`;
  const policeSnapshot = async () => [await snapshot('police', 'indicatorValues'), await snapshot('police', 'periodReopenings')];

  it('refuses a value for a locked period with an error that says so and who can reopen it', async () => {
    const before = await policeSnapshot();
    const { errors } = await hub.query(reportPolice, { input: charged }, policeOfficer);
    expect(errors![0]!.extensions!.code).toBe('PERIOD_LOCKED');
    expect(errors![0]!.message).toContain('Period 2026-06 of data set bd-police-monthly is locked: it took values until 2026-07-30');
    expect(await policeSnapshot()).toEqual(before);
  });

  it('lets only the lead ministry reopen, only a locked period, for a bounded time', async () => {
    const before = await policeSnapshot();
    const input = {
      dataSetId: 'bd-police-monthly',
      period: '2026-06',
      reason: 'Return delayed by the district data audit',
      openUntil: '2026-12-04',
    };
    const officer = await hub.query(reopenPolice, { input }, policeOfficer);
    expect(officer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(officer.errors![0]!.message).toContain('framework:write');
    const open = await hub.query(reopenPolice, { input: { ...input, period: '2026-10' } }, analyst);
    expect(open.errors![0]!.message).toContain('period 2026-10 is not locked: it takes values until 2026-11-30');
    const tooLong = await hub.query(reopenPolice, { input: { ...input, openUntil: '2027-06-30' } }, analyst);
    expect(tooLong.errors![0]!.message).toContain('openUntil must not be after 90 days from today (2027-02-22; got 2027-06-30)');
    expect(await policeSnapshot()).toEqual(before);
  });

  it('accepts the value once reopened, recording the reopening, and counts the report as late', async () => {
    const before = (await hub.query(june)).data!.sector;
    expect(before.dataSets[0].periods.find((p: { period: string }) => p.period === '2026-06')).toEqual({
      period: '2026-06',
      state: 'MISSING',
      locked: true,
    });
    const input = {
      dataSetId: 'bd-police-monthly',
      period: '2026-06',
      reason: 'Return delayed by the district data audit',
      openUntil: TODAY,
    };
    const reopened = await hub.query(reopenPolice, { input }, analyst);
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.reopenPolicePeriod).toEqual({
      period: '2026-06',
      state: 'MISSING',
      locked: false,
      reopenings: [{ reason: input.reason, openUntil: TODAY, reopenedBy: analyst.subject }],
    });
    const { data, errors } = await hub.query(reportPolice, { input: charged }, policeOfficer);
    expect(errors).toBeUndefined();
    expect(data!.reportPoliceIndicatorValue).toEqual({ id: 'bd-cases-charged@2026-06', value: 25 });
    const after = (await hub.query(june)).data!.sector;
    expect(after.dataSets[0].periods.find((p: { period: string }) => p.period === '2026-06')).toEqual({
      period: '2026-06',
      state: 'LATE',
      locked: false,
    });
    expect(after.reporting).toEqual({
      received: before.reporting.received + 1,
      missing: before.reporting.missing - 1,
      late: before.reporting.late + 1,
    });
  });
});

describe('targets', () => {
  const revise = `mutation($input: TargetRevisionInput!) {
    reviseJusticeIndicatorTarget(input: $input) { target { value date } status targetRevisions { from { value date } to { value date } reason revisedBy } }
  }`;
  const input = {
    indicatorId: 'bd-cases-finalised',
    value: 35,
    date: '2031-12-31',
    reason: 'Tribunal backlog larger than the baseline survey found',
  };
  const justiceSnapshot = () => snapshot('justice', 'indicators');

  it('lets only the lead ministry move a target, never to a past day nor past 100%', async () => {
    const before = await justiceSnapshot();
    const officer = await hub.query(revise, { input }, { role: 'sector-officer', sector: 'justice' });
    expect(officer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const bad = await hub.query(revise, { input: { ...input, value: 120, date: TODAY } }, analyst);
    expect(bad.errors![0]!.message).toContain('value must be at most 100 for a PERCENT (got 120)');
    expect(bad.errors![0]!.message).toContain(`date must be after today (${TODAY}; got ${TODAY})`);
    expect(await justiceSnapshot()).toBe(before);
  });

  it('moves the target, keeps the old one on record, and the status follows the new target', async () => {
    const { data, errors } = await hub.query(revise, { input }, analyst);
    expect(errors).toBeUndefined();
    const indicator = data!.reviseJusticeIndicatorTarget;
    expect(indicator.target).toEqual({ value: 35, date: '2031-12-31' });
    expect(indicator.targetRevisions).toEqual([
      { from: { value: 45, date: '2030-12-31' }, to: { value: 35, date: '2031-12-31' }, reason: input.reason, revisedBy: analyst.subject },
    ]);
    expect(indicator.status).not.toBe('NO_DATA');
  });
});

describe('the rules at their edges, today', () => {
  // October 2026 ended 24 days before TODAY: a data set with 24 days is on its last day, one
  // with 23 days is one day past it.
  const reportValue = `mutation($input: IndicatorValueInput!) { reportHealthIndicatorValue(input: $input) { id } }`;
  const states = `{ sector(id: "health") { dataSets { id periods(last: 2) { period state locked } } } }`;

  beforeAll(async () => {
    const store = hub.stores.get('health')!;
    const [template] = await store.collection<StoredDocument & Record<string, unknown>>('indicators').find({ _id: 'bd-survivors-reached' });
    for (const days of [23, 24]) {
      const dataSet = {
        _id: `edge-${days}`,
        version: 1,
        name: `Edge ${days}`,
        periodType: 'MONTHLY',
        firstPeriod: '2026-10',
        timelyDays: days,
        lockDays: days,
      };
      await store.collection('dataSets').insertMany([dataSet]);
      const indicator = { ...template!, _id: `edge-indicator-${days}`, code: `EDGE-${days}`, dataSetId: dataSet._id };
      await store.collection('indicators').insertMany([indicator]);
    }
  });

  it('accepts a value on the last open day and counts it on time; locks and refuses one day later', async () => {
    const open = await hub.query(
      reportValue,
      { input: { indicatorId: 'edge-indicator-24', unit: 'COUNT', period: '2026-10', value: 0 } },
      healthOfficer,
    );
    expect(open.errors).toBeUndefined();
    const locked = await hub.query(
      reportValue,
      { input: { indicatorId: 'edge-indicator-23', unit: 'COUNT', period: '2026-10', value: 0 } },
      healthOfficer,
    );
    expect(locked.errors![0]!.extensions!.code).toBe('PERIOD_LOCKED');
    const { data } = await hub.query(states);
    const byId = Object.fromEntries(data!.sector.dataSets.map((d: { id: string; periods: unknown[] }) => [d.id, d.periods]));
    expect(byId['edge-24']).toEqual([
      { period: '2026-10', state: 'ON_TIME', locked: false },
      { period: '2026-11', state: 'OPEN', locked: false },
    ]);
    expect(byId['edge-23']![0]).toEqual({ period: '2026-10', state: 'MISSING', locked: true });
  });

  it('counts a value received one day after the on-time deadline as late, once the period is reopened', async () => {
    const reopened = await hub.query(
      `mutation($input: PeriodReopeningInput!) { reopenHealthPeriod(input: $input) { locked } }`,
      { input: { dataSetId: 'edge-23', period: '2026-10', reason: 'Edge of the lock', openUntil: TODAY } },
      analyst,
    );
    expect(reopened.data!.reopenHealthPeriod.locked).toBe(false);
    const late = await hub.query(
      reportValue,
      { input: { indicatorId: 'edge-indicator-23', unit: 'COUNT', period: '2026-10', value: 0 } },
      healthOfficer,
    );
    expect(late.errors).toBeUndefined();
    const { data } = await hub.query(states);
    const edge23 = data!.sector.dataSets.find((d: { id: string }) => d.id === 'edge-23');
    expect(edge23.periods[0]).toEqual({ period: '2026-10', state: 'LATE', locked: false });
  });
});
