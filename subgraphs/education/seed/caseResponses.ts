import type { CountryId } from '../../../platform/config.ts';
import { caseResponseSeed, reachedOn } from '../../sector-core/seed/caseResponseSeed.ts';
import type { EducationResponseDoc } from '../caseResponse.ts';

/** The education sector's demo responses: one per demo case where school support started. */
export const educationCaseResponses = (country: CountryId) =>
  caseResponseSeed<EducationResponseDoc>(country, 'education', (demo, random) => {
    const schoolSupportStartedOn = reachedOn(demo, 'SCHOOL_SUPPORT_STARTED');
    if (!schoolSupportStartedOn) return null;
    return {
      schoolSupport: random.pick(['catch-up lessons', 'school counsellor contact', 'exam arrangements', 'safe route to school']),
      schoolSupportStartedOn,
      safeTransferOn: random.chance(0.2) ? schoolSupportStartedOn : null,
    };
  });
