import { defineCaseResponseDocument, type CaseResponseBase } from '../sector-core/caseResponses/models.ts';
import type { CaseResponseOptions } from '../sector-core/caseResponses/resolvers.ts';
import { earliest, day } from '../sector-core/caseResponses/dates.ts';

/** The health sector's response to a case: examination, emergency treatment, forensic evidence. */
export interface HealthResponseDoc extends CaseResponseBase {
  examinedOn?: Date | null;
  emergencyContraceptionGivenOn?: Date | null;
  postExposureTreatmentGivenOn?: Date | null;
  forensicEvidenceCollected: boolean;
}

export const healthCaseResponse: CaseResponseOptions<HealthResponseDoc> = {
  document: defineCaseResponseDocument<HealthResponseDoc>('healthResponses', 'health response', {
    examinedOn: { type: Date, default: null },
    emergencyContraceptionGivenOn: { type: Date, default: null },
    postExposureTreatmentGivenOn: { type: Date, default: null },
    forensicEvidenceCollected: { type: Boolean, required: true },
  }),
  startedOn: (r) => earliest(r.examinedOn, r.emergencyContraceptionGivenOn, r.postExposureTreatmentGivenOn),
  summary: (r) =>
    [
      r.examinedOn ? `examined ${day(r.examinedOn)}` : 'not yet examined',
      r.emergencyContraceptionGivenOn && 'emergency contraception given',
      r.postExposureTreatmentGivenOn && 'post-exposure treatment started',
      r.forensicEvidenceCollected && 'forensic evidence collected',
    ]
      .filter(Boolean)
      .join('; '),
};
