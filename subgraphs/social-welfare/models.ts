import { defineDocument } from '../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../kit/provenance.ts';

/** Shelter and counselling at a crisis centre; `_id` is the crisis centre's id. */
export interface ShelterAndCounsellingDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  shelterBeds: number;
  maxStayDays: number;
  acceptsChildren: boolean;
  counsellors: number;
  languages: string[];
}

export const shelterAndCounsellingDocument = defineDocument<ShelterAndCounsellingDoc>(
  'shelterAndCounselling',
  'shelter and counselling record',
  {
    shelterBeds: { type: Number, required: true, min: 0, max: 2000 },
    maxStayDays: { type: Number, required: true, min: 0, max: 730 },
    acceptsChildren: { type: Boolean, required: true },
    counsellors: { type: Number, required: true, min: 0, max: 500 },
    languages: {
      type: [{ type: String, trim: true, minlength: 1 }],
      validate: [
        function (this: ShelterAndCounsellingDoc, value: string[]) {
          return this.counsellors === 0 || value.length > 0;
        },
        'must name at least one language when there are counsellors',
      ],
    },
    ...optionalProvenanceFields,
  },
);

/** Shelter at a centre as served: the part of the record about it, with the record's marks. */
export interface ShelterView extends ProvenanceDoc {
  beds: number;
  maxStayDays: number;
  acceptsChildren: boolean;
}

/** Counselling at a centre as served: the part of the record about it, with the record's marks. */
export interface CounsellingView extends ProvenanceDoc {
  counsellors: number;
  languages: string[];
}
