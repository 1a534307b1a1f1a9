import { defineDocument } from '../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../kit/provenance.ts';

/** Legal services at a crisis centre; `_id` is the crisis centre's id. */
export interface LegalServicesDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  legalAid: boolean;
  prosecutorLiaison: boolean;
  courtPreparation: boolean;
  protectionOrderApplications: boolean;
  daysAWeek: number;
}

export const legalServicesDocument = defineDocument<LegalServicesDoc>('legalServices', 'legal services record', {
  legalAid: { type: Boolean, required: true },
  prosecutorLiaison: { type: Boolean, required: true },
  courtPreparation: { type: Boolean, required: true },
  protectionOrderApplications: { type: Boolean, required: true },
  daysAWeek: { type: Number, required: true, min: 0, max: 7 },
  ...optionalProvenanceFields,
});
