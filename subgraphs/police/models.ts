import { defineDocument } from '../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../kit/provenance.ts';

/** The police unit at a crisis centre; `_id` is the crisis centre's id. */
export interface PoliceUnitDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  station: string;
  officers: number;
  womenOfficers: number;
  registersReports: boolean;
  open24Hours: boolean;
}

export const policeUnitDocument = defineDocument<PoliceUnitDoc>('policeUnits', 'police unit', {
  station: { type: String, required: true, trim: true, minlength: 1 },
  officers: { type: Number, required: true, min: 0, max: 1000 },
  womenOfficers: {
    type: Number,
    required: true,
    min: 0,
    validate: [
      function (this: PoliceUnitDoc, value: number) {
        return value <= this.officers;
      },
      'must not exceed officers',
    ],
  },
  registersReports: { type: Boolean, required: true },
  open24Hours: { type: Boolean, required: true },
  ...optionalProvenanceFields,
});
