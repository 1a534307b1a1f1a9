import { describe, expect, it } from 'vitest';
import { sectorIds } from '../../platform/catalog.ts';
import { allCrisisCentreFacets, centreService } from '../../platform/centreServices.ts';
import { checkedOffers } from './frameworkFacts.ts';

describe("a sector's rules for the services it offers at crisis centres", () => {
  it('are the fields the sectors add to CrisisCentre, one service each', () => {
    const facets = allCrisisCentreFacets();
    for (const id of sectorIds) expect(facets.filter((facet) => facet.sectorId === id).length, id).toBeGreaterThan(0);
    expect(facets.filter((facet) => facet.sectorId === 'social-welfare').map((facet) => facet.field)).toEqual(['shelter', 'counselling']);
    expect(facets.find((facet) => facet.field === 'medicalCare')?.description).toMatch(/offers it \(`MEDICAL_CARE`\)/);
    expect(['medicalCare', 'shelter', 'schoolSupport'].map(centreService)).toEqual(['MEDICAL_CARE', 'SHELTER', 'SCHOOL_SUPPORT']);
  });

  it('refuse a sector that leaves a facet without a rule, or gives one for a field it does not add', () => {
    const rule = () => true;
    expect(() => checkedOffers('social-welfare', { shelter: rule })).toThrow(/missing: counselling/);
    expect(() => checkedOffers('health', { medicalCare: rule, shelter: rule })).toThrow(/not a field of its facet: shelter/);
    expect(checkedOffers('social-welfare', { shelter: rule, counselling: rule })).toEqual({ shelter: rule, counselling: rule });
  });
});
