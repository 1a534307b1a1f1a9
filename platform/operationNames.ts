/*
 * Operation names come from callers, who may write anything a GraphQL name allows into one. Where
 * the hub records them (metrics labels, trace spans) it goes through this rule: a plain name of
 * bounded length, and only so many distinct ones, so that a caller can neither grow what is kept
 * without bound nor write a sentence into it. The rest are "other".
 */

const maxOperationNames = 200;
const plainName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The name to record for an operation name: itself, `anonymous` or `other`. */
export type OperationNamer = (name: string | null | undefined) => string;

/** A namer with its own count of the distinct names it has let through. */
export function boundedOperationNames(max = maxOperationNames): OperationNamer {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (!plainName.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= max) return 'other';
    seen.add(name);
    return name;
  };
}
