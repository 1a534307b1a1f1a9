import { describe, expect, it } from 'vitest';
import { forSector, sectorName } from './template.ts';

describe('the sector template under a sector’s names', () => {
  it('renames template types and root fields, and leaves shared names alone', () => {
    expect(sectorName('TemplateSector', 'SocialWelfare')).toBe('SocialWelfareSector');
    expect(sectorName('recordTemplateServicePoint', 'SocialWelfare')).toBe('recordSocialWelfareServicePoint');
    expect(sectorName('templateSurvivorContact', 'SocialWelfare')).toBe('socialWelfareSurvivorContact');
    expect(sectorName('ServicePoint', 'SocialWelfare')).toBe('ServicePoint');
  });

  it('renames a map’s types, its root fields and what its type resolvers answer, not other fields', async () => {
    const renamed = forSector(
      {
        Query: { templateSector: () => 'sector' },
        TemplateAction: { templateNote: () => 'kept' },
        FrameworkAction: { __resolveType: () => 'TemplateAction' },
        CaseResponse: { __resolveType: async () => 'TemplateCaseResponse' },
      },
      'Health',
    ) as Record<string, Record<string, () => unknown>>;
    expect(Object.keys(renamed)).toEqual(['Query', 'HealthAction', 'FrameworkAction', 'CaseResponse']);
    expect(Object.keys(renamed.Query!)).toEqual(['healthSector']);
    expect(Object.keys(renamed.HealthAction!)).toEqual(['templateNote']);
    expect(renamed.FrameworkAction!.__resolveType!()).toBe('HealthAction');
    expect(await renamed.CaseResponse!.__resolveType!()).toBe('HealthCaseResponse');
  });
});
