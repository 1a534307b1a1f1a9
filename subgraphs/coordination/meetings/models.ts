import { sectorIds } from '../../../platform/catalog.ts';
import { defineDocument, nested } from '../../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../../kit/provenance.ts';

/*
 * The coordination bodies' meetings and the action items they assign, kept by the lead
 * ministry that runs their secretariats. A meeting is recorded once and never changed; an
 * action item changes only by appending an update, so its history stays readable.
 */

export interface AttendanceDoc {
  sectorId: string;
  present: boolean;
}

/** Whether an organisation the body seated was represented. */
export interface OrganisationAttendanceDoc {
  organisationId: string;
  present: boolean;
}

/** A decision as the meeting's record keeps it; what follows it up is a `DecisionDoc` of its own. */
export interface MeetingDecisionDoc {
  code: string;
  text: string;
}

/** `_id` is `<bodyId>-<YYYY-MM-DD>`: a body meets at most once a day. */
export interface MeetingDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  bodyId: string;
  heldOn: Date;
  /** Every sector the body seats, as it stood on the day, present or not. */
  attendance: AttendanceDoc[];
  /** Every organisation the body seats, as it stood on the day, present or not; empty in meetings recorded before this was kept. */
  organisationAttendance: OrganisationAttendanceDoc[];
  minutesRef?: string | null;
  /** What was decided, as minuted; each one's follow-up (status, owner, due date) is in the decisions collection. */
  decisions: MeetingDecisionDoc[];
  recordedAt: Date;
  recordedBy: string;
}

export const meetingDocument = defineDocument<MeetingDoc>('meetings', 'meeting', {
  bodyId: { type: String, required: true, index: true },
  heldOn: { type: Date, required: true },
  attendance: [
    nested({
      sectorId: { type: String, required: true, enum: sectorIds },
      present: { type: Boolean, required: true },
    }),
  ],
  organisationAttendance: {
    type: [
      nested({
        organisationId: { type: String, required: true, trim: true, minlength: 1 },
        present: { type: Boolean, required: true },
      }),
    ],
    default: [],
  },
  minutesRef: { type: String, trim: true, maxlength: 500, default: null },
  decisions: [
    nested({
      code: { type: String, required: true, trim: true, minlength: 1 },
      text: { type: String, required: true, trim: true, minlength: 1, maxlength: 2000 },
    }),
  ],
  recordedAt: { type: Date, required: true },
  recordedBy: { type: String, required: true, trim: true, minlength: 1 },
  ...optionalProvenanceFields,
});

export const actionItemStatuses = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];

export interface ActionItemUpdateDoc {
  status: ActionItemStatus;
  note?: string | null;
  at: Date;
  by: string;
}

/** `_id` is `<meetingId>-ai<n>`. */
export interface ActionItemDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  meetingId: string;
  bodyId: string;
  sectorId: string;
  text: string;
  dueDate: Date;
  status: ActionItemStatus;
  /** Every change of status, oldest first; the first is the assignment at the meeting. */
  updates: ActionItemUpdateDoc[];
}

export const actionItemDocument = defineDocument<ActionItemDoc>('actionItems', 'action item', {
  meetingId: { type: String, required: true, index: true },
  bodyId: { type: String, required: true, index: true },
  sectorId: { type: String, required: true, enum: sectorIds, index: true },
  text: { type: String, required: true, trim: true, minlength: 1, maxlength: 1000 },
  dueDate: { type: Date, required: true },
  status: { type: String, required: true, enum: actionItemStatuses },
  updates: {
    type: [
      nested({
        status: { type: String, required: true, enum: actionItemStatuses },
        note: { type: String, trim: true, maxlength: 2000, default: null },
        at: { type: Date, required: true },
        by: { type: String, required: true, trim: true, minlength: 1 },
      }),
    ],
    validate: [(updates: ActionItemUpdateDoc[]) => updates.length > 0, 'must include the assignment'],
  },
  ...optionalProvenanceFields,
});

/**
 * Where a decision stands, in the words a committee secretariat's decision log uses. OPEN and
 * IN_PROGRESS are open; the others are closed. UNTRACKED is only ever given by the upgrade of a
 * store written before decisions were followed: nobody recorded whether those were carried out.
 */
export const decisionStatuses = ['OPEN', 'IN_PROGRESS', 'IMPLEMENTED', 'SUPERSEDED', 'DROPPED', 'UNTRACKED'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export interface DecisionUpdateDoc {
  status: DecisionStatus;
  note?: string | null;
  at: Date;
  by: string;
}

/**
 * A decision followed up: `_id` is `<meetingId>-d<n>`, `code` `D<n>`, `position` n. Its text is
 * the meeting's record of it, kept here too so that a list of decisions needs no meeting read;
 * both are written once, from the same input, and never changed.
 */
export interface DecisionDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  meetingId: string;
  bodyId: string;
  heldOn: Date;
  position: number;
  code: string;
  text: string;
  /** Who answers for carrying it out: an organisation, a sector, both or neither. */
  ownerOrganisationId?: string | null;
  ownerSectorId?: string | null;
  dueDate?: Date | null;
  /** Action items of the same meeting that carry it out. */
  actionItemIds: string[];
  /** Actions of the framework that carry it out. */
  frameworkActionIds: string[];
  status: DecisionStatus;
  /** Every change of status, oldest first; the first is the decision being taken (or the upgrade that found it). */
  updates: DecisionUpdateDoc[];
}

export const decisionDocument = defineDocument<DecisionDoc>('decisions', 'decision', {
  meetingId: { type: String, required: true, index: true },
  bodyId: { type: String, required: true, index: true },
  heldOn: { type: Date, required: true },
  position: { type: Number, required: true, min: 1 },
  code: { type: String, required: true, trim: true, minlength: 1 },
  text: { type: String, required: true, trim: true, minlength: 1, maxlength: 2000 },
  ownerOrganisationId: { type: String, trim: true, minlength: 1, default: null },
  ownerSectorId: { type: String, enum: [...sectorIds, null], default: null },
  dueDate: { type: Date, default: null },
  actionItemIds: { type: [{ type: String, required: true }], default: [] },
  frameworkActionIds: { type: [{ type: String, required: true }], default: [] },
  status: { type: String, required: true, enum: decisionStatuses, index: true },
  updates: {
    type: [
      nested({
        status: { type: String, required: true, enum: decisionStatuses },
        note: { type: String, trim: true, maxlength: 2000, default: null },
        at: { type: Date, required: true },
        by: { type: String, required: true, trim: true, minlength: 1 },
      }),
    ],
    validate: [(updates: DecisionUpdateDoc[]) => updates.length > 0, 'must include the decision being taken'],
  },
  ...optionalProvenanceFields,
});

export const meetingDocuments = {
  meetings: meetingDocument,
  actionItems: actionItemDocument,
  decisions: decisionDocument,
};
