import { defineCaseResponseDocument, type CaseResponseBase } from '../sector-core/caseResponses/models.ts';
import type { CaseResponseOptions } from '../sector-core/caseResponses/resolvers.ts';
import { earliest, day } from '../sector-core/caseResponses/dates.ts';

/** The social welfare sector's response to a case: shelter, counselling, a case worker. */
export interface SocialWelfareResponseDoc extends CaseResponseBase {
  shelterAdmittedOn?: Date | null;
  shelterLeftOn?: Date | null;
  counsellingSessions: number;
  caseWorker?: string | null;
}

function leftAfterAdmitted(this: SocialWelfareResponseDoc, left: Date | null) {
  return !left || (Boolean(this.shelterAdmittedOn) && left >= this.shelterAdmittedOn!);
}

export const socialWelfareCaseResponse: CaseResponseOptions<SocialWelfareResponseDoc> = {
  document: defineCaseResponseDocument<SocialWelfareResponseDoc>('socialWelfareResponses', 'social welfare response', {
    shelterAdmittedOn: { type: Date, default: null },
    shelterLeftOn: { type: Date, default: null, validate: [leftAfterAdmitted, 'must be on or after shelterAdmittedOn'] },
    counsellingSessions: { type: Number, required: true, min: 0, max: 500, validate: [Number.isInteger, 'must be a whole number'] },
    caseWorker: {
      type: String,
      trim: true,
      maxlength: 40,
      match: [/^[A-Z]{2,4}-\d{2,5}$/, 'must be a staff code such as SW-014'],
      default: null,
    },
  }),
  startedOn: (r) => earliest(r.shelterAdmittedOn),
  summary: (r) =>
    [
      r.shelterAdmittedOn
        ? `in shelter from ${day(r.shelterAdmittedOn)}${r.shelterLeftOn ? ` to ${day(r.shelterLeftOn)}` : ''}`
        : 'no shelter stay',
      `${r.counsellingSessions} counselling session${r.counsellingSessions === 1 ? '' : 's'}`,
      r.caseWorker && `case worker ${r.caseWorker}`,
    ]
      .filter(Boolean)
      .join('; '),
};
