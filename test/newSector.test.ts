import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { subgraphCatalog } from '../platform/catalog.ts';
import { projectPath } from '../platform/schemaFiles.ts';

/*
 * `npm run new-sector` as a ministry's developer runs it, in a temporary copy of the project:
 * with no other step, the new sector type-checks, composes, has its rendering of the sector
 * contract and fresh resolver types and bindings, has its deployment manifest, passes the lint,
 * passes its own tests (which query it through the gateway) and is wired into docker-compose.
 */

let copy: string;
const run = (args: string[], timeout = 240_000) => spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', timeout });

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-new-sector-'));
  const skip = new Set(['node_modules', 'data', '.git', 'test-output', 'coverage']);
  fs.cpSync(projectPath(), copy, {
    recursive: true,
    filter: (source) => !skip.has(path.basename(source)) || path.dirname(source) !== projectPath(),
  });
  fs.symlinkSync(projectPath('node_modules'), path.join(copy, 'node_modules'), 'dir');
}, 60_000);
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

const tsx = () => path.join(copy, 'node_modules', 'tsx', 'dist', 'cli.mjs');

describe('npm run new-sector', () => {
  it('refuses an id that is not a plain name, or one already taken, and changes nothing', () => {
    const before = fs.readFileSync(path.join(copy, 'platform', 'catalog.json'), 'utf8');
    for (const [id, message] of [
      ['Information!', '--id must be lower-case words'],
      ['health', 'already a subgraph'],
      ['demo-data', 'already a subgraph or folder'],
    ]) {
      const result = run([tsx(), 'scripts/newSector.ts', '--id', id!, '--name', 'Ministry of X']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(fs.readFileSync(path.join(copy, 'platform', 'catalog.json'), 'utf8')).toBe(before);
  }, 120_000);

  it('makes a ministry that passes every check of CI with no other step, and its own tests through the gateway', () => {
    const scaffold = run([tsx(), 'scripts/newSector.ts', '--id', 'information', '--name', 'Ministry of Information']);
    expect(scaffold.status, scaffold.stderr + scaffold.stdout).toBe(0);
    expect(scaffold.stdout).toContain('The information sector is in the hub');

    // The services' code, where the new ministry is registered and served, and what it imports
    // (its own test's support included); the scripts and the other tests only read the catalog.
    fs.writeFileSync(
      path.join(copy, 'tsconfig.services.json'),
      JSON.stringify({ extends: './tsconfig.json', include: ['subgraphs', 'gateway'] }),
    );
    const typecheck = run([path.join(copy, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.services.json']);
    expect(typecheck.status, typecheck.stdout).toBe(0);
    // The checks of .ci/run, with no step after new-sector: the supergraph, everything codegen
    // derives (the sector's contract, the lead ministry's types for it, resolver types and
    // bindings), the deployment manifests, and the schema check (no git here: composition,
    // descriptions and auth directives).
    for (const check of [
      ['scripts/compose.ts', '--check'],
      ['scripts/codegen.ts', '--check'],
      ['scripts/deploy/writeK8s.ts', '--check'],
      ['scripts/schemaCheck.ts'],
    ]) {
      const result = run([tsx(), ...check]);
      expect(result.status, `${check.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
    }
    expect(fs.existsSync(path.join(copy, 'deploy', 'k8s', 'information.yaml'))).toBe(true);
    // The lint, on what new-sector wrote and edited.
    const written = [
      'subgraphs/information',
      'platform/catalog.json',
      'subgraphs/coordination/seed/addedSectors.json',
      'docker-compose.yml',
    ];
    const eslint = run([path.join(copy, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'subgraphs/information']);
    expect(eslint.status, eslint.stdout + eslint.stderr).toBe(0);
    const prettier = run([path.join(copy, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', ...written]);
    expect(prettier.status, prettier.stdout + prettier.stderr).toBe(0);
    // Its folder holds only its own: the contract is rendered into generated/ and bound there.
    const sdl = fs.readFileSync(path.join(copy, 'subgraphs', 'information', 'generated', 'contract.graphql'), 'utf8');
    expect(sdl).toMatch(/recordInformationServicePoint\(/);
    const bindings = fs.readFileSync(path.join(copy, 'subgraphs', 'information', 'generated', 'contractResolvers.ts'), 'utf8');
    expect(bindings).toContain('recordInformationServicePoint: Mutation?.recordTemplateServicePoint');
    for (const file of fs.readdirSync(path.join(copy, 'subgraphs', 'information')).filter((f) => f.endsWith('.graphql')))
      expect(fs.readFileSync(path.join(copy, 'subgraphs', 'information', file), 'utf8')).not.toMatch(/InformationServicePoint|type Query/);
    const coordination = fs.readFileSync(path.join(copy, 'subgraphs', 'coordination', 'generated', 'sectors.graphql'), 'utf8');
    expect(coordination).toMatch(/type InformationSector implements SectorAgency/);
    const supergraph = fs.readFileSync(path.join(copy, 'schema', 'supergraph.graphql'), 'utf8');
    expect(supergraph).toMatch(/type InformationSector implements SectorAgency/);

    const tests = run([path.join(copy, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'subgraphs/information']);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/4 passed/);

    const compose = parseYaml(fs.readFileSync(path.join(copy, 'docker-compose.yml'), 'utf8'));
    expect(compose.services.information.command).toEqual(['dist/server/subgraphs/run.js', 'information']);
    // The next port after every subgraph's in the catalog.
    const port = Math.max(...subgraphCatalog.map((entry) => entry.defaultPort)) + 1;
    expect(JSON.stringify(compose.services.information.healthcheck)).toContain(`127.0.0.1:${port}/ready`);
    const gateways = Object.values(compose.services as Record<string, { environment?: Record<string, string> }>).filter(
      (s) => s.environment?.HEALTH_URL,
    );
    expect(gateways.length).toBeGreaterThan(0);
    for (const gateway of gateways) expect(gateway.environment!.INFORMATION_URL).toBe(`http://information:${port}/graphql`);
  }, 420_000);

  it('changes a field of every sector with one edit to the contract and `npm run codegen`', () => {
    const contract = path.join(copy, 'subgraphs', 'sector-core', 'contract.graphql');
    const source = fs.readFileSync(contract, 'utf8');
    const sectorType = 'type {{Type}}Sector implements SectorAgency @key(fields: "id") {\n';
    expect(source.indexOf(sectorType)).toBeGreaterThan(-1);
    fs.writeFileSync(
      contract,
      source.replace(sectorType, `${sectorType}  "Where the {{words}} sector publishes its plan."\n  planUrl: String\n`),
    );
    const codegen = spawnSync('npm', ['run', 'codegen'], { cwd: copy, encoding: 'utf8', timeout: 240_000 });
    expect(codegen.status, codegen.stdout + codegen.stderr).toBe(0);
    for (const check of [
      ['scripts/compose.ts', '--check'],
      ['scripts/codegen.ts', '--check'],
    ]) {
      const result = run([tsx(), ...check]);
      expect(result.status, `${check.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
    }
    const supergraph = fs.readFileSync(path.join(copy, 'schema', 'supergraph.graphql'), 'utf8');
    for (const [folder, type] of [
      ['health', 'HealthSector'],
      ['social-welfare', 'SocialWelfareSector'],
      ['information', 'InformationSector'],
    ]) {
      const rendered = fs.readFileSync(path.join(copy, 'subgraphs', folder!, 'generated', 'contract.graphql'), 'utf8');
      expect(rendered).toMatch(/planUrl: String/);
      expect(supergraph).toMatch(new RegExp(`type ${type} implements SectorAgency[^}]*planUrl: String`));
    }
  }, 300_000);
});
