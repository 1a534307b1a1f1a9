import fs from 'node:fs';
import type { composeServices } from '@apollo/composition';
import { projectPath } from '../platform/schemaFiles.ts';
import { parseAcknowledged } from './schemaCheck/checkSchema.ts';

/**
 * What composition accepts but warns about, e.g. a type described one way in one subgraph and
 * another way in another (the supergraph then shows one of the two, and readers of the other
 * subgraph's SDL were told something else). `npm run compose -- --check` fails on every hint not
 * acknowledged in schema/acknowledged-composition-hints.txt, and on an acknowledgement whose hint
 * no longer occurs, so the file only ever lists what is still true.
 */
export interface CompositionHint {
  code: string;
  /** The schema coordinate the hint is about, e.g. `CrisisCentre` or `FrameworkAction.id`. */
  coordinate: string;
  message: string;
}

/** The package exports the hint class only through the composition result. */
type ApolloHint = NonNullable<ReturnType<typeof composeServices>['hints']>[number];

export function fromApolloHint(hint: ApolloHint): CompositionHint {
  return { code: hint.definition.code, coordinate: hint.coordinate ?? '(schema)', message: hint.message };
}

/** How a hint is named in the acknowledgements file: `CODE Coordinate`. */
export function hintKey(hint: CompositionHint): string {
  return `${hint.code} ${hint.coordinate}`;
}

export interface HintVerdict {
  unacknowledged: CompositionHint[];
  /** Acknowledgements that name no current hint. */
  stale: string[];
}

export function judgeHints(hints: CompositionHint[], acknowledged: Map<string, string>): HintVerdict {
  const keys = new Set(hints.map(hintKey));
  return {
    unacknowledged: hints.filter((hint) => !acknowledged.has(hintKey(hint))),
    stale: [...acknowledged.keys()].filter((key) => !keys.has(key)),
  };
}

export const acknowledgedHintsFile = projectPath('schema', 'acknowledged-composition-hints.txt');

/** The acknowledged hints, by key, with their reasons; none when the file does not exist. */
export function readAcknowledgedHints(): Map<string, string> {
  return parseAcknowledged(fs.existsSync(acknowledgedHintsFile) ? fs.readFileSync(acknowledgedHintsFile, 'utf8') : '');
}
