import type { FieldProblem } from './errors.ts';

/*
 * Free text made of spaces says nothing: a referral "because  ", a meeting decision "", a
 * survivor's name " ". Writes refuse it, naming the field, instead of storing it.
 */

/** The fields checked, by name; a field left out (null) is not checked. */
export type TextFields = Record<string, string | null | undefined>;

const blank = (text: string | null | undefined) => text != null && text.trim() === '';

/** Text the write needs: a reason, a name, a title. */
export function requiredText(fields: TextFields): FieldProblem[] {
  return Object.entries(fields).flatMap(([field, text]) => (blank(text) ? [{ field, problem: 'must not be empty' }] : []));
}

/** Text the caller may leave out: given, it must say something. */
export function optionalText(fields: TextFields): FieldProblem[] {
  return Object.entries(fields).flatMap(([field, text]) =>
    blank(text) ? [{ field, problem: 'is empty: leave it out when there is nothing to say' }] : [],
  );
}

/** Every text of a list, named by its place in it: `decisions[2]`. */
export function listed(field: string, texts: readonly string[]): TextFields {
  return Object.fromEntries(texts.map((text, i) => [`${field}[${i}]`, text]));
}
