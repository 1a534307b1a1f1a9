import { spawn } from 'node:child_process';
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

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in the copy to its end; killed after `timeout` ms (status null), which is longer
 * than any one check takes: side by side on a busy machine, each takes longer than alone.
 */
function runCommand(command: string, args: string[], timeout = 400_000): Promise<Ran> {
  const child = spawn(command, args, { cwd: copy, stdio: ['ignore', 'pipe', 'pipe'], timeout });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
const run = (args: string[], timeout?: number) => runCommand(process.execPath, args, timeout);
/** A script of the copy run through tsx, as `npm run` runs it (in one process, not tsx's CLI and its child). */
const script = (file: string, ...args: string[]) => run(['--import', 'tsx', file, ...args]);
/** A command-line tool of the copy's node_modules. */
const tool = (relative: string, ...args: string[]) => run([path.join(copy, 'node_modules', relative), ...args]);

/**
 * Runs the checks side by side, at most `width` at a time, in the order given (the longest first):
 * each waits on its own process, and the machine has more than one core. Resolves with every result.
 */
async function allOf(checks: (() => Promise<Ran>)[], width = 3): Promise<Ran[]> {
  const results: Ran[] = [];
  let next = 0;
  const lane = async () => {
    while (next < checks.length) {
      const index = next++;
      results[index] = await checks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, checks.length) }, lane));
  return results;
}

/** The TypeScript files of the services (subgraphs, gateway, platform) that are new in the copy or differ from the project's. */
function changedCode(): string[] {
  return ['subgraphs', 'gateway', 'platform'].flatMap((area) =>
    (fs.readdirSync(path.join(copy, area), { recursive: true }) as string[])
      .map((file) => path.join(area, file))
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => {
        const original = projectPath(file);
        return !fs.existsSync(original) || !fs.readFileSync(original).equals(fs.readFileSync(path.join(copy, file)));
      }),
  );
}

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

describe('npm run new-sector', () => {
  it('refuses an id that is not a plain name, or one already taken, and changes nothing', async () => {
    const before = fs.readFileSync(path.join(copy, 'platform', 'catalog.json'), 'utf8');
    const refusals = [
      ['Information!', '--id must be lower-case words'],
      ['health', 'already a subgraph'],
      ['demo-data', 'already a subgraph or folder'],
    ] as const;
    const results = await allOf(
      refusals.map(
        ([id]) =>
          () =>
            script('scripts/newSector.ts', '--id', id, '--name', 'Ministry of X'),
      ),
    );
    for (const [i, [, message]] of refusals.entries()) {
      expect(results[i]!.status).toBe(2);
      expect(results[i]!.stderr).toContain(message);
    }
    expect(fs.readFileSync(path.join(copy, 'platform', 'catalog.json'), 'utf8')).toBe(before);
  }, 120_000);

  it('makes a ministry that passes every check of CI with no other step, and its own tests through the gateway', async () => {
    const scaffold = await script('scripts/newSector.ts', '--id', 'information', '--name', 'Ministry of Information');
    expect(scaffold.status, scaffold.stderr + scaffold.stdout).toBe(0);
    expect(scaffold.stdout).toContain('The information sector is in the hub');

    // The services' code that new-sector wrote or changed, whole folders, with what they import
    // (its own test's support included). The code it left alone type-checks as in the project
    // (CI's typecheck): no subgraph folder imports another and the gateway imports none
    // (test/layout.test.ts), and the catalog, which every service reads, keeps its type.
    const changedFolders = [...new Set(changedCode().map((file) => file.split('/').slice(0, 2).join('/')))].sort();
    expect(changedFolders).toEqual(['subgraphs/coordination', 'subgraphs/information']);
    const catalog = JSON.parse(fs.readFileSync(path.join(copy, 'platform', 'catalog.json'), 'utf8')) as Record<string, unknown>[];
    const shape = (entry: Record<string, unknown>) => Object.entries(entry).map(([key, value]) => `${key}: ${typeof value}`);
    for (const entry of catalog) expect(shape(entry)).toEqual(shape(catalog[0]!));
    fs.writeFileSync(path.join(copy, 'tsconfig.services.json'), JSON.stringify({ extends: './tsconfig.json', include: changedFolders }));
    // The checks of .ci/run, with no step after new-sector: the supergraph, everything codegen
    // derives (the sector's contract, the lead ministry's types for it, resolver types and
    // bindings), the deployment manifests, and the schema check (no git here: composition,
    // descriptions and auth directives); the lint, on what new-sector wrote and edited; and the
    // sector's own tests. None writes to the copy, so they run side by side.
    const ciChecks = [
      ['scripts/compose.ts', '--check'],
      ['scripts/codegen.ts', '--check'],
      ['scripts/schemaCheck.ts'],
      ['scripts/deploy/writeK8s.ts', '--check'],
    ];
    const written = [
      'subgraphs/information',
      'platform/catalog.json',
      'subgraphs/coordination/seed/addedSectors.json',
      'docker-compose.yml',
    ];
    const [typecheck, eslint, tests, prettier, ...ci] = await allOf([
      () => tool('typescript/bin/tsc', '-p', 'tsconfig.services.json'),
      () => tool('eslint/bin/eslint.js', 'subgraphs/information'),
      () => tool('vitest/vitest.mjs', 'run', 'subgraphs/information'),
      () => tool('prettier/bin/prettier.cjs', '--check', ...written),
      ...ciChecks.map(
        ([file, ...args]) =>
          () =>
            script(file!, ...args),
      ),
    ]);
    expect(typecheck!.status, typecheck!.stdout).toBe(0);
    for (const [i, check] of ciChecks.entries()) {
      const result = ci[i]!;
      expect(result.status, `${check.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
    }
    expect(fs.existsSync(path.join(copy, 'deploy', 'k8s', 'information.yaml'))).toBe(true);
    expect(eslint!.status, eslint!.stdout + eslint!.stderr).toBe(0);
    expect(prettier!.status, prettier!.stdout + prettier!.stderr).toBe(0);
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

    expect(tests!.status, tests!.stdout + tests!.stderr).toBe(0);
    expect(tests!.stdout).toMatch(/4 passed/);

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

  it('changes a field of every sector with one edit to the contract and `npm run codegen`', async () => {
    const contract = path.join(copy, 'subgraphs', 'sector-core', 'contract.graphql');
    const source = fs.readFileSync(contract, 'utf8');
    const sectorType = 'type {{Type}}Sector implements SectorAgency @key(fields: "id") {\n';
    expect(source.indexOf(sectorType)).toBeGreaterThan(-1);
    fs.writeFileSync(
      contract,
      source.replace(sectorType, `${sectorType}  "Where the {{words}} sector publishes its plan."\n  planUrl: String\n`),
    );
    const codegen = await runCommand('npm', ['run', 'codegen']);
    expect(codegen.status, codegen.stdout + codegen.stderr).toBe(0);
    const checks = [
      ['scripts/compose.ts', '--check'],
      ['scripts/codegen.ts', '--check'],
    ];
    const results = await allOf(
      checks.map(
        ([file, ...args]) =>
          () =>
            script(file!, ...args),
      ),
    );
    for (const [i, check] of checks.entries()) {
      expect(results[i]!.status, `${check.join(' ')}: ${results[i]!.stdout}${results[i]!.stderr}`).toBe(0);
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
