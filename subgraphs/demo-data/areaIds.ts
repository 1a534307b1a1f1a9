import type { CountryId } from '../../platform/config.ts';
import { countryFacts } from './countries.ts';

/*
 * The ids of the areas the demo's area tree gives the country facts' places: a district is the
 * area `<country prefix>-district-<slug of its name>`, the country itself `<country prefix>`. The
 * lead ministry builds its tree with these ids and the sectors point their records at them, so
 * both use this one mapping; test/sectorAreas.test.ts checks the sectors' ids against the tree.
 */

/** The slug of a district's name: lower case, apostrophes dropped, other runs of non-letters one hyphen. */
function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The country's own area, which national figures describe, e.g. `bd`. */
export function countryAreaId(country: CountryId): string {
  return countryFacts[country].idPrefix;
}

/**
 * The area of a district named as the country facts name it, e.g. `bd-district-coxs-bazar` for
 * "Cox's Bazar"; null for a name that is none of the country's districts, which no area matches.
 */
export function districtAreaId(country: CountryId, district: string): string | null {
  const facts = countryFacts[country];
  if (!facts.districts.some((d) => d.name === district)) return null;
  return `${facts.idPrefix}-district-${slug(district)}`;
}
