/**
 * `npm run schema:check [-- --base <git ref>]`: composes the subgraphs in the working tree and
 * lists, per subgraph and for the graph clients see, every change against the supergraph
 * committed at the base (default HEAD; on a branch, pass `--base origin/main`). Fails on
 * composition errors and on breaking changes not acknowledged in
 * schema/acknowledged-breaking-changes.txt, and names every type, field, argument and enum value
 * that has no description and every query or mutation that says nothing of who may use it.
 *
 * `npm run schema:changelog [-- --base <git ref>]` (`--changelog`) writes docs/schema-changelog.md
 * instead: the same classification for every commit since the base (default the first commit)
 * that changed the committed supergraph.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { subgraphCatalog } from '../platform/catalog.ts';
import { projectPath, readSdl, subgraphSchemaFiles } from '../platform/schemaFiles.ts';
import { workingTreeServices } from './composeSupergraph.ts';
import { changelogSince, firstCommit, renderChangelog } from './schemaCheck/changelog.ts';
import { checkSchema, describeResult, parseAcknowledged } from './schemaCheck/checkSchema.ts';
import { undocumented } from './schemaCheck/undocumented.ts';
import { unprotectedRootFields } from './schemaCheck/unprotected.ts';
import { progress } from './progress.ts';

const changelogFile = projectPath('docs', 'schema-changelog.md');
const { values } = parseArgs({ options: { base: { type: 'string' }, changelog: { type: 'boolean', default: false } } });

if (values.changelog) {
  const base = values.base ?? firstCommit(projectPath());
  const date = execFileSync('git', ['log', '-1', '--format=%ad', '--date=short', base], { cwd: projectPath(), encoding: 'utf8' }).trim();
  progress('schema:changelog')(`classifying every commit that changed the graph since ${base}`);
  const entries = await changelogSince(projectPath(), base);
  fs.writeFileSync(changelogFile, await renderChangelog(entries, { commit: base, date }));
  console.log(`Wrote ${path.relative(projectPath(), changelogFile)}: ${entries.length} commits that changed the graph since ${base}.`);
  process.exit(0);
}
const base = values.base ?? 'HEAD';

function supergraphAt(ref: string): string | null {
  try {
    return execFileSync('git', ['show', `${ref}:schema/supergraph.graphql`], {
      cwd: projectPath(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    console.warn(`No committed supergraph at ${ref}: checking composition only.`);
    return null;
  }
}

progress('schema:check')(`composing the working tree's subgraphs and comparing the graph with ${base}`);
const acknowledgedFile = projectPath('schema', 'acknowledged-breaking-changes.txt');
const result = await checkSchema({
  baseSupergraphSdl: supergraphAt(base),
  services: workingTreeServices(),
  acknowledged: parseAcknowledged(fs.existsSync(acknowledgedFile) ? fs.readFileSync(acknowledgedFile, 'utf8') : ''),
});
console.log(describeResult(result, base));

// Each SDL file once: the shared ones are read by several subgraphs.
const sdlFiles = [...new Set(subgraphCatalog.flatMap((entry) => subgraphSchemaFiles(entry.name, entry.role)))];
const lacking = sdlFiles.flatMap((file) =>
  undocumented(readSdl([file]).document).map((coordinate) => `${path.relative(projectPath(), file)}: ${coordinate}`),
);
if (lacking.length > 0) {
  console.log(`\n${lacking.length} definitions have no description; say what each is:`);
  for (const line of lacking) console.log(`  ${line}`);
}
const unprotected = result.supergraphSdl ? unprotectedRootFields(result.supergraphSdl) : [];
if (unprotected.length > 0) {
  console.log(
    `\n${unprotected.length} queries and mutations say nothing of who may use them; give each @requiresScopes or @authenticated:`,
  );
  for (const coordinate of unprotected) console.log(`  ${coordinate}`);
}
process.exit(result.ok && lacking.length === 0 && unprotected.length === 0 ? 0 : 1);
