import { describe, expect, it } from 'vitest';
import { countries } from '../../../platform/config.ts';
import { countryFacts } from '../../demo-data/countries.ts';
import { validateDocument } from '../../kit/documents.ts';
import { InvalidInputError } from '../../kit/errors.ts';
import { seed } from '../seed/index.ts';
import { currentOf, supersededByIdOf } from './lifecycle.ts';
import { frameworkDocument } from './models.ts';
import { frameworkSeed } from './seed/index.ts';

/* Each country's demo frameworks: each says where it comes from, its life reads one way, and every reference holds. */

describe.each(countries)('the frameworks of %s', (country) => {
  const frameworks = frameworkSeed(country);
  const organisations = new Set(seed(country).organisations.map((o) => o._id));
  const actions = new Set(countryFacts[country].actions.map((a) => a.id));

  it('each validate, so each framework, event and funding line names its source or says what was added for the demo', async () => {
    for (const framework of frameworks) await validateDocument(frameworkDocument, { ...framework, version: 1 });
  });

  it('have one in force, the last listed; each superseded one names a framework of the country that took its place', () => {
    expect(frameworks.filter((f) => f.status === 'ADOPTED' || f.status === 'UNDER_REVIEW').map((f) => f._id)).toEqual([
      frameworks.at(-1)!._id,
    ]);
    expect(currentOf(frameworks.map((f) => ({ ...f, version: 1 })))?._id).toBe(frameworks.at(-1)!._id);
    for (const framework of frameworks) {
      const successor = supersededByIdOf({ ...framework, version: 1 });
      expect(Boolean(successor), framework._id).toBe(framework.status === 'SUPERSEDED');
      if (successor)
        expect(
          frameworks.some((f) => f._id === successor && f._id !== framework._id),
          framework._id,
        ).toBe(true);
    }
  });

  it('name only organisations and actions that exist, and no amount without its currency', () => {
    for (const framework of frameworks) {
      expect(organisations.has(framework.leadOrganisationId), framework._id).toBe(true);
      for (const line of framework.fundingLines) {
        expect(organisations.has(line.funderId), `${framework._id} ${line.id}`).toBe(true);
        for (const id of line.actionIds) expect(actions.has(id), `${framework._id} ${line.id} ${id}`).toBe(true);
        expect(line.amount == null, line.id).toBe(line.currency == null);
      }
    }
  });
});

describe('a framework document', () => {
  const [framework] = frameworkSeed('south-africa');
  it('refuses events out of order, an event without a source, and a SUPERSEDED event that names no successor', async () => {
    const [drafted, , superseded] = framework!.events;
    const problems = async (events: unknown[]) => {
      const error = await validateDocument(frameworkDocument, { ...framework, events, version: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as InvalidInputError).problems.map((p) => p.field);
    };
    expect(await problems([superseded, drafted])).toEqual(['events']);
    const { source: _, ...unsourced } = drafted!;
    expect(await problems([unsourced])).toEqual(['events.0.source']);
    expect(await problems([drafted, { ...superseded!, supersededById: null }])).toEqual(['events.1.supersededById']);
  });

  it('takes one stored before frameworks had a life (no events) without status or source', async () => {
    const { status: _, events: __, fundingLines: ___, source: ____, addedForDemo: _____, ...lifeless } = framework!;
    await expect(validateDocument(frameworkDocument, { ...lifeless, version: 1 })).resolves.toBeDefined();
    await expect(validateDocument(frameworkDocument, { ...lifeless, events: [], version: 1 })).rejects.toThrow('status is required');
  });
});
