import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseResponseNote,
  crisisCentrePointNote,
  generatedServicePointNote,
  indicatorValueNote,
  survivorContactNote,
} from '../subgraphs/sector-core/seed/marks.ts';
import type { StoredDocument } from '../subgraphs/kit/store/port.ts';
import { startTestHub, type TestHub } from './support/hub.ts';

/*
 * Through the gateway: a sector's duties, service points and indicators say where they come
 * from (Sourced), and name the lead ministry's organisations and areas, which the coordination
 * subgraph resolves (their names come from there, not from the sector).
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ only: ['health'] });
});
afterAll(() => hub?.stop());

interface Point {
  id: string;
  name: string;
  crisisCentre: { id: string } | null;
  illustrative: boolean;
  illustrativeNote: string | null;
  source: { title: string } | null;
  organisation: { id: string; name: string; kind: string } | null;
  area: { id: string; name: string; level: string } | null;
}

const health = /* GraphQL */ `
  {
    sector(id: "health") {
      responsibilities {
        id
        reference
        source {
          title
          section
          quote
        }
        illustrative
        illustrativeNote
        organisations {
          id
          name
        }
      }
      servicePoints {
        id
        name
        crisisCentre {
          id
        }
        illustrative
        illustrativeNote
        source {
          title
        }
        organisation {
          id
          name
          kind
        }
        area {
          id
          name
          level
        }
      }
      indicators {
        code
        source {
          title
          quote
        }
        illustrative
        illustrativeNote
        latest {
          area {
            id
            level
          }
          breakdowns {
            dimension
            category
            area {
              id
              name
            }
          }
        }
      }
      dataSets {
        id
        illustrative
        illustrativeNote
      }
    }
  }
`;

describe("a sector's demo data through the gateway", () => {
  let sector: Record<string, any>;
  beforeAll(async () => {
    const { data, errors } = await hub.query(health);
    expect(errors).toBeUndefined();
    sector = data!.sector;
  });

  it('names the hospital that runs a crisis centre, with its name from the lead ministry, and the district it lies in', () => {
    const dhaka = (sector.servicePoints as Point[]).find((p) => p.crisisCentre?.id === 'bd-occ-dhaka')!;
    expect(dhaka.organisation).toEqual({ id: 'bd-dmch', name: 'Dhaka Medical College Hospital', kind: 'HOSPITAL' });
    expect(dhaka.area).toEqual({ id: 'bd-district-dhaka', name: 'Dhaka', level: 'DISTRICT' });
    expect(dhaka).toMatchObject({ illustrative: true, illustrativeNote: crisisCentrePointNote, source: null });
  });

  it('places every service point in an area of the tree, and marks the generated ones as drawn', () => {
    const points = sector.servicePoints as Point[];
    expect(points.filter((p) => p.area === null).map((p) => p.id)).toEqual([]);
    expect(points.every((p) => p.illustrative && p.illustrativeNote)).toBe(true);
    expect(points.filter((p) => p.illustrativeNote === generatedServicePointNote).length).toBeGreaterThan(0);
  });

  it('cites the source of each duty and names who carries it', () => {
    for (const duty of sector.responsibilities) {
      expect(duty.source.title).toBeTruthy();
      expect(duty.reference).toBe(duty.source.section ? `${duty.source.title}, ${duty.source.section}` : duty.source.title);
      expect(duty.organisations.length).toBeGreaterThan(0);
    }
    expect(sector.responsibilities[0].organisations).toEqual([{ id: 'bd-mohfw', name: 'Ministry of Health and Family Welfare' }]);
  });

  it('quotes the SDG indicator from its source and says the demo defined the others; values are national, breakdowns by district', () => {
    const [sdg, reached] = sector.indicators;
    expect(sdg).toMatchObject({
      code: 'SDG 5.2.1',
      illustrative: true,
      source: { title: 'Sustainable Development Goals indicator metadata' },
    });
    expect(sdg.source.quote).toMatch(/^Proportion of ever-partnered women and girls aged 15 years and older/);
    expect(reached).toMatchObject({ code: 'ESP-H1', illustrative: true, source: null });
    expect(reached.latest.area).toEqual({ id: 'bd', level: 'COUNTRY' });
    const dhaka = reached.latest.breakdowns.find((b: { category: string }) => b.category === 'Dhaka');
    expect(dhaka.area).toEqual({ id: 'bd-district-dhaka', name: 'Dhaka' });
    expect(reached.latest.breakdowns.find((b: { dimension: string }) => b.dimension === 'sex').area).toBeNull();
    expect(sector.dataSets.every((d: { illustrative: boolean }) => d.illustrative)).toBe(true);
  });

  it('marks the generated values in the store', async () => {
    const values = await hub.stores.get('health')!.collection<StoredDocument & { addedForDemo?: string }>('indicatorValues').find({});
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((value) => value.addedForDemo === indicatorValueNote)).toBe(true);
  });
});

describe('a service point the sector records itself', () => {
  it('is its own word: not illustrative, in the area of its district, run by the organisation it names', async () => {
    const input = {
      id: 'health-sp-bd-recorded',
      name: 'Upazila Health Complex, Savar',
      kind: 'HEALTH_FACILITY',
      place: 'Savar',
      district: 'Dhaka',
      openingHours: '24 hours',
      open24Hours: true,
      organisationId: 'bd-hsd',
    };
    const { data, errors } = await hub.query(
      `mutation($input: ServicePointInput!) {
        recordHealthServicePoint(input: $input) { id illustrative illustrativeNote source { title } area { id } organisation { id name } }
      }`,
      { input },
      { role: 'sector-officer', sector: 'health' },
    );
    expect(errors).toBeUndefined();
    expect(data!.recordHealthServicePoint).toEqual({
      id: input.id,
      illustrative: false,
      illustrativeNote: null,
      source: null,
      area: { id: 'bd-district-dhaka' },
      organisation: { id: 'bd-hsd', name: 'Health Services Division' },
    });
  });
});

describe("a demo case's response and contact record", () => {
  const officer = { role: 'sector-officer' as const, sector: 'health', subject: 'officer.rahman@health' };

  it('say they are synthetic, and nothing more', async () => {
    const list = await hub.query(`{ cases(purpose: "caseload review", limit: 100) { id } }`, {}, officer);
    expect(list.errors).toBeUndefined();
    const ids = (list.data!.cases as { id: string }[]).map((c) => c.id);
    const held = new Set((await hub.stores.get('health')!.collection<StoredDocument>('survivorContacts').find({})).map((c) => c._id));
    const caseId = ids.find((id) => held.has(id))!;
    expect(caseId).toBeDefined();
    const { data, errors } = await hub.query(
      `query($id: ID!) {
        case(id: $id, purpose: "case review") { responses { ... on HealthCaseResponse { recorded illustrative illustrativeNote } } }
        healthSurvivorContact(caseId: $id, purpose: "follow-up call") { illustrative illustrativeNote }
      }`,
      { id: caseId },
      officer,
    );
    expect(errors).toBeUndefined();
    const response = (data!.case.responses as Record<string, unknown>[]).find((r) => r.recorded === true);
    expect(response).toEqual({ recorded: true, illustrative: true, illustrativeNote: caseResponseNote });
    expect(data!.healthSurvivorContact).toEqual({ illustrative: true, illustrativeNote: survivorContactNote });
  });
});
