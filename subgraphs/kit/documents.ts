import mongoose, { Schema, type SchemaDefinition } from 'mongoose';
import { InvalidInputError, type FieldProblem } from './errors.ts';
import type { IndexSpec } from './store/port.ts';

/**
 * A kind of stored document, defined once as a mongoose schema. The schema validates and casts
 * every write whichever store is underneath, and its indexes are created in both adapters.
 */
export interface DocumentSpec<T> {
  /** Collection name in the store. */
  readonly collection: string;
  /** What one document is, in words, for error messages ("service point"). */
  readonly label: string;
  readonly schema: Schema;
  /**
   * The revision counter (kit/revisions.ts) every write to these documents bumps, for readers
   * that keep something computed from them; none when nothing is kept.
   */
  readonly revision?: string;
  /** The key a write of one document notes with its revision (its id unless said otherwise). */
  revisionKey?(doc: T): string;
  /**
   * Whether each document is about one case (the case itself, its referrals, a sector's response,
   * the survivor's contact, the audit of who read it): whether one exists for a case code must not
   * show outside the answer, so the store calls on these are not traced (kit/store/tracedStore.ts).
   */
  readonly caseRecords?: true;
  /** Phantom field carrying the document type; never set. */
  readonly __type?: T;
}

/**
 * Defines a document kind. Every document gets a meaningful string `_id` and a `version` the
 * repository bumps on each write. Unknown fields are refused (`strict: 'throw'`) rather than
 * silently dropped, so a misspelt field is reported instead of lost.
 */
export function defineDocument<T>(collection: string, label: string, definition: SchemaDefinition): DocumentSpec<T> {
  const schema = new Schema(
    {
      _id: { type: String, required: true, trim: true, minlength: 1, maxlength: 120 },
      version: { type: Number, required: true, min: 1 },
      ...definition,
    },
    { strict: 'throw', versionKey: false, id: false, minimize: false },
  );
  return { collection, label, schema };
}

/**
 * The same kind of document, each write of which bumps the named revision counter and notes the
 * document's key (its id, or what `revisionKey` says, such as the case a referral belongs to).
 */
export function bumpingRevision<T>(spec: DocumentSpec<T>, revision: string, revisionKey?: (doc: T) => string): DocumentSpec<T> {
  return { ...spec, revision, revisionKey };
}

/** The same kind of document, marked as holding one case's records (see DocumentSpec.caseRecords). */
export function holdingCaseRecords<S extends DocumentSpec<any>>(spec: S): S {
  return { ...spec, caseRecords: true };
}

/** A nested object inside a document: no id of its own, unknown fields refused. */
export function nested(definition: SchemaDefinition): Schema {
  return new Schema(definition, { _id: false, strict: 'throw', id: false });
}

/** The indexes a document's schema declares, in the store port's terms. */
export function indexesOf(spec: DocumentSpec<unknown>): IndexSpec[] {
  return spec.schema.indexes().map(([fields, options]) => ({
    fields: fields as Record<string, 1 | -1>,
    unique: Boolean((options as { unique?: boolean }).unique),
  }));
}

// Models are only used to validate and cast; they are compiled on a connection that never
// opens, so validation behaves the same with the embedded store and with MongoDB.
const validationConnection = mongoose.createConnection();

function modelFor(spec: DocumentSpec<unknown>): mongoose.Model<any> {
  return validationConnection.models[spec.collection] ?? validationConnection.model(spec.collection, spec.schema);
}

function describe(error: mongoose.Error.ValidatorError | mongoose.Error.CastError): string {
  if (error instanceof mongoose.Error.CastError) {
    return `must be ${error.kind === 'String' ? 'text' : `a ${error.kind.toLowerCase()}`} (got ${JSON.stringify(error.value)})`;
  }
  const props = error.properties as { enumValues?: unknown[]; min?: number; max?: number; minlength?: number; maxlength?: number };
  switch (error.kind) {
    case 'required':
      // A conditional requirement says when it applies in its own message; the plain one is mongoose's.
      return /^Path `[^`]+` is required\.$/.test(error.message) ? 'is required' : error.message;
    case 'enum':
      return `must be one of ${(props.enumValues ?? []).join(', ')} (got ${JSON.stringify(error.value)})`;
    case 'min':
      return `must be at least ${props.min} (got ${JSON.stringify(error.value)})`;
    case 'max':
      return `must be at most ${props.max} (got ${JSON.stringify(error.value)})`;
    case 'minlength':
      return `must not be empty`;
    case 'maxlength':
      return `must be at most ${props.maxlength} characters long`;
    default:
      return error.message.replace(/^Path `[^`]+` /, '').replace(/\.$/, '');
  }
}

/**
 * Validates and casts one document against its schema. Throws InvalidInputError naming every
 * field at fault; returns a plain object ready to store.
 */
export async function validateDocument<T>(spec: DocumentSpec<T>, input: unknown): Promise<T> {
  const Model = modelFor(spec);
  let doc: mongoose.Document;
  try {
    doc = new Model(input) as mongoose.Document;
  } catch (error) {
    if (error instanceof mongoose.Error.StrictModeError) {
      throw new InvalidInputError(spec.label, [{ field: error.path, problem: `is not a field of a ${spec.label}` }]);
    }
    throw error;
  }
  try {
    await doc.validate();
  } catch (error) {
    if (error instanceof mongoose.Error.ValidationError) {
      const problems: FieldProblem[] = Object.entries(error.errors).map(([field, e]) => ({
        field,
        problem: describe(e),
      }));
      problems.sort((a, b) => a.field.localeCompare(b.field));
      throw new InvalidInputError(spec.label, problems);
    }
    throw error;
  }
  return doc.toObject({ versionKey: false, flattenMaps: true }) as T;
}

/**
 * Refuses a write its own checks found fault with (dates, blank text), adding what the document
 * would refuse in its other fields, so the caller fixes every field at once; returns when the
 * write's checks found nothing. A field both name is reported once, as the write's check words it.
 */
export async function refuseWhole<T>(
  spec: DocumentSpec<T>,
  draft: Record<string, unknown>,
  problems: FieldProblem[],
  what = spec.label,
): Promise<void> {
  if (problems.length === 0) return;
  const named = new Set(problems.map((p) => p.field));
  let others: FieldProblem[] = [];
  try {
    await validateDocument(spec, { version: 1, ...draft });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    others = error.problems.filter((p) => !named.has(p.field));
  }
  throw new InvalidInputError(what, [...problems, ...others]);
}
