import type { FrameworkDoc, FrameworkEventKind, FrameworkStatus } from './models.ts';

/*
 * How a framework's life reads: which one is in force, which it replaced, and which events may
 * follow its status. One place, so the graph, the obligations and the writes agree.
 */

/** In force: adopted (or adopted and under review), and not superseded. */
export const inForce = (framework: Pick<FrameworkDoc, 'status'>) => framework.status === 'ADOPTED' || framework.status === 'UNDER_REVIEW';

/** Newest first: by the first day of the period, then by id for a stable order. */
export const newestFirst = (a: FrameworkDoc, b: FrameworkDoc) => +b.period.start - +a.period.start || a._id.localeCompare(b._id);

/** The framework in force; the newest when a store holds several (a plan adopted before the old one was marked superseded). */
export function currentOf(frameworks: readonly FrameworkDoc[]): FrameworkDoc | undefined {
  return [...frameworks].filter(inForce).sort(newestFirst)[0];
}

/** The framework that took this one's place, as its SUPERSEDED event names it. */
export function supersededByIdOf(framework: FrameworkDoc): string | null {
  return (framework.events ?? []).findLast((e) => e.kind === 'SUPERSEDED')?.supersededById ?? null;
}

/** The frameworks this one took the place of. */
export function supersededBy(frameworks: readonly FrameworkDoc[], framework: FrameworkDoc): FrameworkDoc[] {
  return frameworks.filter((f) => supersededByIdOf(f) === framework._id).sort(newestFirst);
}

/** The framework and every one it took the place of, back to the first (each once, whatever the records say). */
export function chainOf(frameworks: readonly FrameworkDoc[], framework: FrameworkDoc): FrameworkDoc[] {
  const chain = [framework];
  for (let i = 0; i < chain.length; i += 1) {
    for (const earlier of supersededBy(frameworks, chain[i]!)) if (!chain.includes(earlier)) chain.push(earlier);
  }
  return chain;
}

/**
 * The status each event may follow and the status it leaves. A framework is drafted and tabled
 * while a draft, adopted once, published and reviewed while in force, and superseded once;
 * nothing follows its supersession.
 */
export const transitions: Record<FrameworkEventKind, { from: readonly FrameworkStatus[]; to: FrameworkStatus | 'UNCHANGED' }> = {
  DRAFTED: { from: ['DRAFT'], to: 'UNCHANGED' },
  TABLED: { from: ['DRAFT', 'ADOPTED', 'UNDER_REVIEW'], to: 'UNCHANGED' },
  ADOPTED: { from: ['DRAFT'], to: 'ADOPTED' },
  PUBLISHED: { from: ['ADOPTED', 'UNDER_REVIEW'], to: 'UNCHANGED' },
  REVIEW_STARTED: { from: ['ADOPTED'], to: 'UNDER_REVIEW' },
  REVIEWED: { from: ['ADOPTED', 'UNDER_REVIEW'], to: 'ADOPTED' },
  SUPERSEDED: { from: ['DRAFT', 'ADOPTED', 'UNDER_REVIEW'], to: 'SUPERSEDED' },
};

/** The status after `kind`, or null when `kind` cannot follow `status`. */
export function statusAfter(status: FrameworkStatus, kind: FrameworkEventKind): FrameworkStatus | null {
  const rule = transitions[kind];
  if (!rule.from.includes(status)) return null;
  return rule.to === 'UNCHANGED' ? status : rule.to;
}
