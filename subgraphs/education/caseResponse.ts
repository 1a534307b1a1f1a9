import { defineCaseResponseDocument, type CaseResponseBase } from '../sector-core/caseResponses/models.ts';
import type { CaseResponseOptions } from '../sector-core/caseResponses/resolvers.ts';
import { earliest, day } from '../sector-core/caseResponses/dates.ts';

/** The education sector's response to a case: support at school, a safe transfer. */
export interface EducationResponseDoc extends CaseResponseBase {
  schoolSupport?: string | null;
  schoolSupportStartedOn?: Date | null;
  safeTransferOn?: Date | null;
}

export const educationCaseResponse: CaseResponseOptions<EducationResponseDoc> = {
  document: defineCaseResponseDocument<EducationResponseDoc>(
    'educationResponses',
    'education response',
    {
      schoolSupport: { type: String, trim: true, maxlength: 200, default: null },
      schoolSupportStartedOn: { type: Date, default: null },
      safeTransferOn: { type: Date, default: null },
    },
    ['schoolSupport'],
  ),
  startedOn: (r) => earliest(r.schoolSupportStartedOn, r.safeTransferOn),
  summary: (r) =>
    [
      r.schoolSupportStartedOn
        ? `school support from ${day(r.schoolSupportStartedOn)}${r.schoolSupport ? ` (${r.schoolSupport})` : ''}`
        : 'no school support yet',
      r.safeTransferOn && `moved to a safer school ${day(r.safeTransferOn)}`,
    ]
      .filter(Boolean)
      .join('; '),
};
