/**
 * `npm run compose` writes schema/supergraph.graphql from the subgraphs' SDL (composed with
 * Apollo's composition), and the schema reference (docs/schema-reference.md) from it, and prints
 * composition's hints.
 * `npm run compose -- --check` writes nothing and fails when either committed file is stale, when
 * the subgraphs do not compose (with Apollo's composition or with The Guild's), or on a hint not acknowledged in
 * schema/acknowledged-composition-hints.txt (CI runs it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { supergraphPath } from '../gateway/supergraph.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { composeSupergraph } from './composeSupergraph.ts';
import { hintKey, judgeHints, readAcknowledgedHints } from './compositionHints.ts';
import { schemaReference } from './schemaReference.ts';
import { progress } from './progress.ts';
import { subgraphCatalog } from '../platform/catalog.ts';

const check = process.argv.includes('--check');
progress('compose')(`composing the supergraph from ${subgraphCatalog.length} subgraphs`);
const result = await composeSupergraph({ theGuilds: check });
if (!result.supergraphSdl) {
  console.error(`The subgraphs do not compose (${result.errors.length} errors):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}

const outputs = [
  { file: supergraphPath, content: result.supergraphSdl },
  { file: projectPath('docs', 'schema-reference.md'), content: schemaReference(result.supergraphSdl) },
];
let stale = false;
for (const { file, content } of outputs) {
  const name = path.relative(projectPath(), file);
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed === content) {
    console.log(`${name} is up to date.`);
  } else if (check) {
    console.error(`${name} is stale: run \`npm run compose\` and commit the result.`);
    stale = true;
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    console.log(`Wrote ${name}.`);
  }
}

const acknowledged = readAcknowledgedHints();
const verdict = judgeHints(result.hints, acknowledged);
for (const hint of result.hints) {
  const reason = acknowledged.get(hintKey(hint));
  console.log(`\n${hintKey(hint)}${reason === undefined ? '' : ` (acknowledged: ${reason})`}\n${hint.message}`);
}
console.log(`\n${result.hints.length} composition hints, ${verdict.unacknowledged.length} not acknowledged.`);
if (verdict.unacknowledged.length > 0) {
  console.error('Make the subgraphs agree (for a description: the same text in every subgraph that declares the element),');
  console.error('or, if it cannot be fixed yet, acknowledge it in schema/acknowledged-composition-hints.txt with the reason:');
  for (const hint of verdict.unacknowledged) console.error(`  ${hintKey(hint)}`);
}
for (const key of verdict.stale) {
  console.error(`schema/acknowledged-composition-hints.txt acknowledges \`${key}\`, which no longer occurs: remove the line.`);
}
if (stale || (check && (verdict.unacknowledged.length > 0 || verdict.stale.length > 0))) process.exit(1);
