import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import type { CaseDoc, IncidentType } from '../../subgraphs/coordination/cases/models.ts';
import type { Identity } from '../../platform/auth/identity.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { generateDevelopmentKeys, importKey, type Key } from '../../platform/auth/keys.ts';
import { scopesByRole, type Role } from '../../platform/auth/roles.ts';
import { createLogger } from '../../platform/logger.ts';
import { openRepositories, type Draft } from '../../subgraphs/kit/repository.ts';
import { seededRandom, seedFrom } from '../../subgraphs/kit/seedRandom.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { graphqlBody, postGraphQL, testSubgraphConfig } from '../support/hub.ts';
import { districtAreaId } from '../../subgraphs/demo-data/areaIds.ts';
import { Attack, type Method, type Row } from './disclosureAttack.ts';

/*
 * The published pathway counts attacked as an analyst would (docs/disclosure-control.md):
 * - by linear programming over every table of one answer, knowing how they add up, which cells
 *   are known to be empty (months still to come), and the method with its public parameters;
 * - by comparing the answers before and after one new case, or one withdrawn reporting consent;
 * - by asking again, or reaching the same cell through another question.
 * The registry is small and made for the attack: a March with three cases, its months to come
 * known to be empty, a district, an incident type and a holder with two or three cases each.
 */

const country = 'bangladesh' as const;
const year = 2026;
const clock = { now: () => new Date('2026-03-20T12:00:00Z') };
const day = (month: number, date: number) => new Date(Date.UTC(year, month - 1, date));

/** The attack's registry, by who the cases are. */
const plan: { month: number; type: IncidentType; district: string; holder: string; stage: string | null }[] = [];
for (let i = 0; i < 73; i++) {
  plan.push({
    month: i < 40 ? 1 : i < 70 ? 2 : 3,
    type: i === 5 || i === 50 ? 'SEXUAL_ASSAULT' : i % 2 ? 'RAPE' : 'PHYSICAL_ASSAULT',
    district: i === 7 || i === 71 ? 'Gazipur' : i % 2 ? 'Dhaka' : 'Rajshahi',
    holder: i === 3 || i === 44 || i === 72 ? 'police' : 'health',
    stage: i < 3 ? 'CHARGED' : i < 20 ? 'REPORT_REGISTERED' : null,
  });
}

function caseDraft(i: number): Draft<CaseDoc> {
  const p = plan[i]!;
  const on = day(p.month, 1 + (i % 15));
  return {
    _id: `CASE-BD-${year}-${String(i + 1).padStart(6, '0')}`,
    holdingSector: p.holder,
    intakePoint: 'bd-occ-dhaka',
    district: p.district,
    firstReportedOn: on,
    incidentOn: null,
    incidentType: p.type,
    contexts: ['NONE'],
    referralConsent: [],
    reportingConsent: true,
    consentRecordedOn: on,
    milestones: p.stage ? [{ kind: p.stage as CaseDoc['milestones'][number]['kind'], on }] : [],
    createdAt: on,
    updatedAt: on,
  };
}

let replica: RunningSubgraph;
let signingKey: Key;

beforeAll(async () => {
  const store = createNedbStore({});
  const { cases: _cases, referrals: _referrals, ...demo } = coordinationSubgraph.seed(country);
  const repos = await openRepositories(store, coordinationSubgraph.documents);
  for (const [key, drafts] of Object.entries({ ...demo, cases: plan.map((_, i) => caseDraft(i)) })) {
    await repos[key as keyof typeof repos].insertMany(drafts as never);
  }
  const keys = await generateDevelopmentKeys();
  signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
  replica = await startSubgraph(coordinationSubgraph, {
    config: { ...testSubgraphConfig({ country }), today: undefined },
    port: 0,
    store,
    // Cases of the attack's plan and no referral at all, on purpose.
    refuseLostCollections: false,
    clock,
    logger: createLogger('silent'),
    gatewayPublicKey: await importKey(keys.gatewayPublic, internalTokenAlgorithm),
  });
}, 60_000);
afterAll(() => replica?.stop());

async function send(query: string, variables: Record<string, unknown> = {}, role: Role = 'analyst', sector: string | null = null) {
  const identity: Identity = { subject: `${role}@test`, role, sector, scopes: scopesByRole[role] };
  return postGraphQL(
    replica.url,
    query,
    variables,
    await gatewayCallHeaders(identity, 'coordination', signingKey, graphqlBody(query, variables)),
  );
}

const row = 'key count suppressed';
const table = `rows { ${row} } total { ${row} }`;
const answerQuery = /* GraphQL */ `
  query ($year: Int!) {
    pathwayAggregates(year: $year) {
      suppressionThreshold
      casesByIncidentType { ${table} }
      casesByDistrict { ${table} }
      casesByMonth { ${table} }
      casesBySector { ${table} }
      justiceFunnel { ${row} }
    }
  }
`;
type Table = { rows: Row[]; total: Row };
type Answer = {
  suppressionThreshold: number;
  casesByIncidentType: Table;
  casesByDistrict: Table;
  casesByMonth: Table;
  casesBySector: Table;
  justiceFunnel: Row[];
};

async function answer(): Promise<Answer> {
  const { data, errors } = await send(answerQuery, { year });
  expect(errors).toBeUndefined();
  return data!.pathwayAggregates;
}

/** What the attacker knows of the method: what the answer says of it; a hub that says nothing publishes exact counts. */
async function methodOf(threshold: number): Promise<Method> {
  const { data, errors } = await send(
    `{ pathwayAggregates(year: ${year}) { disclosureControl { method threshold maxNoise variance base } } }`,
  );
  if (errors) return { kind: 'suppression', threshold };
  const { threshold: t, maxNoise, variance, base } = data!.pathwayAggregates.disclosureControl;
  return { kind: 'cell-key', parameters: { threshold: t, maxNoise, variance, base } };
}

/** The true counts, from the plan, by the keys the tables use. */
function truth(rows: (p: (typeof plan)[number]) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of plan) for (const key of rows(p)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
/** The district area a district name is, as casesByDistrict keys it. */
const districtId = (name: string) => districtAreaId(country, name)!;
const monthKey = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
const stages = ['REPORTED', 'INVESTIGATED', 'CHARGED', 'TRIED', 'CONVICTED'];
const truths = {
  type: truth((p) => [p.type]),
  district: truth((p) => [districtId(p.district)]),
  month: truth((p) => [monthKey(p.month)]),
  sector: truth((p) => [p.holder]),
  stage: truth((p) => (p.stage === 'CHARGED' ? stages.slice(0, 3) : p.stage ? stages.slice(0, 1) : [])),
};

describe('the linear-programming attack on one answer', () => {
  it('pins no count below the threshold, knowing the months to come are empty', async () => {
    const a = await answer();
    const method = await methodOf(a.suppressionThreshold);
    const attack = new Attack(method);
    const total = attack.cell('total', a.casesByIncidentType.total);
    // Every case table counts the same cases: one cell, so one published total.
    for (const t of [a.casesByDistrict, a.casesByMonth, a.casesBySector]) expect(t.total).toEqual(a.casesByIncidentType.total);

    const targets: { name: string; true: number }[] = [];
    const partition = (prefix: string, t: Table, counts: Map<string, number>) => {
      const names = t.rows.map((r, i) => {
        const name = `${prefix}${i}`;
        // A month after the clock's is known to be empty, whatever the table says of it.
        if (prefix === 'month' && r.key > monthKey(3)) return attack.empty(name);
        attack.cell(name, r);
        targets.push({ name, true: counts.get(r.key) ?? 0 });
        return name;
      });
      attack.sum(names, total);
    };
    partition('type', a.casesByIncidentType, truths.type);
    partition('district', a.casesByDistrict, truths.district);
    partition('month', a.casesByMonth, truths.month);
    const sectors = a.casesBySector.rows.map((r, i) => {
      const name = attack.cell(`sector${i}`, r);
      targets.push({ name, true: truths.sector.get(r.key) ?? 0 });
      attack.atMost(name, total);
      return name;
    });
    attack.atLeast(sectors, total);
    const funnel = a.justiceFunnel.map((r, i) => {
      const name = attack.cell(`stage${i}`, r);
      targets.push({ name, true: truths.stage.get(r.key) ?? 0 });
      return name;
    });
    attack.atMost(funnel[0]!, total);
    for (let i = 1; i < funnel.length; i++) attack.atMost(funnel[i]!, funnel[i - 1]!);

    const bounds = await attack.solve(targets.map((t) => t.name));
    const small = targets.filter((t) => t.true > 0 && t.true < a.suppressionThreshold);
    const gazipur = `district${a.casesByDistrict.rows.findIndex((r) => r.key === districtId('Gazipur'))}`;
    expect(small.map((t) => t.name)).toEqual(['type1', gazipur, 'month2', 'sector1', 'stage1', 'stage2']);
    for (const t of targets) {
      const [low, high] = bounds.get(t.name)!;
      // The attacker's model holds the truth (else it would prove nothing)...
      expect(low, t.name).toBeLessThanOrEqual(t.true);
      expect(high, t.name).toBeGreaterThanOrEqual(t.true);
    }
    // ...and leaves every small count (the six above, and the empty ones) at least two possible values: none is pinned.
    const pinned = targets
      .filter((t) => t.true < a.suppressionThreshold)
      .map((t) => ({ ...t, bounds: bounds.get(t.name)! }))
      .filter(({ bounds: [low, high] }) => high === low)
      .map((t) => `${t.name} (true ${t.true}) pinned to [${t.bounds.join(', ')}]`);
    expect(pinned).toEqual([]);
  });
});

const registerCase = /* GraphQL */ `
  mutation ($input: RegisterCaseInput!) {
    registerCase(input: $input) {
      id
      version
    }
  }
`;
const updateConsent = /* GraphQL */ `
  mutation ($input: CaseConsentInput!) {
    updateCaseConsent(input: $input) {
      id
    }
  }
`;

/** The four attributes the before/after attack is after, with the table each shows in. */
const dimensions = [
  ['type', 'casesByIncidentType'],
  ['district', 'casesByDistrict'],
  ['month', 'casesByMonth'],
  ['holder', 'casesBySector'],
] as const;
type Who = { type: string; district: string; month: string; holder: string };

/**
 * What comparing two answers tells of the one case that came or went between them, per attribute:
 * `exact` when the case's row moved by exactly one while every other row stayed (the attacker reads
 * the change as it happened); `certain` when the case's row is the only one that changed at all.
 */
function compare(before: Answer, after: Answer, who: Who, by: 1 | -1) {
  return dimensions.map(([attribute, tableName]) => {
    const rows = (a: Answer) => new Map(a[tableName].rows.map((r) => [r.key, r]));
    const [b, c] = [rows(before), rows(after)];
    const changed = [...c.keys()].filter((k) => JSON.stringify(b.get(k)) !== JSON.stringify(c.get(k)));
    const mine = attribute === 'district' ? districtId(who.district) : who[attribute];
    const moved =
      b.get(mine) && c.get(mine) && !b.get(mine)!.suppressed && !c.get(mine)!.suppressed ? c.get(mine)!.count! - b.get(mine)!.count! : null;
    return {
      exact: changed.length === 1 && changed[0] === mine && moved === by,
      certain: changed.length === 1 && changed[0] === mine,
      othersChanged: changed.filter((k) => k !== mine),
    };
  });
}

describe('the before/after attack', () => {
  const trials = 20;
  const random = seededRandom(seedFrom('before-after-attack'));
  it('never reads one new case, nor one withdrawn reporting consent, as +1 or -1 in each of its rows', async () => {
    let exact = 0;
    let certain = 0;
    let perAttribute = 0;
    for (let trial = 0; trial < trials; trial++) {
      // A case whose rows are all published (a small row is withheld before and after alike).
      const who: Who = {
        type: random.pick(['RAPE', 'PHYSICAL_ASSAULT']),
        district: random.pick(['Dhaka', 'Rajshahi']),
        month: monthKey(random.int(1, 2)),
        holder: 'health',
      };
      const before = await answer();
      const input = {
        intakePoint: 'bd-occ-dhaka',
        district: who.district,
        firstReportedOn: `${who.month}-0${random.int(1, 9)}`,
        incidentType: who.type,
        contexts: ['NONE'],
        referralConsent: [],
        reportingConsent: true,
      };
      const registered = await send(registerCase, { input }, 'sector-officer', who.holder);
      expect(registered.errors).toBeUndefined();
      const afterNew = await answer();
      // The one withdrawn consent: the same case leaves every count again.
      const { id, version } = registered.data!.registerCase;
      const withdrawn = await send(
        updateConsent,
        { input: { caseId: id, expectedVersion: version, referralConsent: [], reportingConsent: false } },
        'sector-officer',
        who.holder,
      );
      expect(withdrawn.errors).toBeUndefined();
      const afterWithdrawn = await answer();
      // Withdrawn, the case counts nowhere: the answer is the one before it came, number for number.
      expect(afterWithdrawn).toEqual(before);

      for (const [from, to, by] of [
        [before, afterNew, 1],
        [afterNew, afterWithdrawn, -1],
      ] as const) {
        const seen = compare(from, to, who, by);
        // Rows the case is not in never move: nothing to average over, nothing that points elsewhere.
        for (const s of seen) expect(s.othersChanged).toEqual([]);
        perAttribute += seen.filter((s) => s.certain).length;
        if (seen.every((s) => s.exact)) exact += 1;
        if (seen.every((s) => s.certain)) certain += 1;
      }
    }
    // Under small-cell suppression every comparison reads the case exactly; under the cell-key
    // method a +1 (or -1) shows as itself in all four rows in well under a tenth of them.
    expect(exact, `${exact} of ${2 * trials} comparisons read the case exactly`).toBeLessThanOrEqual((2 * trials) / 10);
    // Only the case's rows can change, so a row that changed is the case's; but rounded to base 5,
    // a row usually publishes the same multiple before and after, hiding the case in that
    // attribute. Under small-cell suppression each of these rows shows the case every time.
    expect(certain, `${certain} of ${2 * trials} comparisons showed all four attributes`).toBeLessThanOrEqual((2 * trials) / 10);
    // One attribute alone does show in about a third of comparisons (docs/disclosure-control.md).
    expect(perAttribute, `${perAttribute} of ${8 * trials} attribute comparisons showed the case's row`).toBeLessThanOrEqual(4 * trials);
  }, 60_000);
});

describe('asking again, or another way', () => {
  it('gives the same count for the same cases, whatever the question and however often', async () => {
    const first = await answer();
    for (let i = 0; i < 3; i++) expect(await answer()).toEqual(first);
    // The funnel's investigated and charged stages hold the same cases, so the same count.
    expect(first.justiceFunnel[1]).toEqual({ ...first.justiceFunnel[2], key: 'INVESTIGATED' });
    // Every case table's total is the one cell of all the year's cases.
    for (const t of [first.casesByDistrict, first.casesByMonth, first.casesBySector])
      expect(t.total).toEqual(first.casesByIncidentType.total);
  });
});

describe('differencing overlapping windows', () => {
  const windowQuery = /* GraphQL */ `
    query ($window: PathwayWindow!) {
      pathwayAggregates(window: $window) {
        period { from to months }
        casesByIncidentType { ${table} }
        casesByDistrict { ${table} }
        justiceFunnel { ${row} }
      }
    }
  `;
  type WindowAnswer = { period: { from: string; to: string; months: string[] }; casesByIncidentType: Table };
  const ask = async (window: Record<string, unknown>): Promise<WindowAnswer> => {
    const { data, errors } = await send(windowQuery, { window });
    expect(errors).toBeUndefined();
    return data!.pathwayAggregates;
  };

  it('gives windows ending on two days of one month one answer: they are one window, of whole months', async () => {
    // The clock is 2026-03-20.
    const lastYear = await ask({ lastMonths: 12 });
    expect(await ask({ lastMonths: 12, endingOn: '2026-03-19' })).toEqual(lastYear);
    expect(await ask({ lastMonths: 12, endingOn: '2026-03-01' })).toEqual(lastYear);
    expect(lastYear.period).toEqual({ from: '2025-04-01', to: '2026-03-20', months: lastYear.period.months });
    // Across a month's end the windows differ by whole months, never by one day's cases.
    const endingFebruary = await ask({ lastMonths: 12, endingOn: '2026-02-28' });
    expect(endingFebruary.period.from).toBe('2025-03-01');
    expect(endingFebruary.period.to).toBe('2026-02-28');
  });

  it('gives windows holding the same cases the same figures, so stretching a window over empty months draws no new noise', async () => {
    // No case before January 2026: the first quarter and the last 6 or 36 months to March hold the same cases.
    const quarter = await ask({ year, quarter: 1 });
    for (const lastMonths of [6, 36]) {
      const stretched = await ask({ lastMonths });
      expect(stretched.casesByIncidentType).toEqual(quarter.casesByIncidentType);
    }
  });

  it('pins no month below the threshold by differencing every window the graph answers, knowing the months before January are empty', async () => {
    const method = await methodOf((await answer()).suppressionThreshold);
    const attack = new Attack(method);
    const months = [1, 2, 3].map(monthKey);
    // Every window that ends by the clock's month, as the graph allows them.
    const windows: Record<string, unknown>[] = [{ year }, { year, quarter: 1 }, ...[1, 2, 3].map((month) => ({ year, month }))];
    for (const lastMonths of [1, 3, 6, 12, 24, 36])
      for (const endingOn of ['2026-01-15', '2026-02-15', '2026-03-15']) windows.push({ lastMonths, endingOn });
    const types = (await ask({ year })).casesByIncidentType.rows.map((r) => r.key);
    // Each month's count per incident type: never published alone above the threshold here, so unknown.
    const unknown = new Map(months.flatMap((m) => types.map((t) => [`${m}/${t}`, attack.unknown(`m${m.slice(5)}${t}`)] as const)));
    for (const [w, window] of windows.entries()) {
      const a = await ask(window);
      const within = a.period.months.filter((m) => months.includes(m));
      const rows = a.casesByIncidentType.rows.map((r, i) => {
        const cell = attack.cell(`w${w}r${i}`, r);
        attack.sum(
          within.map((m) => unknown.get(`${m}/${r.key}`)!),
          cell,
        );
        return cell;
      });
      attack.sum(rows, attack.cell(`w${w}total`, a.casesByIncidentType.total));
    }
    const march = types.map((t) => ({
      name: unknown.get(`${monthKey(3)}/${t}`)!,
      true: plan.filter((p) => p.month === 3 && p.type === t).length,
    }));
    const bounds = await attack.solve(march.map((m) => m.name));
    const small = march.filter((m) => m.true > 0);
    expect(small.length).toBeGreaterThan(0);
    for (const m of march) {
      const [low, high] = bounds.get(m.name)!;
      expect(low, m.name).toBeLessThanOrEqual(m.true);
      expect(high, m.name).toBeGreaterThanOrEqual(m.true);
    }
    // Each of March's small counts still has at least two possible values.
    for (const m of small) {
      const [low, high] = bounds.get(m.name)!;
      expect(high, `${m.name}: ${m.true} cases, pinned`).toBeGreaterThan(low);
    }
  }, 60_000);
});

describe('a district row that comes and goes', () => {
  it('lists the same district rows in every month, whatever district a new case names', async () => {
    const keysIn = async (month: number) => {
      const { data, errors } = await send(
        `query ($window: PathwayWindow!) { pathwayAggregates(window: $window) { casesByDistrict { rows { key } } } }`,
        { window: { year, month } },
      );
      expect(errors).toBeUndefined();
      return data!.pathwayAggregates.casesByDistrict.rows.map((r: { key: string }) => r.key) as string[];
    };
    const before = await Promise.all([1, 2, 3].map(keysIn));
    // One survivor, in a district as staff typed it: no district area has that name.
    const input = {
      intakePoint: 'bd-occ-dhaka',
      district: 'Dhaka Sadarr',
      firstReportedOn: `${monthKey(3)}-05`,
      incidentType: 'RAPE',
      contexts: ['NONE'],
      referralConsent: [],
      reportingConsent: true,
    };
    const registered = await send(registerCase, { input }, 'sector-officer', 'health');
    expect(registered.errors).toBeUndefined();
    const after = await Promise.all([1, 2, 3].map(keysIn));
    // A missing row would say none, a withheld one a few: every month lists the same rows, before and after.
    for (const keys of [...before, ...after]) expect(keys).toEqual(before[0]);
    expect(before[0]).toContain('UNPLACED');
    expect(before[0]).not.toContain('Dhaka Sadarr');
    const { id, version } = registered.data!.registerCase;
    const withdrawn = await send(
      updateConsent,
      { input: { caseId: id, expectedVersion: version, referralConsent: [], reportingConsent: false } },
      'sector-officer',
      'health',
    );
    expect(withdrawn.errors).toBeUndefined();
  });
});

describe('cases whose district names no area', () => {
  it('are in every level as in the national tables, so no level less the national tables isolates them', async () => {
    const input = {
      intakePoint: 'bd-occ-dhaka',
      district: 'Nowhere Upazila',
      firstReportedOn: `${monthKey(3)}-06`,
      incidentType: 'RAPE',
      contexts: ['NONE'],
      referralConsent: [],
      reportingConsent: true,
    };
    const registered = await send(registerCase, { input }, 'sector-officer', 'health');
    expect(registered.errors).toBeUndefined();
    const total = `casesByIncidentType { total { ${row} } }`;
    const { data, errors } = await send(
      `query ($window: PathwayWindow!) {
      pathwayAggregates(window: $window) {
        ${total}
        casesByDistrict { rows { ${row} } }
        country: byArea(level: COUNTRY) { area { id } ${total} }
        divisions: byArea(level: PROVINCE_OR_DIVISION) { area { id } ${total} }
        districts: byArea(level: DISTRICT) { area { id } ${total} }
        dhaka: byArea(level: DISTRICT, within: "bd-division-dhaka") { area { id } }
      }
    }`,
      { window: { year, quarter: 1 } },
    );
    expect(errors).toBeUndefined();
    const a = data!.pathwayAggregates;
    type Entry = { area: { id: string }; casesByIncidentType: { total: Row } };
    // The country holds every case: one cell with the national total, so one figure.
    expect(a.country.map((e: Entry) => e.area.id)).toEqual(['bd']);
    expect(a.country[0].casesByIncidentType.total).toEqual(a.casesByIncidentType.total);
    // Below it, the areas and the UNPLACED entry together hold every case; UNPLACED is the one cell
    // of the unplaced cases, the same as casesByDistrict's row.
    const unplacedRow = a.casesByDistrict.rows.find((r: Row) => r.key === 'UNPLACED');
    for (const level of [a.divisions, a.districts] as Entry[][]) {
      expect(level.at(-1)!.area.id).toBe('UNPLACED');
      expect(level.at(-1)!.casesByIncidentType.total).toEqual({ ...unplacedRow, key: 'TOTAL' });
    }
    // Each district entry is the district's row of casesByDistrict, entry for row.
    expect(a.districts.map((e: Entry) => ({ ...e.casesByIncidentType.total, key: e.area.id }))).toEqual(a.casesByDistrict.rows);
    // Within a division, only its districts.
    expect(a.dhaka.map((e: Entry) => e.area.id)).not.toContain('UNPLACED');
    const { id, version } = registered.data!.registerCase;
    const withdrawn = await send(
      updateConsent,
      { input: { caseId: id, expectedVersion: version, referralConsent: [], reportingConsent: false } },
      'sector-officer',
      'health',
    );
    expect(withdrawn.errors).toBeUndefined();
  });
});
