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

export interface DecisionDoc {
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
  decisions: DecisionDoc[];
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

export const meetingDocuments = {
  meetings: meetingDocument,
  actionItems: actionItemDocument,
};
