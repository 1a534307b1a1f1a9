import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectorIds, typePrefix } from '../platform/catalog.ts';
import { startTestHub, type TestHub } from './support/hub.ts';

/*
 * The questions the lead ministry asks of the whole graph, through the gateway. Expected
 * values are read from each ministry's own store, so the tests check the federation, not a
 * copy of the demo data.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const count = (sector: string, collection: string) => hub.stores.get(sector)!.collection(collection).count({});

describe('for every sector: its responsibilities, services and delivery status', () => {
  const crossSector = /* GraphQL */ `
    {
      sectors {
        __typename
        id
        name
        ministry
        focalPoint {
          name
          title
        }
        responsibilities {
          id
          duty
          role
          reference
        }
        servicePoints {
          id
          name
          kind
          district
          open24Hours
          crisisCentre {
            id
            name
          }
        }
        delivery {
          total
          onTrack
          atRisk
          overdue
          done
          notReported
        }
        ledActions {
          __typename
          id
          code
          status
          dueDate
          delivery
        }
      }
    }
  `;

  it('answers for all five sectors in one request, without naming them', async () => {
    const { data, errors } = await hub.query(crossSector);
    expect(errors).toBeUndefined();
    expect(data!.sectors.map((s: { id: string }) => s.id).sort()).toEqual([...sectorIds].sort());
    for (const sector of data!.sectors) {
      expect(sector.__typename).toBe(`${typePrefix(sector.id)}Sector`);
      expect(sector.ministry).toMatch(/\w/);
      expect(sector.responsibilities).toHaveLength(await count(sector.id, 'responsibilities'));
      expect(sector.responsibilities.length).toBeGreaterThan(0);
      expect(sector.servicePoints).toHaveLength(await count(sector.id, 'servicePoints'));
      expect(sector.servicePoints.length).toBeGreaterThan(0);
    }
  });

  it("takes each sector's delivery summary from its own records, consistent with its actions one by one", async () => {
    const { data } = await hub.query(crossSector);
    let unrecorded = 0;
    for (const sector of data!.sectors) {
      const d = sector.delivery;
      expect(d.onTrack + d.atRisk + d.overdue + d.done + d.notReported).toBe(d.total);
      // Every action the framework says the sector leads is counted, recorded in its system or not...
      expect(d.total).toBe(sector.ledActions.length);
      unrecorded += sector.ledActions.length - (await count(sector.id, 'actionRecords'));
      const states = sector.ledActions.map((a: { delivery: string }) => a.delivery);
      for (const action of sector.ledActions) expect(action.__typename).toBe(`${typePrefix(sector.id)}Action`);
      // ...and each in the state the action itself shows; one never recorded is not reported.
      for (const [field, state] of Object.entries({
        onTrack: 'ON_TRACK',
        atRisk: 'AT_RISK',
        overdue: 'OVERDUE',
        done: 'DONE',
        notReported: 'NOT_REPORTED',
      })) {
        expect(states.filter((s: string) => s === state).length, `${sector.id} ${field}`).toBe(d[field]);
      }
    }
    // The demo data has actions some sector never recorded, so this is not true by accident.
    expect(unrecorded).toBeGreaterThan(0);
  });

  it('shows every delivery state somewhere in the demo data at the demo date', async () => {
    const { data } = await hub.query(crossSector);
    const totals = data!.sectors.reduce((sum: Record<string, number>, s: { delivery: Record<string, number> }) => {
      for (const key of ['onTrack', 'atRisk', 'overdue', 'done']) sum[key] = (sum[key] ?? 0) + s.delivery[key]!;
      return sum;
    }, {});
    expect(totals.onTrack).toBeGreaterThan(0);
    expect(totals.atRisk).toBeGreaterThan(0);
    expect(totals.overdue).toBeGreaterThan(0);
    expect(totals.done).toBeGreaterThan(0);
  });

  it('narrows service points by district and kind inside the owning sector', async () => {
    const { data } = await hub.query(`{ sectors { id servicePoints { district kind } } }`);
    const health = data!.sectors.find((s: { id: string }) => s.id === 'health');
    const district = health.servicePoints[0].district;
    const narrowed = await hub.query(
      `query($d: String) { sector(id: "health") { servicePoints(district: $d, kind: CRISIS_CENTRE) { district kind } } }`,
      { d: district },
    );
    for (const point of narrowed.data!.sector.servicePoints) expect(point).toEqual({ district, kind: 'CRISIS_CENTRE' });
  });
});

describe('entity resolution for every shared entity', () => {
  it('resolves each sector by id, with fields from coordination and from its own subgraph', async () => {
    for (const id of sectorIds) {
      const { data, errors } = await hub.query(
        `query($id: ID!) { sector(id: $id) { __typename id name delivery { total } responsibilities { id } } }`,
        { id },
      );
      expect(errors).toBeUndefined();
      expect(data!.sector).toMatchObject({ __typename: `${typePrefix(id)}Sector`, id });
      expect(data!.sector.responsibilities.length).toBe(await count(id, 'responsibilities'));
    }
    const missing = await hub.query(`{ sector(id: "nowhere") { id } }`);
    expect(missing.data!.sector).toBeNull();
  });

  it("resolves every framework action's status from its lead sector's subgraph", async () => {
    const { data, errors } = await hub.query(`{ framework { title country { code } period { start end } objectives { code actions { id } }
      actions { __typename id code title leadSector { id name } supportingSectors { id } dueDate status delivery objective { code } } } }`);
    expect(errors).toBeUndefined();
    const actions = data!.framework.actions;
    expect(actions.length).toBe(await count('coordination', 'actions'));
    for (const action of actions) {
      expect(action.__typename).toBe(`${typePrefix(action.leadSector.id)}Action`);
      const record = (await hub.stores.get(action.leadSector.id)!.collection('actionRecords').find({ _id: action.id }))[0] as
        { status: string | null; dueDate: Date | null } | undefined;
      expect(action.status).toBe(record?.status ?? null);
      expect(action.dueDate).toBe(record?.dueDate ? record.dueDate.toISOString().slice(0, 10) : null);
    }
    const byObjective = data!.framework.objectives.flatMap((o: { actions: unknown[] }) => o.actions);
    expect(byObjective.length).toBe(actions.length);
  });

  it("assembles each crisis centre from every sector's facet", async () => {
    const { data, errors } = await hub.query(`{ crisisCentres { id name hospital district
      medicalCare { doctorsOnDuty womenDoctorsOnDuty postExposureProphylaxis }
      policeUnit { station officers womenOfficers }
      legalServices { legalAid daysAWeek }
      shelter { beds } counselling { counsellors languages }
      schoolSupport { liaisonOfficer } } }`);
    expect(errors).toBeUndefined();
    const centres = data!.crisisCentres;
    expect(centres.length).toBe(await count('coordination', 'crisisCentres'));
    const facets: [string, string, string][] = [
      ['health', 'medicalCare', 'medicalCare'],
      ['police', 'policeUnits', 'policeUnit'],
      ['justice', 'legalServices', 'legalServices'],
      ['education', 'schoolSupport', 'schoolSupport'],
    ];
    for (const [sector, collection, field] of facets) {
      const stored = await hub.stores.get(sector)!.collection(collection).find({});
      for (const centre of centres) {
        expect(centre[field] !== null, `${field} of ${centre.id}`).toBe(stored.some((f) => f._id === centre.id));
      }
    }
    const withCare = centres.find((c: { medicalCare: unknown }) => c.medicalCare);
    expect(withCare.medicalCare.womenDoctorsOnDuty).toBeLessThanOrEqual(withCare.medicalCare.doctorsOnDuty);
    expect(centres.some((c: { shelter: unknown; counselling: unknown }) => c.shelter && c.counselling)).toBe(true);
  });

  it('follows coordination bodies to the sectors their members sit for, and to the body they report to', async () => {
    const { data, errors } = await hub.query(`{ coordinationBodies { id name kind cadence { interval unit description }
      chair { title organisation } reportsTo { id } reportingBodies { id }
      members { title role sector { id delivery { total } } } } }`);
    expect(errors).toBeUndefined();
    const bodies = data!.coordinationBodies;
    expect(bodies.length).toBe(await count('coordination', 'coordinationBodies'));
    const sectorMembers = bodies.flatMap((b: { members: { sector: unknown }[] }) => b.members).filter((m: { sector: unknown }) => m.sector);
    expect(sectorMembers.length).toBeGreaterThan(0);
    // Each member's sector is the sector itself, with its own subgraph's delivery summary.
    const sectors = (await hub.query(`{ sectors { id delivery { total } } }`)).data!.sectors as {
      id: string;
      delivery: { total: number };
    }[];
    const totals = new Map(sectors.map((s) => [s.id, s.delivery.total]));
    for (const member of sectorMembers) expect(member.sector.delivery.total).toBe(totals.get(member.sector.id));
    const child = bodies.find((b: { reportsTo: unknown }) => b.reportsTo);
    const parent = bodies.find((b: { id: string }) => b.id === child.reportsTo.id);
    expect(parent.reportingBodies.map((b: { id: string }) => b.id)).toContain(child.id);
  });
});
