/**
 * `npm run compose` writes schema/supergraph.graphql from the subgraphs' SDL, and the schema
 * reference (docs/schema-reference.md) from it.
 * `npm run compose -- --check` writes nothing and fails when either committed file is stale or
 * the subgraphs do not compose (CI runs it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { supergraphPath } from '../gateway/supergraph.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { composeSupergraph } from './composeSupergraph.ts';
import { schemaReference } from './schemaReference.ts';

const check = process.argv.includes('--check');
const result = composeSupergraph();
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
if (stale) process.exit(1);
