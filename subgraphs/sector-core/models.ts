import type { StoredDocument } from '../kit/store/port.ts';
import { defineDocument, nested } from '../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../kit/provenance.ts';

/*
 * What every sector keeps about its part in the framework, in its own store. The sector's
 * crisis-centre facet is defined in its own folder.
 */

export const responsibilityRoles = ['PRIMARY', 'SUPPORTING'] as const;

/** A duty allocated to the sector; `reference` is its source in one line (`title, section`). */
export interface ResponsibilityDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  duty: string;
  role: (typeof responsibilityRoles)[number];
  reference: string;
  /** Ids of the organisations that carry the duty (coordination's Organisation records). */
  organisationIds?: string[];
  order: number;
}

export const responsibilityDocument = defineDocument<ResponsibilityDoc>('responsibilities', 'responsibility', {
  duty: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
  role: { type: String, required: true, enum: responsibilityRoles },
  reference: { type: String, required: true, trim: true, minlength: 1 },
  organisationIds: { type: [String], default: [] },
  order: { type: Number, required: true, min: 0 },
  ...optionalProvenanceFields,
});

export const servicePointKinds = [
  'CRISIS_CENTRE',
  'HEALTH_FACILITY',
  'FORENSIC_LABORATORY',
  'POLICE_STATION',
  'COURT',
  'LEGAL_AID_OFFICE',
  'SHELTER',
  'COUNSELLING_CENTRE',
  'HELPLINE',
  'SCHOOL_SUPPORT_OFFICE',
] as const;
export type ServicePointKind = (typeof servicePointKinds)[number];

export interface ServicePointDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  name: string;
  kind: ServicePointKind;
  place: string;
  district: string;
  capacity?: { amount: number; unit: string } | null;
  openingHours: string;
  open24Hours: boolean;
  crisisCentreId?: string | null;
  /** The organisation that runs it (coordination's Organisation record), where known. */
  organisationId?: string | null;
  /** The area of its district (coordination's Area record; see areas.ts), where the district is one of the country's. */
  areaId?: string | null;
}

export const servicePointDocument = defineDocument<ServicePointDoc>('servicePoints', 'service point', {
  name: { type: String, required: true, trim: true, minlength: 1 },
  kind: { type: String, required: true, enum: servicePointKinds, index: true },
  place: { type: String, required: true, trim: true, minlength: 1 },
  district: { type: String, required: true, trim: true, minlength: 1, index: true },
  capacity: {
    type: nested({
      amount: { type: Number, required: true, min: 0, validate: [Number.isInteger, 'must be a whole number'] },
      unit: { type: String, required: true, trim: true, minlength: 1 },
    }),
    default: null,
  },
  openingHours: { type: String, required: true, trim: true, minlength: 1 },
  open24Hours: { type: Boolean, required: true },
  crisisCentreId: { type: String, index: true, default: null },
  organisationId: { type: String, default: null },
  areaId: { type: String, default: null },
  ...optionalProvenanceFields,
});

export const actionStatuses = ['NOT_STARTED', 'IN_PROGRESS', 'DELAYED', 'COMPLETED'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** The sector's own record of a framework action it leads; `_id` is the framework action id. */
export interface ActionRecordDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  dueDate?: Date | null;
  status?: ActionStatus | null;
  updatedAt: Date;
}

export const actionRecordDocument = defineDocument<ActionRecordDoc>('actionRecords', 'action record', {
  dueDate: { type: Date, default: null },
  status: { type: String, enum: [...actionStatuses, null], default: null },
  updatedAt: { type: Date, required: true },
  ...optionalProvenanceFields,
});

export const sectorCoreDocuments = {
  responsibilities: responsibilityDocument,
  servicePoints: servicePointDocument,
  actionRecords: actionRecordDocument,
};

/** A crisis centre as a sector's subgraph resolves it: its id; the sector's facet fields read its facet record. */
export interface CentreRef {
  id: string;
}

/** A crisis centre with the sector's facet record, if any, as the mutation that records the facet returns it. */
export interface CentreFacet<F extends StoredDocument = StoredDocument> {
  id: string;
  facet: F | null;
}

/** A sector as its own subgraph resolves it: its id, and from the lead ministry's registry the actions it leads. */
export interface SectorRef {
  id: string;
  /** Supplied by coordination through `@requires`; absent when the sector itself is the root. */
  ledActionIds?: string[];
}

/** A framework action as its lead sector resolves it: its id and the sector's record of it, if any. */
export interface ActionEntity {
  id: string;
  record: ActionRecordDoc | null;
}
