import { bumpingRevision, defineDocument, holdingCaseRecords, nested } from '../../kit/documents.ts';
import { sectorIds } from '../../../platform/catalog.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../../kit/provenance.ts';

/*
 * The case registry and referrals the lead ministry keeps. Pseudonymous only: a case is a code
 * (`CASE-BD-2026-000123`), where and when it was first reported, what kind of incident it was,
 * and the survivor's consent. No name, contact or address is ever stored here; those stay in the
 * sector that collected them.
 */

/** The six GBVIMS core incident types; one per incident. */
export const incidentTypes = [
  'RAPE',
  'SEXUAL_ASSAULT',
  'PHYSICAL_ASSAULT',
  'FORCED_MARRIAGE',
  'DENIAL_OF_RESOURCES',
  'PSYCHOLOGICAL_ABUSE',
] as const;
export type IncidentType = (typeof incidentTypes)[number];

/** GBVIMS case context, recorded apart from the incident type. */
export const caseContexts = [
  'INTIMATE_PARTNER_VIOLENCE',
  'CHILD_SEXUAL_ABUSE',
  'EARLY_MARRIAGE',
  'SEXUAL_EXPLOITATION',
  'HARMFUL_TRADITIONAL_PRACTICE',
  'TRAFFICKING',
  'NONE',
] as const;
export type CaseContext = (typeof caseContexts)[number];

/**
 * Dated steps along the pathway that each sector reports to the registry. They are dates only,
 * never details, so the lead ministry can measure time to service and attrition without holding
 * anything a sector's own record holds. Each kind belongs to the one sector that may report it.
 */
export const milestoneSectors = {
  HEALTH_EXAMINED: 'health',
  EMERGENCY_CONTRACEPTION_GIVEN: 'health',
  POST_EXPOSURE_TREATMENT_GIVEN: 'health',
  FORENSIC_EVIDENCE_COLLECTED: 'health',
  REPORT_REGISTERED: 'police',
  INVESTIGATION_OPENED: 'police',
  DNA_SAMPLE_SENT: 'police',
  CHARGED: 'justice',
  TRIAL_STARTED: 'justice',
  CONVICTED: 'justice',
  ACQUITTED: 'justice',
  LEGAL_AID_STARTED: 'justice',
  PROTECTION_ORDER_APPLIED: 'justice',
  PROTECTION_ORDER_GRANTED: 'justice',
  PROTECTION_ORDER_REFUSED: 'justice',
  SHELTER_ADMITTED: 'social-welfare',
  COUNSELLING_STARTED: 'social-welfare',
  SCHOOL_SUPPORT_STARTED: 'education',
} as const;
export type MilestoneKind = keyof typeof milestoneSectors;
export const milestoneKinds = Object.keys(milestoneSectors) as MilestoneKind[];

export interface MilestoneDoc {
  kind: MilestoneKind;
  on: Date;
}

/** A demo case says how it was generated (`addedForDemo`, one shared text); it never names a source. */
export interface CaseDoc extends ProvenanceDoc {
  /** The case code, e.g. `CASE-BD-2026-000123`. */
  _id: string;
  version: number;
  /** The sector that took the case in and holds it. */
  holdingSector: string;
  /** A crisis centre id or the holding sector's service point id. */
  intakePoint: string;
  district: string;
  firstReportedOn: Date;
  incidentOn?: Date | null;
  incidentType: IncidentType;
  contexts: CaseContext[];
  /** The sectors the survivor agreed to be referred to. */
  referralConsent: string[];
  /** Whether the survivor agreed to the case being counted in reports. */
  reportingConsent: boolean;
  consentRecordedOn: Date;
  milestones: MilestoneDoc[];
  createdAt: Date;
  updatedAt: Date;
}

export const caseCodePattern = /^CASE-[A-Z]{2,3}-\d{4}-\d{6}$/;

function notAfterReport(this: CaseDoc, value: Date | null | undefined) {
  return !value || !this.firstReportedOn || value <= this.firstReportedOn;
}

export const caseDocument = holdingCaseRecords(
  defineDocument<CaseDoc>('cases', 'case', {
    _id: { type: String, required: true, match: [caseCodePattern, 'must be a case code such as CASE-BD-2026-000123'] },
    holdingSector: { type: String, required: true, enum: sectorIds, index: true },
    intakePoint: { type: String, required: true, trim: true, minlength: 1, maxlength: 120 },
    district: { type: String, required: true, trim: true, minlength: 1, maxlength: 120, index: true },
    firstReportedOn: { type: Date, required: true, index: true },
    incidentOn: { type: Date, default: null, validate: [notAfterReport, 'must not be after firstReportedOn'] },
    incidentType: { type: String, required: true, enum: incidentTypes, index: true },
    contexts: {
      type: [{ type: String, enum: caseContexts }],
      validate: [(v: string[]) => new Set(v).size === v.length, 'must not name a context twice'],
    },
    referralConsent: {
      type: [{ type: String, enum: sectorIds }],
      validate: [(v: string[]) => new Set(v).size === v.length, 'must not name a sector twice'],
    },
    reportingConsent: { type: Boolean, required: true, index: true },
    consentRecordedOn: { type: Date, required: true },
    milestones: {
      type: [nested({ kind: { type: String, required: true, enum: milestoneKinds }, on: { type: Date, required: true } })],
      validate: [(v: MilestoneDoc[]) => new Set(v.map((m) => m.kind)).size === v.length, 'must not record a milestone twice'],
    },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    addedForDemo: optionalProvenanceFields.addedForDemo,
  }),
);
// Aggregates read one period of consenting cases at a time.
caseDocument.schema.index({ reportingConsent: 1, firstReportedOn: 1 });

export const referralStatuses = ['PENDING', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'DONE', 'REVOKED'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export interface ReferralEventDoc {
  status: ReferralStatus;
  at: Date;
  by: string;
  sector: string;
  reason?: string | null;
}

export interface ConsentOverrideDoc {
  reason: string;
  by: string;
  at: Date;
}

export interface ReferralDoc extends ProvenanceDoc {
  /** `CASE-BD-2026-000123/police/1`: the case, the receiving sector and the how-manieth referral there. */
  _id: string;
  version: number;
  caseId: string;
  fromSector: string;
  toSector: string;
  reason: string;
  status: ReferralStatus;
  /** Why the receiver rejected it or the sender revoked it. */
  statusReason?: string | null;
  followUpBy: Date;
  consentOverride?: ConsentOverrideDoc | null;
  history: ReferralEventDoc[];
  createdAt: Date;
  updatedAt: Date;
}

export const referralDocument = holdingCaseRecords(
  defineDocument<ReferralDoc>('referrals', 'referral', {
    caseId: { type: String, required: true, match: caseCodePattern, index: true },
    fromSector: { type: String, required: true, enum: sectorIds, index: true },
    toSector: { type: String, required: true, enum: sectorIds, index: true },
    reason: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
    status: { type: String, required: true, enum: referralStatuses, index: true },
    statusReason: { type: String, trim: true, maxlength: 500, default: null },
    followUpBy: { type: Date, required: true, index: true },
    consentOverride: {
      type: nested({
        reason: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
        by: { type: String, required: true },
        at: { type: Date, required: true },
      }),
      default: null,
    },
    history: [
      nested({
        status: { type: String, required: true, enum: referralStatuses },
        at: { type: Date, required: true },
        by: { type: String, required: true },
        sector: { type: String, required: true, enum: sectorIds },
        reason: { type: String, default: null },
      }),
    ],
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    addedForDemo: optionalProvenanceFields.addedForDemo,
  }),
);

/**
 * Every write to cases or referrals bumps this revision and notes the case code, so aggregates
 * kept from them know what to read again.
 */
export const caseRegistryRevision = 'case-registry';

export const caseDocuments = {
  cases: bumpingRevision(caseDocument, caseRegistryRevision),
  referrals: bumpingRevision(referralDocument, caseRegistryRevision, (r) => r.caseId),
};
