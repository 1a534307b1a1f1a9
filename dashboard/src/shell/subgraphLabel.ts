import type { I18n } from '../i18n/I18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { en } from '../i18n/en.ts';

/** A subgraph's name for people; a subgraph added after this bundle was built shows its id. */
export function subgraphLabel(i18n: I18n, subgraph: string): string {
  const key = `subgraph.${subgraph}`;
  return key in en ? i18n.t(key as MessageKey) : subgraph;
}
