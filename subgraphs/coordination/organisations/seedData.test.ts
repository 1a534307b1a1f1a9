import { describe, expect, it } from 'vitest';
import { countries } from '../../../platform/config.ts';
import { validateDocument } from '../../kit/documents.ts';
import { InvalidInputError } from '../../kit/errors.ts';
import { frameworkDocument } from '../frameworks/models.ts';
import { frameworkSeed } from '../frameworks/seed/index.ts';
import { coordinationBodyDocument } from '../models.ts';
import { seed } from '../seed/index.ts';
import { organisationDocument } from './models.ts';

/* The demo organisations and seats of every country: each says where it comes from, and every reference holds. */

describe.each(countries)('the organisations and seats of %s', (country) => {
  const data = seed(country);
  const organisations = new Map(data.organisations.map((o) => [o._id, o]));

  it('each validate, so each names its source or says what was added for the demo', async () => {
    for (const organisation of data.organisations) await validateDocument(organisationDocument, { ...organisation, version: 1 });
    for (const body of data.coordinationBodies) await validateDocument(coordinationBodyDocument, { ...body, version: 1 });
    for (const framework of frameworkSeed(country)) await validateDocument(frameworkDocument, { ...framework, version: 1 });
  });

  it('refer only to organisations and sectors that exist, a seat sitting only for a sector its organisation serves', () => {
    const sectors = new Set(data.sectors.map((s) => s._id));
    for (const organisation of data.organisations) {
      if (organisation.parentId) expect(organisations.has(organisation.parentId), organisation._id).toBe(true);
      for (const sectorId of organisation.sectorIds) expect(sectors.has(sectorId), `${organisation._id}: ${sectorId}`).toBe(true);
    }
    for (const body of data.coordinationBodies) {
      for (const seat of body.seats) {
        const organisation = organisations.get(seat.organisationId);
        expect(organisation, `${body._id}: ${seat.organisationId}`).toBeDefined();
        if (seat.sectorId) expect(organisation!.sectorIds, `${body._id}: ${seat.title}`).toContain(seat.sectorId);
      }
    }
    for (const framework of frameworkSeed(country)) expect(organisations.has(framework.leadOrganisationId), framework._id).toBe(true);
  });
});

describe('provenance', () => {
  it('refuses an organisation or a seat that neither names a source nor says what was added', async () => {
    const unsourced = { _id: 'bd-x', version: 1, name: 'X', kind: 'OTHER', sectorIds: [], order: 0 };
    await expect(validateDocument(organisationDocument, unsourced)).rejects.toThrow(
      'source is required unless the record says what was added for the demo (addedForDemo)',
    );
    await expect(validateDocument(organisationDocument, { ...unsourced, addedForDemo: 'Invented to test.' })).resolves.toBeDefined();

    const [body] = seed('south-africa').coordinationBodies;
    const seats = body!.seats.map(({ source: _, addedForDemo: __, ...seat }, i) => (i === 1 ? seat : { ...seat, addedForDemo: 'x' }));
    const error = await validateDocument(coordinationBodyDocument, { ...body, seats, version: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems.map((p) => p.field)).toEqual(['seats.1.source']);
  });
});

describe("South Africa's Inter-sectoral Committee", () => {
  it('seats the heads of department section 63(2) of Act 32 of 2007 names, chaired by Justice, and no one else', () => {
    const [committee] = seed('south-africa').coordinationBodies;
    const members = committee!.seats.filter((s) => s.role !== 'SECRETARIAT');
    expect(members.map((s) => [s.role, s.title, s.organisationId])).toEqual([
      ['CHAIR', 'Director-General', 'za-doj'],
      ['MEMBER', 'National Commissioner', 'za-saps'],
      ['MEMBER', 'National Director of Public Prosecutions', 'za-npa'],
      ['MEMBER', 'Director-General', 'za-dcs'],
      ['MEMBER', 'Director-General', 'za-dsd'],
      ['MEMBER', 'Director-General', 'za-doh'],
    ]);
    expect(members.every((s) => s.source?.section === 's.63(2)' && !s.addedForDemo)).toBe(true);
  });
});
