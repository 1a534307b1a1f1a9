import type { CountryId } from '../../../platform/config.ts';
import type { Draft } from '../../kit/repository.ts';
import { seededRandom, seedFrom } from '../../kit/seedRandom.ts';
import type { CaseResponseBase, SurvivorContactDoc } from '../caseResponses/models.ts';
import type { CaseResponseSeed } from '../caseResponses/register.ts';
import { demoCases, demoReferenceDay, fresh, type DemoCase } from '../../demo-data/casePathways.ts';
import type { SectorId } from '../../demo-data/countries.ts';
import { caseResponseNote, survivorContactNote } from './marks.ts';

export type Random = ReturnType<typeof seededRandom>;

/**
 * A sector's demo responses and contacts. `respond` turns one demo case into the sector's
 * response fields, or null when the sector never served the case; the contact record is made
 * only by the sector that took the case in, and is plainly synthetic.
 */
export function caseResponseSeed<D extends CaseResponseBase>(
  country: CountryId,
  sectorId: SectorId,
  respond: (demo: DemoCase, random: Random) => Omit<Draft<D>, '_id' | 'updatedAt'> | null,
): CaseResponseSeed {
  const updatedAt = new Date(`${demoReferenceDay}T17:00:00Z`);
  const caseResponses: Draft<CaseResponseBase>[] = [];
  const survivorContacts: Draft<SurvivorContactDoc>[] = [];
  for (const demo of demoCases(country)) {
    const fields = respond(demo, seededRandom(seedFrom(`response:${country}:${sectorId}:${demo.serial}`)));
    if (fields) caseResponses.push({ ...fields, _id: demo.code, updatedAt, addedForDemo: caseResponseNote });
    if (demo.holdingSector === sectorId) {
      const n = String(demo.serial).padStart(4, '0');
      survivorContacts.push({
        _id: demo.code,
        name: `Survivor ${n}`,
        phone: `+00 0000 ${n}`,
        address: `Synthetic address ${n}, ${demo.district}`,
        collectedOn: fresh(demo.firstReportedOn)!,
        addedForDemo: survivorContactNote,
      });
    }
  }
  return { caseResponses, survivorContacts };
}

/** The day a demo case reached a pathway step, if it did. */
export const reachedOn = (demo: DemoCase, kind: string) => fresh(demo.milestones.get(kind));
