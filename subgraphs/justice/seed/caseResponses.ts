import type { CountryId } from '../../../platform/config.ts';
import { caseResponseSeed, reachedOn } from '../../sector-core/seed/caseResponseSeed.ts';
import type { JusticeResponseDoc } from '../caseResponse.ts';

/** The offence charged for each incident type, in words any of the three countries would use. */
const charges: Record<string, string> = {
  RAPE: 'Rape',
  SEXUAL_ASSAULT: 'Sexual assault',
  PHYSICAL_ASSAULT: 'Assault causing bodily harm',
  FORCED_MARRIAGE: 'Forced marriage',
};

/** Where the case's protection order stands, from the pathway steps the generator gave it. */
function protectionOrderOf(steps: ReadonlyMap<string, Date>): JusticeResponseDoc['protectionOrder'] {
  if (steps.has('PROTECTION_ORDER_GRANTED')) return 'GRANTED';
  if (steps.has('PROTECTION_ORDER_REFUSED')) return 'REFUSED';
  return steps.has('PROTECTION_ORDER_APPLIED') ? 'APPLIED' : 'NONE';
}

/** The justice sector's demo responses: one per demo case charged. */
export const justiceCaseResponses = (country: CountryId) =>
  caseResponseSeed<JusticeResponseDoc>(country, 'justice', (demo) => {
    const chargedOn = reachedOn(demo, 'CHARGED');
    if (!chargedOn) return null;
    const convicted = reachedOn(demo, 'CONVICTED');
    const acquitted = reachedOn(demo, 'ACQUITTED');
    return {
      charge: charges[demo.incidentType] ?? 'Assault',
      chargedOn,
      trialStartedOn: reachedOn(demo, 'TRIAL_STARTED'),
      verdict: convicted ? 'CONVICTED' : acquitted ? 'ACQUITTED' : null,
      verdictOn: convicted ?? acquitted,
      protectionOrder: protectionOrderOf(demo.milestones),
    };
  });
