import type { CountryId } from '../../../platform/config.ts';
import { caseResponseSeed, reachedOn } from '../../sector-core/seed/caseResponseSeed.ts';
import type { SocialWelfareResponseDoc } from '../caseResponse.ts';

/** The social welfare sector's demo responses: one per demo case it sheltered or counselled. */
export const socialWelfareCaseResponses = (country: CountryId) =>
  caseResponseSeed<SocialWelfareResponseDoc>(country, 'social-welfare', (demo, random) => {
    const shelterAdmittedOn = reachedOn(demo, 'SHELTER_ADMITTED');
    const counselling = reachedOn(demo, 'COUNSELLING_STARTED');
    if (!shelterAdmittedOn && !counselling) return null;
    const left = shelterAdmittedOn && random.chance(0.6) ? new Date(shelterAdmittedOn.getTime() + random.int(3, 60) * 86_400_000) : null;
    return {
      shelterAdmittedOn,
      shelterLeftOn: left && left <= new Date('2026-11-20') ? left : null,
      counsellingSessions: counselling ? random.int(1, 12) : 0,
      caseWorker: `SW-${String(random.int(1, 40)).padStart(3, '0')}`,
    };
  });
