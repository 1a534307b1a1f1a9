import type { SchemaDefinition } from 'mongoose';
import { defineDocument, holdingCaseRecords, type DocumentSpec } from '../../kit/documents.ts';
import { withEncryptedFields } from '../../kit/fieldEncryption/encryptedDocument.ts';
import { optionalProvenanceFields, type ProvenanceDoc } from '../../kit/provenance.ts';

/*
 * What every sector keeps about the cases it responds to, in its own store: its response (the
 * sector defines the fields) and, apart from it, the survivor's identifying details it
 * collected. `_id` is the case code in both.
 */

export const caseCodePattern = /^CASE-[A-Z]{2,3}-\d{4}-\d{6}$/;

/** Fields every response has, whatever the sector. */
export interface CaseResponseBase extends ProvenanceDoc {
  _id: string;
  version: number;
  updatedAt: Date;
}

/**
 * A sector's response document: its own fields plus the case code and the time of the last
 * change. Each sector names its own collection (`healthResponses`): document kinds are compiled
 * once per process by collection name, and each sector's fields differ. `freeText` names the
 * fields an officer writes in her own words, where a name, a school or a place may appear: they
 * are kept encrypted like the survivor's contact details.
 */
export function defineCaseResponseDocument<T extends CaseResponseBase>(
  collection: string,
  label: string,
  fields: SchemaDefinition,
  freeText: readonly (keyof T & string)[] = [],
): DocumentSpec<T> {
  const spec = holdingCaseRecords(
    defineDocument<T>(collection, label, {
      _id: { type: String, required: true, match: [caseCodePattern, 'must be a case code such as CASE-BD-2026-000123'] },
      ...fields,
      updatedAt: { type: Date, required: true },
      ...optionalProvenanceFields,
    }),
  );
  return freeText.length > 0 ? withEncryptedFields(spec, freeText) : spec;
}

/**
 * Who the survivor is, as the sector that met her recorded it. Kept in its own collection so that
 * no response, listing or aggregate can ever carry it by accident, and her name, telephone and
 * address encrypted with the sector's key (kit/fieldEncryption), so the store never holds them in clear.
 */
export interface SurvivorContactDoc extends ProvenanceDoc {
  _id: string;
  version: number;
  name: string;
  phone?: string | null;
  address?: string | null;
  collectedOn: Date;
}

export const survivorContactDocument = withEncryptedFields(
  holdingCaseRecords(
    defineDocument<SurvivorContactDoc>('survivorContacts', 'survivor contact', {
      _id: { type: String, required: true, match: [caseCodePattern, 'must be a case code such as CASE-BD-2026-000123'] },
      name: { type: String, required: true, trim: true, minlength: 1, maxlength: 200 },
      phone: { type: String, trim: true, maxlength: 40, match: [/^[+0-9 ()-]{5,40}$/, 'must be a telephone number'], default: null },
      address: { type: String, trim: true, maxlength: 500, default: null },
      collectedOn: { type: Date, required: true },
      ...optionalProvenanceFields,
    }),
  ),
  ['name', 'phone', 'address'],
);
