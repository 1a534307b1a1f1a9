/**
 * `npm run new-sector -- --id information --name "Ministry of Information" [--short Information]`
 * brings a new ministry into the hub. It writes only what is the sector's own: its folder (a
 * placeholder crisis-centre facet and case response, its words for the sector contract, demo
 * data, its tests, a README), its entry in the catalog and in the lead ministry's registry, and
 * its service in docker-compose. Then it runs what derives the rest from those: `npm run codegen`
 * (the sector contract rendered for it, the lead ministry's types for it, resolver types and
 * bindings, then the supergraph) and `npm run k8s` (the deployment manifests). Every
 * check of .ci/run then passes, and the sector shows up in the cross-sector status at the next start.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { envPrefix, subgraphCatalog } from '../platform/catalog.ts';
import { countries } from '../platform/config.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { sectorIdPattern, sectorNames } from './newSector/names.ts';
import { addToCatalog, addToDockerCompose, addToRegistry } from './newSector/register.ts';
import { sectorFolderFiles } from './newSector/sectorFolder.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const usage = 'Usage: npm run new-sector -- --id <id> --name "<ministry>" [--short "<short name>"]';
let values;
try {
  ({ values } = parseArgs({ options: { id: { type: 'string' }, name: { type: 'string' }, short: { type: 'string' } } }));
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const { id, name, short } = values;
if (!id || !sectorIdPattern.test(id))
  fail(`--id must be lower-case words joined by hyphens, e.g. information or religious-affairs (got ${JSON.stringify(id)})\n${usage}`);
if (!name || name.trim().length < 3)
  fail(`--name must name the ministry, e.g. "Ministry of Information" (got ${JSON.stringify(name)})\n${usage}`);
if (subgraphCatalog.some((entry) => entry.name === id) || ['kit', 'sector-core', 'demo-data'].includes(id))
  fail(`There is already a subgraph or folder called "${id}"`);

const root = projectPath();
const sectors = subgraphCatalog.filter((entry) => entry.role === 'sector');
const referenceEntry = sectors[0]!;
const reference = sectorNames(referenceEntry.name, '');
const sector = sectorNames(id, name.trim(), short?.trim());
const folder = path.join(root, 'subgraphs', id);

const port = addToCatalog(root, sector);
fs.mkdirSync(path.join(folder, 'seed'), { recursive: true });
const written = Object.entries(sectorFolderFiles(sector, port, envPrefix(id))).map(([file, content]) => {
  fs.writeFileSync(path.join(folder, file), content);
  return path.join(folder, file);
});
addToRegistry(root, sector, countries);
addToDockerCompose(root, reference, sector, referenceEntry.defaultPort, port, { from: envPrefix(reference.id), to: envPrefix(id) });
// In the project's style, so that the lint passes on what was written and edited.
for (const file of [
  ...written,
  ...['platform/catalog.json', 'subgraphs/coordination/seed/addedSectors.json', 'docker-compose.yml'].map((f) => path.join(root, f)),
]) {
  if (!fs.existsSync(file)) continue;
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  fs.writeFileSync(file, await prettier.format(fs.readFileSync(file, 'utf8'), options));
}

// What derives from the catalog and the sector's files: the contract rendered for the sector and the
// lead ministry's types for it, then the supergraph (codegen composes), the deployment manifests.
for (const script of ['codegen', 'k8s']) {
  const run = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) fail(`npm run ${script} failed after scaffolding: see above`);
}

console.log(`
The ${sector.words} sector is in the hub: subgraphs/${id}/ (port ${port}), its sector contract and the lead
ministry's types for it, its registry entry, docker-compose, the supergraph and its resolver types.
Next: npm start, then { sectors { name ministry delivery { total } } } lists it;
npx vitest run subgraphs/${id} runs its tests; read subgraphs/${id}/README.md to make it the ministry's own.`);
