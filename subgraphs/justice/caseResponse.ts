import { defineCaseResponseDocument, type CaseResponseBase } from '../sector-core/caseResponses/models.ts';
import type { CaseResponseOptions } from '../sector-core/caseResponses/resolvers.ts';
import { earliest, day } from '../sector-core/caseResponses/dates.ts';

export const verdicts = ['CONVICTED', 'ACQUITTED', 'WITHDRAWN'] as const;
export const protectionOrderStatuses = ['NONE', 'APPLIED', 'GRANTED', 'REFUSED'] as const;

/** The justice sector's response to a case: charge, trial, verdict, protection order. */
export interface JusticeResponseDoc extends CaseResponseBase {
  charge?: string | null;
  chargedOn?: Date | null;
  trialStartedOn?: Date | null;
  verdict?: (typeof verdicts)[number] | null;
  verdictOn?: Date | null;
  protectionOrder: (typeof protectionOrderStatuses)[number];
}

function givenTogether(other: keyof JusticeResponseDoc) {
  return function (this: JusticeResponseDoc, value: unknown) {
    return (value == null) === (this[other] == null);
  };
}

export const justiceCaseResponse: CaseResponseOptions<JusticeResponseDoc> = {
  document: defineCaseResponseDocument<JusticeResponseDoc>(
    'justiceResponses',
    'justice response',
    {
      charge: {
        type: String,
        trim: true,
        maxlength: 200,
        default: null,
        validate: [givenTogether('chargedOn'), 'must be given together with chargedOn'],
      },
      chargedOn: { type: Date, default: null },
      trialStartedOn: { type: Date, default: null },
      verdict: {
        type: String,
        enum: [...verdicts, null],
        default: null,
        validate: [givenTogether('verdictOn'), 'must be given together with verdictOn'],
      },
      verdictOn: { type: Date, default: null },
      protectionOrder: { type: String, required: true, enum: protectionOrderStatuses },
    },
    ['charge'],
  ),
  startedOn: (r) => earliest(r.chargedOn, r.trialStartedOn),
  summary: (r) =>
    [
      r.chargedOn ? `charged ${day(r.chargedOn)}` : 'not charged',
      r.trialStartedOn && `trial from ${day(r.trialStartedOn)}`,
      r.verdict && `verdict: ${r.verdict.toLowerCase()}`,
      r.protectionOrder !== 'NONE' && `protection order ${r.protectionOrder.toLowerCase()}`,
    ]
      .filter(Boolean)
      .join('; '),
};
