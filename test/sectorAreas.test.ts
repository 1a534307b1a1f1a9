import { describe, expect, it } from 'vitest';
import { countries } from '../platform/config.ts';
import { subgraphCatalog } from '../platform/catalog.ts';
import { loadSubgraphDefinition } from '../subgraphs/definitions.ts';
import { areaSeed } from '../subgraphs/coordination/areas/seed/index.ts';
import { seed as coordinationSeed } from '../subgraphs/coordination/seed/index.ts';
import { countryAreaId, districtAreaId } from '../subgraphs/demo-data/areaIds.ts';
import type { ResponsibilityDoc, ServicePointDoc } from '../subgraphs/sector-core/models.ts';

/*
 * The sectors name the lead ministry's areas and organisations by id (sector-core/areas.ts, each
 * sector's seed): every id the demo data uses must be one the coordination subgraph's demo data
 * holds, or the graph would answer null where the demo means a place or a body.
 */

const sectors = subgraphCatalog.filter((entry) => entry.role === 'sector').map((entry) => entry.name);
const cases = sectors.flatMap((name) => countries.map((country) => ({ name, country })));

describe('sector records point to the areas and organisations of the lead ministry', () => {
  it.each(cases)('$name, $country', async ({ name, country }) => {
    const seed = (await loadSubgraphDefinition(name)).seed(country) as {
      servicePoints: ServicePointDoc[];
      responsibilities: ResponsibilityDoc[];
    };
    const areaIds = new Set(areaSeed(country).map((area) => area._id));
    const organisationIds = new Set(coordinationSeed(country).organisations.map((o) => o._id));

    expect(seed.servicePoints.length).toBeGreaterThan(0);
    const withoutArea = seed.servicePoints.filter((point) => !point.areaId || !areaIds.has(point.areaId));
    expect(withoutArea.map((p) => `${p._id} (${p.district} → ${p.areaId})`)).toEqual([]);

    const named = [
      ...seed.servicePoints.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
      ...seed.responsibilities.flatMap((r) => r.organisationIds ?? []),
    ];
    expect(named.filter((id) => !organisationIds.has(id))).toEqual([]);
    // A placeholder duty a new sector has not cited yet names no one, and says so; every cited one names who carries it.
    const cited = seed.responsibilities.filter((r) => r.source);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((r) => (r.organisationIds ?? []).length === 0).map((r) => r._id)).toEqual([]);
  });

  it('maps the country and its districts, and nothing else', () => {
    expect(countryAreaId('bangladesh')).toBe('bd');
    expect(districtAreaId('bangladesh', "Cox's Bazar")).toBe('bd-district-coxs-bazar');
    expect(districtAreaId('south-africa', 'City of Tshwane')).toBe('za-district-city-of-tshwane');
    expect(districtAreaId('bangladesh', 'Atlantis')).toBeNull();
  });
});
