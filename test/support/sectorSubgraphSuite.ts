import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectorIds, typePrefix } from '../../platform/catalog.ts';
import { startTestHub, type TestHub } from './hub.ts';

/**
 * What every sector subgraph must do, run against one sector: each sector folder's own test
 * calls this, so `npx vitest run subgraphs/<sector>` tests that sector alone, through the
 * gateway, with only coordination beside it: every question here is about this sector.
 */
export function describeSectorSubgraph(options: {
  sectorId: string;
  /** The sector's crisis-centre facet, as a selection: `medicalCare { doctorsOnDuty }`. */
  facetSelection: string;
}) {
  const { sectorId, facetSelection } = options;
  const prefix = typePrefix(sectorId);
  const officer = { role: 'sector-officer' as const, sector: sectorId };
  const otherSector = sectorIds.find((id) => id !== sectorId)!;
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ only: [sectorId] });
  });
  afterAll(() => hub?.stop());

  describe(`the ${sectorId} sector subgraph`, () => {
    it('answers its part of the status: responsibilities, service points and delivery', async () => {
      const { data, errors } = await hub.query(
        `query($id: ID!) { sector(id: $id) { id __typename ministry responsibilities { duty } servicePoints { name } ledActions { id } delivery { total } } }`,
        { id: sectorId },
      );
      expect(errors).toBeUndefined();
      const mine = data!.sector;
      expect(mine.__typename).toBe(`${prefix}Sector`);
      expect(mine.ministry).toMatch(/\w/);
      expect(mine.responsibilities.length).toBeGreaterThan(0);
      expect(mine.servicePoints.length).toBeGreaterThan(0);
      // Its delivery summary covers every action the framework says it leads, recorded or not.
      expect(mine.delivery.total).toBe(mine.ledActions.length);
    });

    it('adds its facet to the crisis centres', async () => {
      const { data, errors } = await hub.query(`{ crisisCentres { id ${facetSelection} } }`);
      expect(errors).toBeUndefined();
      const facetKey = facetSelection.split(/[\s{]/)[0]!;
      expect(data!.crisisCentres.some((centre: Record<string, unknown>) => centre[facetKey] !== null)).toBe(true);
    });

    it('answers its facet of a crisis centre reached through one of its service points as it does at the centre', async () => {
      const facetKey = facetSelection.split(/[\s{]/)[0]!;
      const root = `${prefix.charAt(0).toLowerCase()}${prefix.slice(1)}Sector`;
      const { data, errors } = await hub.query(
        `{ crisisCentres { id ${facetSelection} } ${root} { servicePoints { crisisCentre { id ${facetSelection} } } } }`,
      );
      expect(errors).toBeUndefined();
      const atCentre = new Map(data!.crisisCentres.map((centre: Record<string, unknown>) => [centre.id, centre[facetKey]]));
      const reached = data![root].servicePoints
        .map((point: { crisisCentre: Record<string, unknown> | null }) => point.crisisCentre)
        .filter((centre: Record<string, unknown> | null) => centre !== null && atCentre.get(centre.id) !== null);
      expect(reached.length).toBeGreaterThan(0);
      for (const centre of reached) expect(centre[facetKey]).toEqual(atCentre.get(centre.id));
    });

    it("records a service point from its own officer, and refuses another sector's officer", async () => {
      const mutation = `mutation($i: ServicePointInput!) { record${prefix}ServicePoint(input: $i) { id name } }`;
      const input = {
        id: `${sectorId}-sp-suite`,
        name: 'Suite test point',
        kind: 'HELPLINE',
        place: 'Capital',
        district: 'Capital',
        openingHours: '24 hours',
        open24Hours: true,
      };
      const refused = await hub.query(mutation, { i: input }, { role: 'sector-officer', sector: otherSector });
      expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const recorded = await hub.query(mutation, { i: input }, officer);
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data![`record${prefix}ServicePoint`]).toEqual({ id: input.id, name: input.name });
    });
  });
}
