import { defineDocument } from '../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../kit/provenance.ts';

/** School support linked to a crisis centre; `_id` is the crisis centre's id. */
export interface SchoolSupportDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  liaisonOfficer: boolean;
  safeTransfer: boolean;
  catchUpLearning: boolean;
}

export const schoolSupportDocument = defineDocument<SchoolSupportDoc>('schoolSupport', 'school support record', {
  liaisonOfficer: { type: Boolean, required: true },
  safeTransfer: { type: Boolean, required: true },
  catchUpLearning: { type: Boolean, required: true },
  ...optionalProvenanceFields,
});
