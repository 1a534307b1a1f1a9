import { nested } from './documents.ts';

/*
 * Provenance of the lead ministry's records: each one names its source, or says what was added
 * to make the demo work (`addedForDemo`), or both when a sourced record fills a gap its source
 * leaves (a post title, which colleges). A record with neither is refused, so no fact enters the
 * demo data without saying where it comes from.
 */

export interface SourceDoc {
  title: string;
  section?: string | null;
  quote?: string | null;
  url?: string | null;
}

export interface ProvenanceDoc {
  source?: SourceDoc | null;
  /** What was added to make the demo work; absent when everything comes from the source. */
  addedForDemo?: string | null;
}

const sourceSchema = nested({
  title: { type: String, required: true, trim: true, minlength: 1 },
  section: { type: String, trim: true, minlength: 1 },
  quote: { type: String, trim: true, minlength: 1, maxlength: 2000 },
  url: { type: String, trim: true, match: [/^https?:\/\/\S+$/, 'must be an http(s) address'] },
});

/** The provenance fields, spread into a document's or a nested record's definition. */
export const provenanceFields = {
  source: {
    type: sourceSchema,
    required: [
      function (this: ProvenanceDoc) {
        return !this.addedForDemo;
      },
      'is required unless the record says what was added for the demo (addedForDemo)',
    ],
  },
  addedForDemo: { type: String, trim: true, minlength: 1, maxlength: 1000 },
};

/**
 * The same fields, neither required: for records that users also write through the API (a
 * meeting, a case, a crisis centre registered later), whose facts come from whoever records them.
 * The demo seed still marks each one it writes.
 */
export const optionalProvenanceFields = {
  source: { type: sourceSchema },
  addedForDemo: provenanceFields.addedForDemo,
};

/**
 * Resolvers for `illustrative` and `illustrativeNote` alone: what a survivor-level record (a case,
 * a referral) shows of its mark, which never names a source.
 */
export const illustrativeFields = {
  illustrative: (record: ProvenanceDoc) => Boolean(record.addedForDemo),
  illustrativeNote: (record: ProvenanceDoc) => record.addedForDemo ?? null,
};

/** Resolvers for the `Sourced` fields of any record that carries provenance. */
export const sourcedFields = {
  source: (record: ProvenanceDoc) => record.source ?? null,
  ...illustrativeFields,
};
