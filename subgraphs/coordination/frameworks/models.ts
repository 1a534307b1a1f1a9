import { defineDocument, nested } from '../../kit/documents.ts';
import { provenanceFields, type ProvenanceDoc } from '../../kit/provenance.ts';

/*
 * A country's frameworks over time: a draft and its adoption, a programme and the plan that
 * succeeds it. Each keeps its life as dated events (drafted, tabled, adopted, published,
 * reviewed, superseded), from which its status follows, and the funding lines that pay for it.
 * Events and funding lines live inside their framework's document, so recording one is a single
 * versioned write of that framework.
 *
 * A framework stored before frameworks had a life has no `events`; the upgrade at start
 * (upgradeStore.ts) gives it its life, and until then it is held to nothing it does not have.
 */

export const frameworkStatuses = ['DRAFT', 'ADOPTED', 'UNDER_REVIEW', 'SUPERSEDED'] as const;
export type FrameworkStatus = (typeof frameworkStatuses)[number];

export const frameworkEventKinds = ['DRAFTED', 'TABLED', 'ADOPTED', 'PUBLISHED', 'REVIEW_STARTED', 'REVIEWED', 'SUPERSEDED'] as const;
export type FrameworkEventKind = (typeof frameworkEventKinds)[number];

/** A dated moment in a framework's life, with where it is known from. */
export interface FrameworkEventDoc extends ProvenanceDoc {
  kind: FrameworkEventKind;
  on: Date;
  /** What happened, in words. */
  description: string;
  /** SUPERSEDED: the framework that took its place. */
  supersededById?: string | null;
  /** For an event recorded through the hub: who recorded it and when; absent for the demo's events. */
  recordedBy?: string | null;
  recordedAt?: Date | null;
}

/** Money a funder gives the framework. An amount or period the source does not give is left out, never guessed. */
export interface FundingLineDoc extends ProvenanceDoc {
  /** Stable within its framework, e.g. `danida`. */
  id: string;
  /** The organisation that pays. */
  funderId: string;
  /** What the money is for, in words. */
  purpose: string;
  amount?: number | null;
  /** ISO 4217, e.g. `BDT`; set with the amount. */
  currency?: string | null;
  period?: { start: Date; end: Date } | null;
  /** The framework actions it pays for; empty when the source names none. */
  actionIds: string[];
}

export interface FrameworkDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  title: string;
  country: { code: string; name: string };
  /** The organisation that leads the framework. */
  leadOrganisationId: string;
  /** The lead ministry's name as stored before organisations were records, kept by the upgrade; never read. */
  leadMinistry?: string | null;
  legalBasis: { citation: string; title: string }[];
  period: { start: Date; end: Date };
  status: FrameworkStatus;
  /** Oldest first. */
  events: FrameworkEventDoc[];
  fundingLines: FundingLineDoc[];
}

/** Provenance is asked of a framework once it has its life (events); one stored before is upgraded at start. */
const hasLife = function (this: { events?: unknown }) {
  return this.events != null;
};

const periodSchema = nested({ start: { type: Date, required: true }, end: { type: Date, required: true } });
const endsAfterStart = (p: { start: Date; end: Date } | null) => !p || p.start <= p.end;

const sourceOrRecorder = function (this: ProvenanceDoc & { recordedBy?: string | null }) {
  return !this.addedForDemo && !this.recordedBy;
};

export const frameworkEventSchema = nested({
  kind: { type: String, required: true, enum: frameworkEventKinds },
  on: { type: Date, required: true },
  description: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
  supersededById: {
    type: String,
    trim: true,
    minlength: 1,
    required: [
      function (this: FrameworkEventDoc) {
        return this.kind === 'SUPERSEDED';
      },
      'is required for a SUPERSEDED event: the framework that took its place',
    ],
  },
  recordedBy: { type: String, trim: true, minlength: 1 },
  recordedAt: { type: Date },
  ...provenanceFields,
  // An event recorded through the hub is known from whoever recorded it; the demo's say their source.
  source: {
    ...provenanceFields.source,
    required: [sourceOrRecorder, 'is required unless the event says what was added for the demo (addedForDemo) or who recorded it'],
  },
});

export const fundingLineSchema = nested({
  id: { type: String, required: true, trim: true, minlength: 1, maxlength: 60 },
  funderId: { type: String, required: true, trim: true, minlength: 1 },
  purpose: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
  amount: { type: Number, min: 0 },
  currency: {
    type: String,
    match: [/^[A-Z]{3}$/, 'must be an ISO 4217 code such as BDT'],
    required: [
      function (this: FundingLineDoc) {
        return this.amount != null;
      },
      'is required with an amount',
    ],
  },
  period: { type: periodSchema, validate: [endsAfterStart, 'must end on or after its start'] },
  actionIds: {
    type: [String],
    validate: [(ids: string[]) => new Set(ids).size === ids.length, 'must not name an action twice'],
  },
  ...provenanceFields,
});

export const frameworkDocument = defineDocument<FrameworkDoc>('frameworks', 'framework', {
  title: { type: String, required: true, trim: true, minlength: 1 },
  country: {
    type: nested({
      code: { type: String, required: true, match: [/^[A-Z]{2}(-[A-Z]{3})?$/, 'must be an ISO 3166 code'] },
      name: { type: String, required: true, trim: true, minlength: 1 },
    }),
    required: true,
  },
  leadOrganisationId: { type: String, required: true, trim: true, minlength: 1 },
  leadMinistry: { type: String, trim: true, minlength: 1 },
  legalBasis: [
    nested({
      citation: { type: String, required: true, trim: true, minlength: 1 },
      title: { type: String, required: true, trim: true, minlength: 1 },
    }),
  ],
  period: { type: periodSchema, required: true, validate: [endsAfterStart, 'must end on or after its start'] },
  status: { type: String, enum: frameworkStatuses, required: [hasLife, 'is required once the framework keeps its events'] },
  events: {
    type: [frameworkEventSchema],
    default: undefined,
    validate: [
      (events: FrameworkEventDoc[] | undefined) => !events || events.every((e, i) => i === 0 || +events[i - 1]!.on <= +e.on),
      'must be in the order they happened',
    ],
  },
  fundingLines: {
    type: [fundingLineSchema],
    default: undefined,
    validate: [
      (lines: FundingLineDoc[] | undefined) => !lines || new Set(lines.map((l) => l.id)).size === lines.length,
      'must not repeat a funding line id',
    ],
  },
  ...provenanceFields,
  source: {
    ...provenanceFields.source,
    required: [
      function (this: ProvenanceDoc & { events?: unknown }) {
        return this.events != null && !this.addedForDemo;
      },
      'is required unless the record says what was added for the demo (addedForDemo)',
    ],
  },
});
