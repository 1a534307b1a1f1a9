import { defineDocument } from '../../kit/documents.ts';
import { provenanceFields, type ProvenanceDoc } from '../../kit/provenance.ts';

/*
 * The country's administrative areas, as health information systems keep their organisation
 * units: one tree per country (country, division or province, district, sub-district), each unit
 * with its code, its parent and the dates it existed. Bodies and crisis centres point into it.
 */

export const areaLevels = ['COUNTRY', 'PROVINCE_OR_DIVISION', 'DISTRICT', 'SUB_DISTRICT'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export interface AreaDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  /** The official code where there is one (a statistics office's geocode, a demarcation board's code). */
  code: string;
  name: string;
  level: AreaLevel;
  /** Null only for the country. */
  parentId?: string | null;
  openedOn?: Date | null;
  closedOn?: Date | null;
  /** Position in listings. */
  order: number;
}

export const areaDocument = defineDocument<AreaDoc>('areas', 'area', {
  code: { type: String, required: true, trim: true, minlength: 1 },
  name: { type: String, required: true, trim: true, minlength: 1 },
  level: { type: String, required: true, enum: areaLevels },
  parentId: {
    type: String,
    index: true,
    required: [
      function (this: AreaDoc) {
        return this.level !== 'COUNTRY';
      },
      'is required for every area but the country',
    ],
  },
  openedOn: { type: Date },
  closedOn: {
    type: Date,
    validate: [
      function (this: AreaDoc, closedOn: Date | null) {
        return !closedOn || !this.openedOn || this.openedOn <= closedOn;
      },
      'must be on or after openedOn',
    ],
  },
  order: { type: Number, required: true, min: 0 },
  ...provenanceFields,
});

export const areaDocuments = { areas: areaDocument };
