import fs from 'node:fs';
import { projectPath } from '../platform/schemaFiles.ts';

/** The committed supergraph, composed by `npm run compose` from every subgraph's SDL. */
export const supergraphPath = projectPath('schema', 'supergraph.graphql');

export function readSupergraph(file = supergraphPath): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the supergraph at ${file} (run \`npm run compose\`): ${(error as Error).message}`);
  }
}
