import type { CountryId } from '../../../../platform/config.ts';
import type { Draft } from '../../../kit/repository.ts';
import { countryFacts } from '../../../demo-data/countries.ts';
import type { ProvenanceDoc } from '../../../kit/provenance.ts';
import type { AreaDoc } from '../models.ts';
import { bangladesh } from './bangladesh.ts';
import { englandWales } from './england-wales.ts';
import { southAfrica } from './south-africa.ts';
import { districtAreaId } from '../../../demo-data/areaIds.ts';

/*
 * Each country's area tree for the demo: the country, its divisions or provinces, and the
 * districts of the shared country facts (demo-data/countries.ts), which name the districts the
 * crisis centres are in. A district here is keyed by that name, so the two cannot drift apart.
 */

/** An area above the districts, as a country's demo data defines it. */
export type UpperAreaSeed = Omit<Draft<AreaDoc>, 'order' | 'level'> & { level: 'COUNTRY' | 'PROVINCE_OR_DIVISION' };

/** A unit below a district of the country facts, named by that district's name. */
export type SubDistrictSeed = Omit<Draft<AreaDoc>, 'order' | 'level' | 'parentId'> & { district: string };

/** A district of the country facts: its code and the division or province it lies in. */
export type DistrictSeed = ProvenanceDoc & { code: string; parentId: string };

export interface AreaTreeSeed {
  country: UpperAreaSeed;
  provinces: UpperAreaSeed[];
  /** By the district's name in the country facts; every district there must have one. */
  districts: Readonly<Record<string, DistrictSeed>>;
  /** The few units below a district that the demo's bodies sit for. */
  subDistricts?: SubDistrictSeed[];
}

const byCountry: Record<CountryId, AreaTreeSeed> = {
  bangladesh,
  'england-wales': englandWales,
  'south-africa': southAfrica,
};

/** A district's area id; the country facts' districts all have one. */
function areaIdOfDistrict(country: CountryId, name: string): string {
  const id = districtAreaId(country, name);
  if (!id) throw new Error(`coordination: "${name}" is none of ${country}'s districts`);
  return id;
}

/** The country's areas in listing order: the country, its divisions or provinces, its districts, then any units below them. */
export function areaSeed(country: CountryId): Draft<AreaDoc>[] {
  const tree = structuredClone(byCountry[country]);
  const provinceIds = new Set(tree.provinces.map((p) => p._id));
  const districts = countryFacts[country].districts.map(({ name }): Omit<Draft<AreaDoc>, 'order'> => {
    const district = tree.districts[name];
    if (!district) throw new Error(`coordination: district "${name}" of ${country} has no area`);
    if (!provinceIds.has(district.parentId)) {
      throw new Error(`coordination: district "${name}" of ${country} lies in "${district.parentId}", which is no province or division`);
    }
    return { _id: areaIdOfDistrict(country, name), name, level: 'DISTRICT', ...district };
  });
  const known = new Set(countryFacts[country].districts.map((d) => d.name));
  const strays = Object.keys(tree.districts).filter((name) => !known.has(name));
  if (strays.length > 0) throw new Error(`coordination: areas of ${country} name districts the country facts lack: ${strays.join(', ')}`);
  const subDistricts = (tree.subDistricts ?? []).map(({ district, ...area }): Omit<Draft<AreaDoc>, 'order'> => {
    if (!known.has(district)) throw new Error(`coordination: area "${area._id}" of ${country} lies in "${district}", which is no district`);
    return { ...area, level: 'SUB_DISTRICT', parentId: areaIdOfDistrict(country, district) };
  });
  return [tree.country, ...tree.provinces, ...districts, ...subDistricts].map((area, order) => ({ ...area, order }));
}
