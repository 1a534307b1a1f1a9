import { defineDocument, nested } from '../../kit/documents.ts';
import { optionalProvenanceFields, provenanceFields, type ProvenanceDoc } from '../../kit/provenance.ts';

/*
 * Duties a source sets on a body or an organisation (meet at least twice every year; report on
 * every meeting within one month), and the reports bodies send, which are the evidence for the
 * duties to report. Each obligation names its source; whether it is met is computed from the
 * recorded meetings and reports each time it is asked, never stored.
 */

export const obligationRuleKinds = ['AT_LEAST_N_PER_PERIOD', 'WITHIN_PERIOD_OF_EVENT', 'BY_DATE', 'EVERY_N_YEARS'] as const;
export const periodUnits = ['DAY', 'MONTH', 'YEAR'] as const;
/** What the holder must do; it says which records are the evidence. */
export const obligationDuties = ['MEET', 'REPORT_ON_MEETING', 'REVIEW_FRAMEWORK'] as const;

export interface PeriodDoc {
  count: number;
  unit: (typeof periodUnits)[number];
}

export interface ObligationRuleDoc {
  kind: (typeof obligationRuleKinds)[number];
  /** AT_LEAST_N_PER_PERIOD: how many times. */
  times?: number | null;
  /** AT_LEAST_N_PER_PERIOD: the period (calendar periods); EVERY_N_YEARS: the interval; WITHIN_PERIOD_OF_EVENT: the time allowed. */
  period?: PeriodDoc | null;
  /** BY_DATE: the last day. */
  dueBy?: Date | null;
}

export interface ObligationDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  /** A coordination body or an organisation. */
  holderId: string;
  holderKind: 'BODY' | 'ORGANISATION';
  duty: (typeof obligationDuties)[number];
  /** The organisation the holder owes it to (reports go to it), when the source names one. */
  owedToId?: string | null;
  /** The duty in plain words. */
  summary: string;
  /** REVIEW_FRAMEWORK: the framework whose events are the evidence; the current framework when absent. */
  frameworkId?: string | null;
  rule: ObligationRuleDoc;
  /** The first day assessed: the records the hub keeps begin then, though the duty may be older. */
  assessedFrom: Date;
  order: number;
}

const period = nested({
  count: { type: Number, required: true, min: 1, max: 120 },
  unit: { type: String, required: true, enum: periodUnits },
});

function ruleComplete(rule: ObligationRuleDoc): boolean {
  if (!rule) return true;
  switch (rule.kind) {
    case 'AT_LEAST_N_PER_PERIOD':
      return Boolean(rule.times && rule.period);
    case 'WITHIN_PERIOD_OF_EVENT':
    case 'EVERY_N_YEARS':
      return Boolean(rule.period);
    case 'BY_DATE':
      return Boolean(rule.dueBy);
  }
}

export const obligationDocument = defineDocument<ObligationDoc>('obligations', 'obligation', {
  holderId: { type: String, required: true, trim: true, minlength: 1, index: true },
  holderKind: { type: String, required: true, enum: ['BODY', 'ORGANISATION'] },
  duty: { type: String, required: true, enum: obligationDuties },
  owedToId: { type: String, trim: true, minlength: 1 },
  frameworkId: { type: String, trim: true, minlength: 1 },
  summary: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
  rule: {
    type: nested({
      kind: { type: String, required: true, enum: obligationRuleKinds },
      times: { type: Number, min: 1, max: 366 },
      period: { type: period },
      dueBy: { type: Date },
    }),
    required: true,
    validate: [ruleComplete, 'must give what its kind needs: times and period, a period, or dueBy'],
  },
  assessedFrom: { type: Date, required: true },
  order: { type: Number, required: true, min: 0 },
  ...provenanceFields,
});

/** A written report a body sent on one of its meetings. `_id` is `<meetingId>-report<n>`. */
export interface BodyReportDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  bodyId: string;
  meetingId: string;
  sentToId: string;
  sentOn: Date;
  ref?: string | null;
  recordedAt: Date;
  recordedBy: string;
}

export const bodyReportDocument = defineDocument<BodyReportDoc>('bodyReports', 'body report', {
  bodyId: { type: String, required: true, index: true },
  meetingId: { type: String, required: true, index: true },
  sentToId: { type: String, required: true, trim: true, minlength: 1 },
  sentOn: { type: Date, required: true },
  ref: { type: String, trim: true, maxlength: 500, default: null },
  recordedAt: { type: Date, required: true },
  recordedBy: { type: String, required: true, trim: true, minlength: 1 },
  ...optionalProvenanceFields,
});

export const obligationDocuments = { obligations: obligationDocument, bodyReports: bodyReportDocument };
