import { defineDocument, nested } from '../kit/documents.ts';
import { sectorIds } from '../../platform/catalog.ts';
import {
  chairedOnce,
  legacyMemberSchema,
  organisationDocuments,
  seatSchema,
  type LegacyMemberDoc,
  type SeatDoc,
} from './organisations/models.ts';
import { areaDocuments } from './areas/models.ts';
import { frameworkDocument } from './frameworks/models.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../kit/provenance.ts';

/*
 * The lead ministry's documents. Ids are meaningful strings shared across services:
 * sectors use the catalog ids (`health`), everything else a country prefix (`bd-a1-2`).
 * Each record may say where its facts come from (kit/provenance.ts); the demo seed marks every
 * one it writes, and records written through the API carry no mark.
 */

export interface FocalPointDoc extends ProvenanceDoc {
  name: string;
  title: string;
  email?: string | null;
}

/** The registry entry's mark covers its ministry; the focal point carries its own. */
export interface SectorDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  name: string;
  ministry: string;
  focalPoint: FocalPointDoc;
  /** Position in listings. */
  order: number;
}

const focalPoint = nested({
  name: { type: String, required: true, trim: true, minlength: 1 },
  title: { type: String, required: true, trim: true, minlength: 1 },
  email: { type: String, trim: true, match: [/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an email address'] },
  ...optionalProvenanceFields,
});

export const sectorDocument = defineDocument<SectorDoc>('sectors', 'sector', {
  _id: { type: String, required: true, enum: sectorIds },
  name: { type: String, required: true, trim: true, minlength: 1 },
  ministry: { type: String, required: true, trim: true, minlength: 1 },
  focalPoint: { type: focalPoint, required: true },
  order: { type: Number, required: true, min: 0 },
  ...optionalProvenanceFields,
});

export const coordinationBodyKinds = [
  'STEERING_COMMITTEE',
  'COORDINATION_COMMITTEE',
  'INTER_MINISTERIAL_GROUP',
  'DELIVERY_BOARD',
  'INTER_SECTORAL_COMMITTEE',
] as const;
export interface CoordinationBodyDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  name: string;
  kind: (typeof coordinationBodyKinds)[number];
  mandate: string;
  /** Every seat, in the order of the source: chairs first, the secretariat last. */
  seats: SeatDoc[];
  /** The member list as stored before organisations were records, kept by the upgrade that made `seats` from it; never read. */
  members?: LegacyMemberDoc[];
  cadence: { interval: number; unit: 'WEEK' | 'MONTH'; description: string };
  reportsToId?: string | null;
  /** The area the body sits for; absent for a body recorded before areas were kept, which sits for the country. */
  areaId?: string | null;
  order: number;
}

export const coordinationBodyDocument = defineDocument<CoordinationBodyDoc>('coordinationBodies', 'coordination body', {
  name: { type: String, required: true, trim: true, minlength: 1 },
  kind: { type: String, required: true, enum: coordinationBodyKinds },
  mandate: { type: String, required: true, trim: true, minlength: 1 },
  seats: {
    type: [seatSchema],
    validate: [chairedOnce, 'must include one CHAIR, or two or more CO_CHAIRs and no CHAIR'],
  },
  members: { type: [legacyMemberSchema], default: undefined },
  cadence: {
    type: nested({
      interval: { type: Number, required: true, min: 1, max: 52 },
      unit: { type: String, required: true, enum: ['WEEK', 'MONTH'] },
      description: { type: String, required: true, trim: true, minlength: 1 },
    }),
    required: true,
  },
  reportsToId: { type: String, index: true },
  areaId: { type: String, index: true },
  order: { type: Number, required: true, min: 0 },
  ...optionalProvenanceFields,
});

/** The framework's document is defined with its life, in frameworks/models.ts. */
export type { FrameworkDoc } from './frameworks/models.ts';

export interface ObjectiveDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  code: string;
  title: string;
  order: number;
}

export const objectiveDocument = defineDocument<ObjectiveDoc>('objectives', 'objective', {
  code: { type: String, required: true, trim: true, minlength: 1 },
  title: { type: String, required: true, trim: true, minlength: 1 },
  order: { type: Number, required: true, min: 0 },
  ...optionalProvenanceFields,
});

export interface ActionDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  code: string;
  title: string;
  objectiveId: string;
  leadSectorId: string;
  supportingSectorIds: string[];
  /** The organisation that answers for the action; absent for one recorded before organisations held actions. */
  leadOrganisationId?: string | null;
  /** The organisations that contribute to it; absent as above. */
  supportingOrganisationIds?: string[] | null;
}

export const actionDocument = defineDocument<ActionDoc>('actions', 'framework action', {
  code: { type: String, required: true, trim: true, minlength: 1 },
  title: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
  objectiveId: { type: String, required: true, index: true },
  leadSectorId: { type: String, required: true, enum: sectorIds, index: true },
  supportingSectorIds: {
    type: [{ type: String, enum: sectorIds }],
    index: true,
    validate: [(ids: string[]) => new Set(ids).size === ids.length, 'must not name a sector twice'],
  },
  leadOrganisationId: { type: String, trim: true, minlength: 1, index: true },
  supportingOrganisationIds: {
    type: [{ type: String, trim: true, minlength: 1 }],
    default: undefined,
    validate: [(ids?: string[]) => !ids || new Set(ids).size === ids.length, 'must not name an organisation twice'],
  },
  ...optionalProvenanceFields,
});

export interface CrisisCentreDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  name: string;
  hospital: string;
  place: string;
  district: string;
  openedOn?: Date | null;
}

export const crisisCentreDocument = defineDocument<CrisisCentreDoc>('crisisCentres', 'crisis centre', {
  name: { type: String, required: true, trim: true, minlength: 1 },
  hospital: { type: String, required: true, trim: true, minlength: 1 },
  place: { type: String, required: true, trim: true, minlength: 1 },
  district: { type: String, required: true, trim: true, minlength: 1, index: true },
  openedOn: { type: Date },
  ...optionalProvenanceFields,
});

export const coordinationDocuments = {
  sectors: sectorDocument,
  ...organisationDocuments,
  coordinationBodies: coordinationBodyDocument,
  frameworks: frameworkDocument,
  objectives: objectiveDocument,
  actions: actionDocument,
  crisisCentres: crisisCentreDocument,
  ...areaDocuments,
};
