import { sectorIds } from '../../../platform/catalog.ts';
import { defineDocument, nested } from '../../kit/documents.ts';
import { provenanceFields, type ProvenanceDoc } from '../../kit/provenance.ts';

/*
 * The organisations that take part in the framework and the seats they hold on its bodies.
 * Seats are kept inside their body's document (models.ts), since a body's composition is
 * written with the body; each refers to an organisation by id.
 */

export const organisationKinds = [
  'MINISTRY',
  'DIVISION_OR_DEPARTMENT',
  'AGENCY',
  'POLICE_SERVICE',
  'PROSECUTION_SERVICE',
  'COURT',
  'HOSPITAL',
  'MEDICAL_COLLEGE',
  'LABORATORY',
  'DEVOLVED_GOVERNMENT',
  'NGO',
  'DEVELOPMENT_PARTNER',
  'OTHER',
] as const;

export interface OrganisationDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  name: string;
  kind: (typeof organisationKinds)[number];
  parentId?: string | null;
  /** The sectors it serves; empty for one outside the five. */
  sectorIds: string[];
  /** Position in listings. */
  order: number;
}

export const organisationDocument = defineDocument<OrganisationDoc>('organisations', 'organisation', {
  name: { type: String, required: true, trim: true, minlength: 1 },
  kind: { type: String, required: true, enum: organisationKinds },
  parentId: { type: String, index: true },
  sectorIds: {
    type: [{ type: String, enum: sectorIds }],
    validate: [(ids: string[]) => new Set(ids).size === ids.length, 'must not name a sector twice'],
  },
  order: { type: Number, required: true, min: 0 },
  ...provenanceFields,
});

export const seatRoles = ['CHAIR', 'CO_CHAIR', 'MEMBER', 'SECRETARIAT'] as const;

/** A seat on a body: the organisation that holds it, the post that sits and its role. */
export interface SeatDoc extends ProvenanceDoc {
  organisationId: string;
  title: string;
  role: (typeof seatRoles)[number];
  /** The sector the seat sits for, if any. */
  sectorId?: string | null;
}

export const seatSchema = nested({
  organisationId: { type: String, required: true, trim: true, minlength: 1 },
  title: { type: String, required: true, trim: true, minlength: 1 },
  role: { type: String, required: true, enum: seatRoles },
  sectorId: { type: String, enum: [...sectorIds, null] },
  ...provenanceFields,
});

/**
 * A body's member as stored before organisations were records: the organisation by name. Bodies
 * written then keep their list beside the seats made from it (organisations/upgradeStore.ts).
 */
export interface LegacyMemberDoc {
  title: string;
  organisation: string;
  role: (typeof seatRoles)[number];
  sectorId?: string | null;
}

export const legacyMemberSchema = nested({
  title: { type: String, required: true, trim: true, minlength: 1 },
  organisation: { type: String, required: true, trim: true, minlength: 1 },
  role: { type: String, required: true, enum: seatRoles },
  sectorId: { type: String, enum: [...sectorIds, null] },
});

/** A body has at most one CHAIR, and is chaired: by its CHAIR (with any CO_CHAIRs), or by two or more CO_CHAIRs. */
export function chairedOnce(seats: readonly Pick<SeatDoc, 'role'>[]): boolean {
  const chairs = seats.filter((s) => s.role === 'CHAIR').length;
  const coChairs = seats.filter((s) => s.role === 'CO_CHAIR').length;
  return chairs === 1 || (chairs === 0 && coChairs >= 2);
}

export const organisationDocuments = { organisations: organisationDocument };
