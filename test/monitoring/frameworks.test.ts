import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryId } from '../../platform/config.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startTestHub, TODAY, type TestCaller, type TestHub } from '../support/hub.ts';

/*
 * Each country's frameworks over time through the gateway: their status, the line of frameworks
 * each superseded, their funding lines, and South Africa's duty to review its framework
 * (s.62(2)(c)) evaluated from the framework's recorded events, changing when a review is recorded.
 */

const lives = `{ framework { id title status }
  frameworks { id title status period { start end } illustrative source { title url }
    supersedes { id } supersededBy { id }
    events { kind on description supersededBy { id } illustrative source { title quote } } } }`;

interface Life {
  framework: { id: string; title: string; status: string };
  frameworks: {
    id: string;
    title: string;
    status: string;
    period: { start: string; end: string };
    illustrative: boolean;
    source: { title: string; url: string | null } | null;
    supersedes: { id: string }[];
    supersededBy: { id: string } | null;
    events: {
      kind: string;
      on: string;
      description: string;
      supersededBy: { id: string } | null;
      source: { quote: string | null } | null;
    }[];
  }[];
}

async function livesOf(country: CountryId): Promise<Life> {
  const hub = await startTestHub({ country, only: [] });
  try {
    const { data, errors } = await hub.query<Life>(lives);
    expect(errors).toBeUndefined();
    return data!;
  } finally {
    await hub.stop();
  }
}

describe('frameworks over time, newest first, the one in force being Query.framework', () => {
  it('England and Wales: A Call to End Violence against Women and Girls, and the strategies that superseded it in turn', async () => {
    const { framework, frameworks } = await livesOf('england-wales');
    expect(frameworks.map((f) => [f.id, f.status, f.supersedes.map((s) => s.id), f.supersededBy?.id ?? null])).toEqual([
      ['ew-vawg-strategy-2025', 'ADOPTED', ['ew-vawg-strategy'], null],
      ['ew-vawg-strategy', 'SUPERSEDED', ['ew-vawg-strategy-2016'], 'ew-vawg-strategy-2025'],
      ['ew-vawg-strategy-2016', 'SUPERSEDED', ['ew-call-to-end-vawg'], 'ew-vawg-strategy'],
      ['ew-call-to-end-vawg', 'SUPERSEDED', [], 'ew-vawg-strategy-2016'],
    ]);
    expect(framework).toEqual({ id: 'ew-vawg-strategy-2025', title: frameworks[0]!.title, status: 'ADOPTED' });
    const call = frameworks.at(-1)!;
    expect(call.title).toBe('A Call to End Violence against Women and Girls');
    expect(call.events.map((e) => [e.kind, e.on])).toEqual([
      ['PUBLISHED', '2010-11-01'],
      ['PUBLISHED', '2011-03-08'],
      ['REVIEWED', '2012-03-08'],
      ['SUPERSEDED', '2016-03-01'],
    ]);
    expect(call.events.at(-1)!.supersededBy).toEqual({ id: 'ew-vawg-strategy-2016' });
    // Every framework and event names its source.
    for (const f of frameworks) {
      expect(f.source?.title, f.id).toBeTruthy();
      for (const e of f.events) expect(e.source, `${f.id} ${e.kind}`).not.toBeNull();
    }
  });

  it('South Africa: the Draft National Policy Framework, superseded on its adoption and publication', async () => {
    const { framework, frameworks } = await livesOf('south-africa');
    expect(frameworks.map((f) => [f.id, f.title, f.status])).toEqual([
      ['za-npf-sexual-offences', 'National Policy Framework for the Management of Sexual Offence Matters', 'ADOPTED'],
      ['za-npf-draft', 'Draft National Policy Framework for the Management of Sexual Offence Matters', 'SUPERSEDED'],
    ]);
    expect(framework.id).toBe('za-npf-sexual-offences');
    const [adopted, draft] = frameworks;
    expect(draft!.events.map((e) => [e.kind, e.on, e.supersededBy?.id ?? null])).toEqual([
      ['DRAFTED', '2009-02-19', null],
      ['DRAFTED', '2011-06-20', null],
      ['SUPERSEDED', '2013-04-01', 'za-npf-sexual-offences'],
    ]);
    expect(adopted!.events.map((e) => [e.kind, e.on])).toEqual([['PUBLISHED', '2013-04-01']]);
    // The day of publication is the demo's: the source gives the year of the report only.
    expect(adopted!.events[0]!.source!.quote).toBe('10.1. Publication of Sexual Offences National Policy Framework');
  });

  it('Bangladesh: the Multi-Sectoral Programme (set up in 1997, run from 2000) and the project continuing it', async () => {
    const { framework, frameworks } = await livesOf('bangladesh');
    expect(frameworks.map((f) => [f.id, f.status, f.period])).toEqual([
      ['bd-vawc-integrated-services', 'ADOPTED', { start: '2025-07-01', end: '2029-12-31' }],
      ['bd-msp-vaw', 'SUPERSEDED', { start: '2000-05-01', end: '2022-12-31' }],
    ]);
    expect(framework.id).toBe('bd-vawc-integrated-services');
    expect(frameworks[1]!.events.map((e) => [e.kind, e.on])).toEqual([
      ['ADOPTED', '1997-01-01'],
      ['SUPERSEDED', '2025-07-01'],
    ]);
  });
});

describe("a framework's funding lines", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country: 'bangladesh', only: [] });
  });
  afterAll(() => hub?.stop());

  it('give the funder as an organisation, the amount only where the source gives one, and the actions paid for', async () => {
    const { data, errors } = await hub.query(`{ frameworks { id fundingLines { id purpose amount currency period { start end }
      funder { id name kind } actions { id code } illustrative illustrativeNote source { title quote } } }
      framework { objectives { code } } }`);
    expect(errors).toBeUndefined();
    const lines = Object.fromEntries(data!.frameworks.map((f: any) => [f.id, f.fundingLines]));
    expect(lines['bd-msp-vaw'].map((l: any) => [l.id, l.funder.id, l.funder.kind, l.amount, l.currency, l.period])).toEqual([
      ['danida', 'bd-danida', 'DEVELOPMENT_PARTNER', null, null, { start: '2000-05-01', end: '2021-06-30' }],
      ['phase-4', 'bd-mowca', 'MINISTRY', 1_319_359_000, 'BDT', { start: '2016-07-01', end: '2022-12-31' }],
    ]);
    const danida = lines['bd-msp-vaw'][0];
    expect(danida.source.quote).toContain('Danish International Development Agency (DANIDA)');
    expect(danida.illustrativeNote).toContain('The source gives no amount.');
    expect(lines['bd-vawc-integrated-services']).toEqual([
      expect.objectContaining({
        id: 'project-budget',
        amount: 3_093_900_000,
        currency: 'BDT',
        actions: [
          { id: 'bd-a2-1', code: 'A2.1' },
          { id: 'bd-a2-4', code: 'A2.4' },
        ],
      }),
    ]);
    expect(data!.framework.objectives.length).toBeGreaterThan(0);
  });

  it('lists the objectives and actions under the current framework only, and filters by status', async () => {
    const { data, errors } = await hub.query(`{ superseded: frameworks(status: SUPERSEDED) { id objectives { code } actions { id } }
      adopted: frameworks(status: ADOPTED) { id } drafts: frameworks(status: DRAFT) { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      superseded: [{ id: 'bd-msp-vaw', objectives: [], actions: [] }],
      adopted: [{ id: 'bd-vawc-integrated-services' }],
      drafts: [],
    });
  });
});

describe("South Africa's review of its framework (s.62(2)(c)), from the framework's events", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country: 'south-africa', only: [] });
  });
  afterAll(() => hub?.stop());

  const analyst: TestCaller = { role: 'analyst', subject: 'analyst@doj' };
  const review = `{ obligations(holderId: "za-doj") { id duty status rule { kind period { count unit } }
    source { section quote } assessments { label from until status detail frameworkEvents { kind on } } } }`;
  const record = `mutation($input: FrameworkEventInput!) { recordFrameworkEvent(input: $input) {
    id status events { kind on description recordedBy recordedAt illustrative source { title } } } }`;
  const stored = () =>
    hub.stores
      .get('coordination')!
      .collection<StoredDocument>('frameworks')
      .find({}, { sort: { _id: 1 } });

  async function duty() {
    const { data, errors } = await hub.query(review);
    expect(errors).toBeUndefined();
    return data!.obligations[0];
  }

  it('is DUE: the period that began ten years after publication runs to 2028, the earlier ones ended before assessment began', async () => {
    const s62 = await duty();
    expect(s62).toMatchObject({
      id: 'za-doj-s62-2c',
      duty: 'REVIEW_FRAMEWORK',
      status: 'DUE',
      rule: { kind: 'EVERY_N_YEARS', period: { count: 5, unit: 'YEAR' } },
      source: {
        quote:
          'review the policy framework within five years after its publication in the Gazette and at least once every five years thereafter',
      },
    });
    expect(s62.assessments).toEqual([
      {
        label: '2023-04-01/2028-04-01',
        from: '2023-04-01',
        until: '2028-04-01',
        status: 'DUE',
        detail: 'no review yet; due by 2028-04-01',
        frameworkEvents: [{ kind: 'PUBLISHED', on: '2013-04-01' }],
      },
    ]);
  });

  it('refuses events that do not fit, naming the field, and stores nothing', async () => {
    const before = await stored();
    const base = {
      frameworkId: 'za-npf-sexual-offences',
      kind: 'REVIEWED',
      on: '2026-11-20',
      description: 'Reviewed with every organ of state',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, frameworkId: 'za-npf-2099' }, 'frameworkId names no recorded framework ("za-npf-2099")'],
      [{ ...base, kind: 'ADOPTED' }, 'kind ADOPTED cannot follow the status ADOPTED (only DRAFT)'],
      [{ ...base, frameworkId: 'za-npf-draft' }, 'kind REVIEWED cannot follow the status SUPERSEDED'],
      [{ ...base, on: '2026-11-25' }, 'on must not be in the future (today is 2026-11-24; got 2026-11-25)'],
      [
        { ...base, on: '2013-03-31' },
        "on must not be before the framework's last recorded event (PUBLISHED on 2013-04-01) (2013-04-01; got 2013-03-31)",
      ],
      [{ ...base, description: '  ' }, 'description'],
      [{ ...base, kind: 'SUPERSEDED' }, 'supersededById is required for a SUPERSEDED event'],
      [
        { ...base, kind: 'SUPERSEDED', supersededById: 'za-npf-draft' },
        'supersededById must name a framework in force ("za-npf-draft" is SUPERSEDED)',
      ],
      [{ ...base, kind: 'SUPERSEDED', supersededById: 'za-npf-sexual-offences' }, 'supersededById must name another framework'],
      [{ ...base, supersededById: 'za-npf-draft' }, 'supersededById is only for a SUPERSEDED event'],
      [{ ...base, source: { title: 'Gazette', url: 'gazette' } }, 'must be an http(s) address'],
    ];
    for (const [input, problem] of cases) {
      const { errors } = await hub.query(record, { input }, analyst);
      expect(errors?.[0]?.extensions?.code, problem).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toContain(problem);
    }
    const forbidden = await hub.query(record, { input: base }, { role: 'committee-member', subject: 'secretary@isc' });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stored()).toEqual(before);
  });

  it('a review recorded today meets the open period, and the next one runs five years from it', async () => {
    const source = {
      title: 'Minister of Justice, statement on the review of the National Policy Framework',
      url: 'https://www.justice.gov.za/',
    };
    const { data, errors } = await hub.query(
      record,
      {
        input: {
          frameworkId: 'za-npf-sexual-offences',
          kind: 'REVIEWED',
          on: TODAY,
          description: 'Reviewed with every organ of state',
          source,
        },
      },
      analyst,
    );
    expect(errors).toBeUndefined();
    expect(data!.recordFrameworkEvent).toMatchObject({ id: 'za-npf-sexual-offences', status: 'ADOPTED' });
    expect(data!.recordFrameworkEvent.events.at(-1)).toEqual({
      kind: 'REVIEWED',
      on: TODAY,
      description: 'Reviewed with every organ of state',
      recordedBy: analyst.subject,
      recordedAt: expect.stringMatching(/^2026-11-24T/),
      illustrative: false,
      source: { title: source.title },
    });
    const s62 = await duty();
    expect(s62.assessments.map((a: any) => [a.label, a.status, a.detail, a.frameworkEvents])).toEqual([
      [
        '2023-04-01/2028-04-01',
        'MET',
        `reviewed on ${TODAY}`,
        [
          { kind: 'PUBLISHED', on: '2013-04-01' },
          { kind: 'REVIEWED', on: TODAY },
        ],
      ],
      [`${TODAY}/2031-11-24`, 'DUE', 'no review yet; due by 2031-11-24', [{ kind: 'REVIEWED', on: TODAY }]],
    ]);
    expect(s62.status).toBe('DUE');

    // Who recorded it is staff: a dashboard on show gets the event without the name.
    const shown = await hub.query(`{ framework { events { kind recordedBy } } }`, {}, { role: 'dashboard' });
    expect(shown.errors?.map((e) => e.message).join(' ')).toContain('FrameworkEvent.recordedBy');
    expect(shown.data!.framework.events.at(-1)).toEqual({ kind: 'REVIEWED', recordedBy: null });
  });

  it('a review started leaves the framework UNDER_REVIEW and still in force', async () => {
    const started = await hub.query(
      record,
      { input: { frameworkId: 'za-npf-sexual-offences', kind: 'REVIEW_STARTED', on: TODAY, description: 'A second review begins' } },
      analyst,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.recordFrameworkEvent.status).toBe('UNDER_REVIEW');
    // Under review, it is still the one in force.
    expect((await hub.query(`{ framework { id status } }`)).data!.framework).toEqual({
      id: 'za-npf-sexual-offences',
      status: 'UNDER_REVIEW',
    });
  });
});
