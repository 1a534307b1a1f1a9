import type { I18n } from '../i18n/I18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { en } from '../i18n/en.ts';

/** The label under `key`, or `fallback` for a value this bundle has no label for (added to the graph later). */
export function labelOr(i18n: I18n, key: string, fallback: string): string {
  return key in en ? i18n.t(key as MessageKey) : fallback;
}

/** A subgraph's name for people. */
export const subgraphLabel = (i18n: I18n, subgraph: string) => labelOr(i18n, `subgraph.${subgraph}`, subgraph);

/** A service point kind's name for people. */
export const kindLabel = (i18n: I18n, kind: string) => labelOr(i18n, `kind.${kind}`, kind);

/** How often a body meets, in words from its cadence's interval and unit (its stored description is in one language only). */
export const cadenceInWords = (i18n: I18n, cadence: { interval: number; unit: 'WEEK' | 'MONTH' }) =>
  i18n.plural(`cadence.${cadence.unit}`, cadence.interval);
