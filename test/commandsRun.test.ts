import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../platform/schemaFiles.ts';

/*
 * Every command the documentation gives (the commands table lists every package.json script, see
 * test/docs.test.ts) is run somewhere on every change: by CI itself, or by a test that starts its
 * script, or by npm before another command that is. The few that only measure, and take minutes,
 * are named here with the reason (and those whose test runs the module doing their work, too); a new command must join one of these or the test fails.
 */
const measuredOnly: Record<string, string> = {
  bench: 'compares gateways under load for minutes; its results are in docs/performance.md',
  'bench:pathway': 'loads 100,000 cases to time pathway aggregates; results in docs/performance.md',
  'bench:memory': 'puts our gateway under load for minutes to account for its memory; results in docs/performance.md',
  'dashboard:speed': 'times the dashboard in a browser on a throttled profile; results in docs/dashboard.md',
  format: 'rewrites files; CI runs its check half (`npm run lint`)',
};

/** Commands whose test runs the module that does their work rather than the command itself. */
const engines: Record<string, string> = {
  faults: 'scripts/faults/run.ts',
  build: 'scripts/compiledServer.ts',
  'dashboard:build': 'dashboard/build.ts',
  k8s: 'scripts/deploy/writeK8s.ts',
};

const packageJson = JSON.parse(fs.readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> };
const ci = fs.readFileSync(projectPath('.ci', 'run'), 'utf8');
const testFiles = ['test', 'scripts', 'gateway', 'platform', 'subgraphs', 'dashboard'].flatMap((folder) =>
  fs
    .readdirSync(projectPath(folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts') && file !== 'commandsRun.test.ts')
    .map((file) => path.join(folder, file)),
);
const testSources = testFiles.map((file) => ({ file, source: fs.readFileSync(projectPath(file), 'utf8') }));

/** The source file a script runs, e.g. `scripts/report.ts` for `tsx scripts/report.ts`. */
function scriptFile(command: string): string | null {
  return /\btsx (\S+\.ts)\b/.exec(command)?.[1] ?? null;
}

/** Where a command is run on every change, or null. */
function whereRun(name: string): string | null {
  if (new RegExp(`npm run ${name.replace(':', '\\:')}(\\s|$)`, 'm').test(ci)) return '.ci/run';
  if (name === 'test') return '.ci/run';
  const file = scriptFile(packageJson.scripts[name]!);
  const lifecycle = Object.keys(packageJson.scripts).find((other) => other === `pre${name}` || `pre${other}` === name);
  const engine = engines[name];
  const names = [
    `npm run ${name}'`,
    `'run', '${name}'`,
    ...(file ? [file, `'${path.basename(file)}'`] : []),
    ...(engine ? [`/${path.basename(engine)}'`] : []),
  ];
  const test = testSources.find(({ source }) => names.some((needle) => source.includes(needle)));
  if (test) return test.file;
  // `prestart` runs with `npm start`, which a test runs.
  if (name.startsWith('pre') && lifecycle && whereRun(name.slice(3))) return `npm ${name.slice(3)}`;
  return null;
}

describe('every documented command', () => {
  it('is run by CI or by a test, unless it only measures', () => {
    const notRun = Object.keys(packageJson.scripts).filter((name) => !(name in measuredOnly) && whereRun(name) === null);
    expect(notRun).toEqual([]);
  });

  it('names only measuring commands that exist and are really not run', () => {
    for (const name of Object.keys(measuredOnly)) expect(packageJson.scripts).toHaveProperty(name);
    expect(Object.keys(measuredOnly).filter((name) => name !== 'format' && whereRun(name) !== null)).toEqual([]);
  });

  it('finds the test of a command it knows is tested', () => {
    // A matcher that stopped matching would let every command pass as measured or not at all.
    expect(whereRun('backup')).toBe('test/backup.test.ts');
    expect(whereRun('lint')).toBe('.ci/run');
  });
});
