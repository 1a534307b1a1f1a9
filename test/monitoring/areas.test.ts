import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countries, type CountryId } from '../../platform/config.ts';
import { countryFacts } from '../../subgraphs/demo-data/countries.ts';
import { analyst, startTestHub, type TestHub } from '../support/hub.ts';

/*
 * Each country's areas through the gateway: the tree (country, divisions or provinces,
 * districts), the districts with no crisis centre and the rollup above them, checked against the
 * shared country facts, and the coordination bodies at each level. Only coordination runs.
 */

interface Area {
  id: string;
  code: string;
  name: string;
  level: string;
  parent: { id: string; level: string } | null;
  children: { id: string }[];
  hasCrisisCentre: boolean;
  crisisCentres: { id: string }[];
  illustrative: boolean;
  source: { title: string } | null;
}

const areaFields = `id code name level parent { id level } children { id } hasCrisisCentre crisisCentres { id } illustrative source { title }`;

describe.each(countries)('the areas of %s', (country: CountryId) => {
  const facts = countryFacts[country];
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ country, only: [] });
  });
  afterAll(() => hub?.stop());

  async function ask<T>(query: string, variables?: Record<string, unknown>, as?: typeof analyst): Promise<T> {
    const { data, errors } = await hub.query<T>(query, variables, as);
    expect(errors).toBeUndefined();
    return data!;
  }

  it('lists as districts with no crisis centre exactly the districts of the country facts no centre is in', async () => {
    const withCentre = new Set(facts.crisisCentres.map((c) => c.district));
    const expected = facts.districts.map((d) => d.name).filter((name) => !withCentre.has(name));
    expect(expected.length).toBeGreaterThan(0);

    const { areas } = await ask<{ areas: Area[] }>(`{ areas(level: DISTRICT, withoutCrisisCentre: true) { ${areaFields} } }`);
    expect(areas.map((a) => a.name)).toEqual(expected);
    expect(areas.every((a) => a.level === 'DISTRICT' && !a.hasCrisisCentre && a.crisisCentres.length === 0)).toBe(true);

    const { areas: covered } = await ask<{ areas: Area[] }>(`{ areas(level: DISTRICT, withoutCrisisCentre: false) { ${areaFields} } }`);
    expect(covered.map((a) => a.name).sort()).toEqual([...withCentre].sort());
  });

  it('places every district in a division or province, and every one of those in the country, the one root', async () => {
    const { areas } = await ask<{ areas: Area[] }>(`{ areas { ${areaFields} } }`);
    const roots = areas.filter((a) => a.parent === null);
    expect(roots.map((a) => a.level)).toEqual(['COUNTRY']);
    const districts = areas.filter((a) => a.level === 'DISTRICT');
    expect(districts.map((a) => a.name)).toEqual(facts.districts.map((d) => d.name));
    for (const district of districts) expect(district.parent?.level, district.name).toBe('PROVINCE_OR_DIVISION');
    for (const upper of areas.filter((a) => a.level === 'PROVINCE_OR_DIVISION')) expect(upper.parent?.id, upper.name).toBe(roots[0]!.id);
    for (const area of areas) expect(area.illustrative || area.source !== null, area.id).toBe(true);
    expect(new Set(areas.map((a) => a.id)).size).toBe(areas.length);
  });

  it("rolls a district's crisis centres up to its division or province and to the country", async () => {
    const { areas } = await ask<{ areas: Area[] }>(`{ areas { ${areaFields} } }`);
    const byId = new Map(areas.map((a) => [a.id, a]));
    const country = areas.find((a) => a.level === 'COUNTRY')!;
    expect(country.crisisCentres.map((c) => c.id).sort()).toEqual(facts.crisisCentres.map((c) => c.id).sort());
    for (const upper of areas.filter((a) => a.level === 'PROVINCE_OR_DIVISION')) {
      const below = upper.children.flatMap((child) => byId.get(child.id)!.crisisCentres.map((c) => c.id));
      expect(upper.crisisCentres.map((c) => c.id).sort(), upper.name).toEqual(below.sort());
      expect(upper.hasCrisisCentre, upper.name).toBe(below.length > 0);
    }
    const { areas: uncovered } = await ask<{ areas: Area[] }>(`{ areas(level: PROVINCE_OR_DIVISION, withoutCrisisCentre: true) { id } }`);
    expect(uncovered.map((a) => a.id)).toEqual(
      areas.filter((a) => a.level === 'PROVINCE_OR_DIVISION' && a.crisisCentres.length === 0).map((a) => a.id),
    );
  });

  it('puts each crisis centre in the district area its record names', async () => {
    const { crisisCentres } = await ask<{
      crisisCentres: { id: string; district: string; area: { name: string; level: string } | null }[];
    }>(`{ crisisCentres { id district area { name level } } }`);
    expect(crisisCentres).toHaveLength(facts.crisisCentres.length);
    for (const centre of crisisCentres) expect(centre.area, centre.id).toEqual({ name: centre.district, level: 'DISTRICT' });
  });

  it('answers one area, its children by parent, and null for an id that names none', async () => {
    const { areas: countryLevel } = await ask<{ areas: Area[] }>(`{ areas(level: COUNTRY) { ${areaFields} } }`);
    const [root] = countryLevel;
    const { area, children, missing } = await ask<{ area: Area; children: { id: string }[]; missing: null }>(
      `query($id: ID!) { area(id: $id) { ${areaFields} } children: areas(parentId: $id) { id } missing: area(id: "nowhere") { id } }`,
      { id: root!.id },
    );
    expect(area.id).toBe(root!.id);
    expect(children).toEqual(root!.children);
    expect(missing).toBeNull();
  });

  it('has coordination bodies at two levels or more, each reached from its area, a local one above its area only through the tree', async () => {
    const { coordinationBodies } = await ask<{
      coordinationBodies: { id: string; level: string; area: { id: string; level: string }; seats: { role: string }[] }[];
    }>(`{ coordinationBodies { id level area { id level } seats { role } } }`);
    for (const body of coordinationBodies) expect(body.area.level, body.id).toBe(body.level);
    expect(coordinationBodies.filter((b) => b.level === 'COUNTRY').length).toBeGreaterThan(0);
    const local = coordinationBodies.filter((b) => b.level !== 'COUNTRY');
    expect(local.length).toBeGreaterThan(0);
    for (const body of local)
      expect(
        body.seats.some((s) => s.role === 'CHAIR' || s.role === 'CO_CHAIR'),
        body.id,
      ).toBe(true);

    const { areas } = await ask<{ areas: { id: string; coordinationBodies: { id: string }[]; below: { id: string }[] }[] }>(
      `{ areas(level: COUNTRY) { id coordinationBodies { id } below: coordinationBodies(includeBelow: true) { id } } }`,
    );
    const [country] = areas;
    expect(country!.coordinationBodies.map((b) => b.id)).toEqual(coordinationBodies.filter((b) => b.level === 'COUNTRY').map((b) => b.id));
    expect(country!.below.map((b) => b.id)).toEqual(coordinationBodies.map((b) => b.id));
    for (const body of local) {
      const { area } = await ask<{ area: { coordinationBodies: { id: string }[] } }>(
        `query($id: ID!) { area(id: $id) { coordinationBodies { id } } }`,
        { id: body.area.id },
      );
      expect(area.coordinationBodies.map((b) => b.id)).toContain(body.id);
    }
  });

  // Last, as it adds a centre: the answers follow what is stored, not a list kept beside it.
  it('takes a district off the list once a crisis centre is registered in it, and counts it in its division', async () => {
    const withCentre = new Set(facts.crisisCentres.map((c) => c.district));
    const district = facts.districts.find((d) => !withCentre.has(d.name))!;
    const input = {
      id: `${facts.idPrefix}-centre-new`,
      name: 'New centre',
      hospital: 'District hospital',
      place: district.places[0],
      district: district.name,
    };
    const { addCrisisCentre } = await ask<{ addCrisisCentre: { area: { name: string; parent: { id: string } } } }>(
      `mutation($input: CrisisCentreInput!) { addCrisisCentre(input: $input) { area { name parent { id } } } }`,
      { input },
      analyst,
    );
    expect(addCrisisCentre.area.name).toBe(district.name);
    const { areas, upper } = await ask<{ areas: { name: string }[]; upper: { crisisCentres: { id: string }[] } }>(
      `query($parent: ID!) { areas(level: DISTRICT, withoutCrisisCentre: true) { name } upper: area(id: $parent) { crisisCentres { id } } }`,
      { parent: addCrisisCentre.area.parent.id },
    );
    expect(areas.map((a) => a.name)).not.toContain(district.name);
    expect(areas).toHaveLength(facts.districts.length - withCentre.size - 1);
    expect(upper.crisisCentres.map((c) => c.id)).toContain(input.id);
  });
});
