import { defineDocument, nested } from '../../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../../kit/provenance.ts';
import { actionStatuses, type ActionStatus } from '../models.ts';

/*
 * What a sector keeps to monitor its part in the framework, in its own store: its progress
 * reports on the actions it leads, the data sets it reports on a schedule, the indicators in
 * them, the values it reported and the periods the lead ministry reopened. Every collection
 * here is append-only: a report, a value or a reopening is never replaced, so the history the
 * coordination bodies read is the history as it happened.
 */

/** One progress report on an action the sector leads. `_id` is `<actionId>#<n>`, n counting from 1. */
export interface ProgressReportDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  actionId: string;
  /** Position in the action's history: 1 for the first report. */
  sequence: number;
  status: ActionStatus;
  note?: string | null;
  /** Where the evidence is kept: a document reference, a URL, a file number. */
  evidenceRef?: string | null;
  /** The due date the sector commits to from this report on. */
  dueDate?: Date | null;
  /** The day the status describes (midnight UTC); never after the day it is recorded. */
  asOf: Date;
  recordedAt: Date;
  recordedBy: string;
}

export const progressReportDocument = defineDocument<ProgressReportDoc>('progressReports', 'progress report', {
  actionId: { type: String, required: true, trim: true, minlength: 1, index: true },
  sequence: { type: Number, required: true, min: 1, validate: [Number.isInteger, 'must be a whole number'] },
  status: { type: String, required: true, enum: actionStatuses },
  note: { type: String, trim: true, maxlength: 2000, default: null },
  evidenceRef: { type: String, trim: true, maxlength: 500, default: null },
  dueDate: { type: Date, default: null },
  asOf: { type: Date, required: true },
  recordedAt: { type: Date, required: true },
  recordedBy: { type: String, required: true, trim: true, minlength: 1 },
  ...optionalProvenanceFields,
});

export const periodTypes = ['MONTHLY', 'QUARTERLY'] as const;
export type PeriodType = (typeof periodTypes)[number];

/**
 * A set of indicators the sector reports together on one schedule, as DHIS2 runs data sets:
 * a period type, the days after a period's end that still count as on time, and the days
 * after which the period locks.
 */
export interface DataSetDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  name: string;
  periodType: PeriodType;
  /** The first period the sector is expected to report, e.g. `2026-01` or `2026-Q1`. */
  firstPeriod: string;
  /** A report received this many days after the period ends, or sooner, is on time. */
  timelyDays: number;
  /** The period locks this many days after it ends: values after that need a reopening. */
  lockDays: number;
}

export const dataSetDocument = defineDocument<DataSetDoc>('dataSets', 'data set', {
  name: { type: String, required: true, trim: true, minlength: 1 },
  periodType: { type: String, required: true, enum: periodTypes },
  firstPeriod: { type: String, required: true, match: [/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'must be a period like 2026-01 or 2026-Q1'] },
  timelyDays: { type: Number, required: true, min: 0, max: 90 },
  lockDays: {
    type: Number,
    required: true,
    min: 0,
    max: 365,
    validate: [
      function (this: DataSetDoc, value: number) {
        return value >= this.timelyDays;
      },
      'must not be shorter than timelyDays',
    ],
  },
  ...optionalProvenanceFields,
});

export const indicatorUnits = ['COUNT', 'PERCENT', 'RATE_PER_100000'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];
export const indicatorDirections = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;

/** A dimension a value may be broken down by, with the categories it has. */
export interface BreakdownDoc {
  dimension: string;
  categories: string[];
}

/**
 * An indicator the sector reports, in the spirit of DHIS2: numerator and denominator, a unit,
 * breakdowns, and — first-class here, where DHIS2 users fake them — a baseline, a target and
 * traffic-light thresholds. `_id` is a national id such as `bd-sdg-5-2-1`.
 */
export interface IndicatorDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  code: string;
  name: string;
  numerator: string;
  denominator?: string | null;
  unit: IndicatorUnit;
  dataSetId: string;
  breakdowns: BreakdownDoc[];
  baseline: { value: number; year: number };
  target: { value: number; date: Date };
  direction: (typeof indicatorDirections)[number];
  /**
   * Share of the way from baseline to target that the latest value must have covered, against
   * the share of time elapsed: at least `onTrack` of it is on track, at least `atRisk` at risk.
   */
  thresholds: { onTrack: number; atRisk: number };
  /** Every change the lead ministry made to the target, oldest first: a target is never silently moved. */
  targetRevisions: TargetRevisionDoc[];
  order: number;
}

export interface TargetRevisionDoc {
  from: { value: number; date: Date };
  to: { value: number; date: Date };
  reason: string;
  revisedAt: Date;
  revisedBy: string;
}

const targetValue = () => nested({ value: { type: Number, required: true, min: 0 }, date: { type: Date, required: true } });

export const indicatorDocument = defineDocument<IndicatorDoc>('indicators', 'indicator', {
  code: { type: String, required: true, trim: true, minlength: 1 },
  name: { type: String, required: true, trim: true, minlength: 1 },
  numerator: { type: String, required: true, trim: true, minlength: 1 },
  denominator: { type: String, trim: true, default: null },
  unit: { type: String, required: true, enum: indicatorUnits },
  dataSetId: { type: String, required: true, index: true },
  breakdowns: [
    nested({
      dimension: { type: String, required: true, trim: true, minlength: 1 },
      categories: {
        type: [String],
        validate: [(c: string[]) => c.length > 0 && new Set(c).size === c.length, 'must be distinct and not empty'],
      },
    }),
  ],
  baseline: {
    type: nested({ value: { type: Number, required: true, min: 0 }, year: { type: Number, required: true, min: 1990, max: 2100 } }),
    required: true,
  },
  target: { type: targetValue(), required: true },
  direction: { type: String, required: true, enum: indicatorDirections },
  thresholds: {
    type: nested({ onTrack: { type: Number, required: true, min: 0, max: 2 }, atRisk: { type: Number, required: true, min: 0, max: 2 } }),
    required: true,
    validate: [(t: { onTrack: number; atRisk: number }) => !t || t.atRisk <= t.onTrack, 'atRisk must not exceed onTrack'],
  },
  targetRevisions: [
    nested({
      from: { type: targetValue(), required: true },
      to: { type: targetValue(), required: true },
      reason: { type: String, required: true, trim: true, minlength: 1, maxlength: 1000 },
      revisedAt: { type: Date, required: true },
      revisedBy: { type: String, required: true, trim: true, minlength: 1 },
    }),
  ],
  order: { type: Number, required: true, min: 0 },
  ...optionalProvenanceFields,
});

/** One category's share of a value, e.g. `{ dimension: "sex", category: "female", value: 41 }`. */
export interface BreakdownValueDoc {
  dimension: string;
  category: string;
  value: number;
}

/** The value of one indicator for one period. `_id` is `<indicatorId>@<period>`: one per period, never replaced. */
export interface IndicatorValueDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  indicatorId: string;
  dataSetId: string;
  period: string;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
  breakdowns: BreakdownValueDoc[];
  reportedAt: Date;
  reportedBy: string;
}

export const indicatorValueDocument = defineDocument<IndicatorValueDoc>('indicatorValues', 'indicator value', {
  indicatorId: { type: String, required: true, index: true },
  dataSetId: { type: String, required: true, index: true },
  period: { type: String, required: true, index: true },
  value: { type: Number, required: true, min: 0 },
  numerator: { type: Number, min: 0, default: null },
  denominator: { type: Number, min: 0, default: null },
  breakdowns: [
    nested({
      dimension: { type: String, required: true, trim: true, minlength: 1 },
      category: { type: String, required: true, trim: true, minlength: 1 },
      value: { type: Number, required: true, min: 0 },
    }),
  ],
  reportedAt: { type: Date, required: true },
  reportedBy: { type: String, required: true, trim: true, minlength: 1 },
  ...optionalProvenanceFields,
});

/** The lead ministry's reopening of a locked period. `_id` is `<dataSetId>@<period>#<n>`. */
export interface PeriodReopeningDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  dataSetId: string;
  period: string;
  reason: string;
  /** Values are accepted up to and including this day. */
  openUntil: Date;
  reopenedAt: Date;
  reopenedBy: string;
}

export const periodReopeningDocument = defineDocument<PeriodReopeningDoc>('periodReopenings', 'period reopening', {
  dataSetId: { type: String, required: true, index: true },
  period: { type: String, required: true },
  reason: { type: String, required: true, trim: true, minlength: 1, maxlength: 1000 },
  openUntil: { type: Date, required: true },
  reopenedAt: { type: Date, required: true },
  reopenedBy: { type: String, required: true, trim: true, minlength: 1 },
  ...optionalProvenanceFields,
});

export const monitoringDocuments = {
  progressReports: progressReportDocument,
  dataSets: dataSetDocument,
  indicators: indicatorDocument,
  indicatorValues: indicatorValueDocument,
  periodReopenings: periodReopeningDocument,
};
