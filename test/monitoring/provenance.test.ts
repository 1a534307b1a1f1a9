import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countries, type CountryId } from '../../platform/config.ts';
import { generatedCaseNote, generatedReferralNote } from '../../subgraphs/demo-data/casePathways.ts';
import { officer, registered } from '../cases/caseFixtures.ts';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';

/*
 * The lead ministry's records say through the gateway where their facts come from: a sourced body
 * shows its source with the section and the source's own words; a cadence or a reporting line the
 * sources do not give shows as illustrative with a note saying so; every record the demo wrote
 * carries one mark or the other. A case shows only whether it is illustrative, never a source,
 * and the district area it was taken in. Only coordination runs.
 */

interface Mark {
  source: { title: string; section: string | null; quote: string | null } | null;
  illustrative: boolean;
  illustrativeNote: string | null;
}
const mark = `source { title section quote } illustrative illustrativeNote`;

async function ask<T>(hub: TestHub, query: string, variables?: Record<string, unknown>, as?: Parameters<TestHub['query']>[2]) {
  const { data, errors } = await hub.query<T>(query, variables, as);
  expect(errors).toBeUndefined();
  return data!;
}

describe('the marks of Bangladesh', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country: 'bangladesh', only: [] });
  });
  afterAll(() => hub?.stop());

  it('shows the Steering Committee with its source quoted, and its invented cadence as the demo says', async () => {
    const { coordinationBody } = await ask<{ coordinationBody: Mark & { cadence: { description: string } } }>(
      hub,
      `{ coordinationBody(id: "bd-steering") { ${mark} cadence { description } } }`,
    );
    expect(coordinationBody.source?.title).toMatch(/^UN Women, Virtual Knowledge Centre/);
    expect(coordinationBody.source?.quote).toBe('A Steering Committee made up of members from the eight ministries');
    expect(coordinationBody.illustrative).toBe(true);
    expect(coordinationBody.illustrativeNote).toContain('give no cadence');
    expect(coordinationBody.illustrativeNote).toContain('paraphrase');
    expect(coordinationBody.cadence.description).toBe(
      'every three months (set by the demo: the programme documents checked give no cadence)',
    );
  });

  it("says the Coordination Committee's reporting line is the demo's, and seats two co-chairs and the eight ministries", async () => {
    const { coordinationBody } = await ask<{
      coordinationBody: Mark & {
        reportsTo: { id: string };
        chairs: { organisation: { id: string } }[];
        seats: { organisation: { id: string; kind: string } }[];
      };
    }>(
      hub,
      `{ coordinationBody(id: "bd-coordination") { ${mark} reportsTo { id } chairs { organisation { id } } seats { organisation { id kind } } } }`,
    );
    expect(coordinationBody.reportsTo.id).toBe('bd-steering');
    expect(coordinationBody.illustrativeNote).toContain('reports to the Steering Committee is the demo');
    expect(coordinationBody.chairs.map((c) => c.organisation.id)).toEqual(['bd-planning', 'bd-mowca']);
    const ministries = new Set(
      coordinationBody.seats
        .filter((s) => s.organisation.kind === 'MINISTRY' && s.organisation.id !== 'bd-planning')
        .map((s) => s.organisation.id),
    );
    expect(ministries.size).toBe(8);
  });

  it("dates Dhaka's crisis centre from its source, and the others from the ministry's portal, the day the demo's", async () => {
    const { crisisCentres } = await ask<{ crisisCentres: (Mark & { id: string; openedOn: string })[] }>(
      hub,
      `{ crisisCentres { id openedOn ${mark} } }`,
    );
    const byId = new Map(crisisCentres.map((c) => [c.id, c]));
    expect(byId.get('bd-occ-dhaka')).toMatchObject({ openedOn: '2001-08-01', illustrative: true });
    expect(byId.get('bd-occ-dhaka')!.source?.quote).toContain('set up by the government in August 2001');
    expect(byId.get('bd-occ-rajshahi')).toMatchObject({ openedOn: '2002-01-01' });
    expect(byId.get('bd-occ-rajshahi')!.source?.quote).toContain('রাজশাহী মেডিকেল কলেজ হাসপাতালে (২০০২)');
    expect(byId.get('bd-occ-cumilla')!.illustrativeNote).toContain('plausible demo value');
  });

  it('shows a demo case as illustrative with the shared note and its district area, and a case recorded since as neither', async () => {
    const demo = await ask<{
      cases: {
        id: string;
        district: string;
        area: { level: string; name: string } | null;
        illustrative: boolean;
        illustrativeNote: string | null;
        referrals: { illustrative: boolean; illustrativeNote: string | null }[];
      }[];
    }>(
      hub,
      `{ cases(limit: 20) { id district area { level name } illustrative illustrativeNote referrals { illustrative illustrativeNote } } }`,
      undefined,
      officer('health'),
    );
    const generated = demo.cases.filter((c) => c.illustrative);
    expect(generated.length).toBeGreaterThan(0);
    for (const c of generated) {
      expect(c.illustrativeNote).toBe(generatedCaseNote);
      expect(c.area).toEqual({ level: 'DISTRICT', name: c.district });
      for (const r of c.referrals) expect(r).toEqual({ illustrative: true, illustrativeNote: generatedReferralNote });
    }

    const id = await registered(hub, 'health', { district: 'Rajshahi' });
    const { case: recorded } = await ask<{ case: { area: { id: string }; illustrative: boolean; illustrativeNote: string | null } }>(
      hub,
      `query($id: ID!) { case(id: $id) { area { id } illustrative illustrativeNote } }`,
      { id },
      officer('health'),
    );
    expect(recorded).toEqual({ area: { id: 'bd-district-rajshahi' }, illustrative: false, illustrativeNote: null });
  });

  it('never names a source on a case or a referral', async () => {
    for (const query of [`{ cases(limit: 1) { source { title } } }`, `{ cases(limit: 1) { referrals { source { title } } } }`]) {
      const { errors } = await hub.query(query, undefined, officer('health'));
      expect(errors?.[0]?.message).toMatch(/Cannot query field "source" on type "(SurvivorCase|Referral)"/);
    }
  });
});

describe.each(countries)('every record of %s the demo wrote carries a mark', (country: CountryId) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country, only: [] });
  });
  afterAll(() => hub?.stop());

  it('bodies, objectives, actions, crisis centres, registry entries, focal points, meetings and action items', async () => {
    const data = await ask<Record<string, any>>(
      hub,
      `{
        coordinationBodies { id ${mark} meetings { id ${mark} actionItems { id ${mark} } } }
        framework { objectives { id ${mark} } actions { id ${mark} } }
        crisisCentres { id ${mark} }
        sectors { id ${mark} focalPoint { name ${mark} } }
      }`,
      undefined,
      analyst,
    );
    const records: (Mark & { id?: string; name?: string })[] = [
      ...data.coordinationBodies,
      ...data.coordinationBodies.flatMap((b: any) => b.meetings),
      ...data.coordinationBodies.flatMap((b: any) => b.meetings.flatMap((m: any) => m.actionItems)),
      ...data.framework.objectives,
      ...data.framework.actions,
      ...data.crisisCentres,
      ...data.sectors,
      ...data.sectors.map((s: any) => s.focalPoint),
    ];
    expect(records.length).toBeGreaterThan(40);
    const bare = records.filter((r) => !r.illustrative && !r.source?.title);
    expect(bare.map((r) => r.id ?? r.name)).toEqual([]);
    for (const r of records) expect(r.illustrative, r.id ?? r.name).toBe(Boolean(r.illustrativeNote));
    expect(data.sectors.every((s: any) => s.focalPoint.illustrativeNote?.startsWith('An invented official'))).toBe(true);
  });

  it('gives every action a lead organisation that serves its lead sector, and supporting organisations', async () => {
    const { framework } = await ask<{
      framework: {
        actions: {
          id: string;
          leadSector: { id: string };
          leadOrganisation: { id: string; sectors: { id: string }[] } | null;
          supportingOrganisations: { id: string }[];
        }[];
      };
    }>(hub, `{ framework { actions { id leadSector { id } leadOrganisation { id sectors { id } } supportingOrganisations { id } } } }`);
    for (const action of framework.actions) {
      expect(action.leadOrganisation, action.id).not.toBeNull();
      expect(
        action.leadOrganisation!.sectors.map((s) => s.id),
        action.id,
      ).toContain(action.leadSector.id);
      expect(
        action.supportingOrganisations.map((o) => o.id),
        action.id,
      ).not.toContain(action.leadOrganisation!.id);
    }
  });
});

describe("South Africa's Committee", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country: 'south-africa', only: [] });
  });
  afterAll(() => hub?.stop());

  it('keeps the cadence s.64(1) sets, cites the Act, and marks its mandate as a paraphrase; the provincial committee is all the demo', async () => {
    const { isc, gauteng } = await ask<{ isc: Mark & { cadence: { interval: number; unit: string; description: string } }; gauteng: Mark }>(
      hub,
      `{ isc: coordinationBody(id: "za-isc") { ${mark} cadence { interval unit description } } gauteng: coordinationBody(id: "za-gauteng-committee") { ${mark} } }`,
    );
    expect(isc.cadence).toEqual({ interval: 6, unit: 'MONTH', description: 'at least twice every year (Act 32 of 2007, s.64(1))' });
    expect(isc.source).toMatchObject({
      title: 'Criminal Law (Sexual Offences and Related Matters) Amendment Act 32 of 2007',
      section: 's.65(1)',
    });
    expect(isc.illustrativeNote).toContain('paraphrase');
    expect(gauteng).toMatchObject({ source: null, illustrative: true });
    expect(gauteng.illustrativeNote).toContain('set up no provincial structure');
  });
});
