import { describe, expect, it } from 'vitest';
import { countries } from '../../../platform/config.ts';
import { validateDocument } from '../../kit/documents.ts';
import { InvalidInputError } from '../../kit/errors.ts';
import { coordinationBodyDocument } from '../models.ts';
import { seed } from '../seed/index.ts';
import { areaDocument } from './models.ts';
import { areaSeed } from './seed/index.ts';

/* The demo areas of every country: each validates (so says where it comes from), and every reference holds. */

describe.each(countries)('the areas of %s', (country) => {
  const areas = areaSeed(country);
  const ids = new Set(areas.map((a) => a._id));

  it('each validate, with a code unique at its level', async () => {
    for (const area of areas) await validateDocument(areaDocument, { ...area, version: 1 });
    for (const level of new Set(areas.map((a) => a.level))) {
      const codes = areas.filter((a) => a.level === level).map((a) => a.code);
      expect(new Set(codes).size, level).toBe(codes.length);
    }
    expect(ids.size).toBe(areas.length);
  });

  it('have every body sit for an area that exists', () => {
    for (const body of seed(country).coordinationBodies) expect(ids.has(body.areaId ?? ''), body._id).toBe(true);
  });
});

describe('an area', () => {
  const area = {
    _id: 'bd-x',
    version: 1,
    code: 'X',
    name: 'X',
    level: 'DISTRICT',
    parentId: 'bd',
    order: 0,
    addedForDemo: 'Invented to test.',
  };

  it('is refused without a parent unless it is the country, closing before it opened, or with no provenance', async () => {
    const { parentId: _, addedForDemo: __, ...bare } = area;
    const error = await validateDocument(areaDocument, {
      ...bare,
      openedOn: new Date('2020-01-01'),
      closedOn: new Date('2019-01-01'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems.map((p) => p.field).sort()).toEqual(['closedOn', 'parentId', 'source']);
    await expect(validateDocument(areaDocument, { ...bare, level: 'COUNTRY', addedForDemo: 'x' })).resolves.toBeDefined();
  });

  it('and a body naming an area stays valid', async () => {
    const [body] = seed('bangladesh').coordinationBodies;
    await expect(validateDocument(coordinationBodyDocument, { ...body, version: 1 })).resolves.toBeDefined();
  });
});
