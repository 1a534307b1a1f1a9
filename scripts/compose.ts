/**
 * `npm run compose` writes schema/supergraph.graphql from the subgraphs' SDL.
 * `npm run compose -- --check` writes nothing and fails when the committed file is stale or
 * the subgraphs do not compose (CI runs it).
 */
import fs from 'node:fs';
import { supergraphPath } from '../gateway/supergraph.ts';
import { composeSupergraph } from './composeSupergraph.ts';

const check = process.argv.includes('--check');
const result = composeSupergraph();
if (!result.supergraphSdl) {
  console.error(`The subgraphs do not compose (${result.errors.length} errors):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}
const committed = fs.existsSync(supergraphPath) ? fs.readFileSync(supergraphPath, 'utf8') : '';
if (check) {
  if (committed !== result.supergraphSdl) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date.');
} else {
  fs.writeFileSync(supergraphPath, result.supergraphSdl);
  console.log(committed === result.supergraphSdl ? 'Supergraph unchanged.' : 'Wrote schema/supergraph.graphql.');
}
