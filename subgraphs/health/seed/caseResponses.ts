import type { CountryId } from '../../../platform/config.ts';
import { caseResponseSeed, reachedOn } from '../../sector-core/seed/caseResponseSeed.ts';
import type { HealthResponseDoc } from '../caseResponse.ts';

/** The health sector's demo responses: one per demo case it examined. */
export const healthCaseResponses = (country: CountryId) =>
  caseResponseSeed<HealthResponseDoc>(country, 'health', (demo) => {
    const examinedOn = reachedOn(demo, 'HEALTH_EXAMINED');
    if (!examinedOn) return null;
    return {
      examinedOn,
      emergencyContraceptionGivenOn: reachedOn(demo, 'EMERGENCY_CONTRACEPTION_GIVEN'),
      postExposureTreatmentGivenOn: reachedOn(demo, 'POST_EXPOSURE_TREATMENT_GIVEN'),
      forensicEvidenceCollected: demo.milestones.has('FORENSIC_EVIDENCE_COLLECTED'),
    };
  });
