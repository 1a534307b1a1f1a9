import { defineDocument } from '../kit/documents.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../kit/provenance.ts';

/** The health sector's facet of a crisis centre; `_id` is the crisis centre's id. */
export interface MedicalCareDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  doctorsOnDuty: number;
  womenDoctorsOnDuty: number;
  postExposureProphylaxis: boolean;
  emergencyContraception: boolean;
  forensicExamination: boolean;
  dnaLaboratory?: string | null;
  dnaTurnaroundDays?: number | null;
  open24Hours: boolean;
}

export const medicalCareDocument = defineDocument<MedicalCareDoc>('medicalCare', 'medical care record', {
  doctorsOnDuty: { type: Number, required: true, min: 0, max: 500 },
  womenDoctorsOnDuty: {
    type: Number,
    required: true,
    min: 0,
    validate: [
      function (this: MedicalCareDoc, value: number) {
        return value <= this.doctorsOnDuty;
      },
      'must not exceed doctorsOnDuty',
    ],
  },
  postExposureProphylaxis: { type: Boolean, required: true },
  emergencyContraception: { type: Boolean, required: true },
  forensicExamination: { type: Boolean, required: true },
  dnaLaboratory: { type: String, trim: true, default: null },
  dnaTurnaroundDays: { type: Number, min: 0, max: 365, default: null },
  open24Hours: { type: Boolean, required: true },
  ...optionalProvenanceFields,
});
