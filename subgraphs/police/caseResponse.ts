import { defineCaseResponseDocument, type CaseResponseBase } from '../sector-core/caseResponses/models.ts';
import type { CaseResponseOptions } from '../sector-core/caseResponses/resolvers.ts';
import { earliest, day } from '../sector-core/caseResponses/dates.ts';

export const investigationStages = ['NOT_STARTED', 'OPEN', 'SENT_TO_PROSECUTOR', 'CLOSED_NO_FURTHER_ACTION'] as const;
export const dnaResults = ['PENDING', 'MATCH', 'NO_MATCH', 'INCONCLUSIVE'] as const;

/** The police response to a case: the report, the investigation, DNA evidence. */
export interface PoliceResponseDoc extends CaseResponseBase {
  reportRegisteredOn?: Date | null;
  investigationStage: (typeof investigationStages)[number];
  dnaSampleSentOn?: Date | null;
  dnaResult?: (typeof dnaResults)[number] | null;
}

function sentBeforeResult(this: PoliceResponseDoc, result: string | null) {
  return !result || Boolean(this.dnaSampleSentOn);
}

export const policeCaseResponse: CaseResponseOptions<PoliceResponseDoc> = {
  document: defineCaseResponseDocument<PoliceResponseDoc>('policeResponses', 'police response', {
    reportRegisteredOn: { type: Date, default: null },
    investigationStage: { type: String, required: true, enum: investigationStages },
    dnaSampleSentOn: { type: Date, default: null },
    dnaResult: { type: String, enum: [...dnaResults, null], default: null, validate: [sentBeforeResult, 'needs dnaSampleSentOn'] },
  }),
  startedOn: (r) => earliest(r.reportRegisteredOn),
  summary: (r) =>
    [
      r.reportRegisteredOn ? `report registered ${day(r.reportRegisteredOn)}` : 'no report registered',
      `investigation ${r.investigationStage.toLowerCase().replace(/_/g, ' ')}`,
      r.dnaSampleSentOn && `DNA sample sent, result ${(r.dnaResult ?? 'PENDING').toLowerCase().replace(/_/g, ' ')}`,
    ]
      .filter(Boolean)
      .join('; '),
};
