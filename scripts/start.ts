/**
 * `npm start`: every subgraph in its own process, then the gateway; Ctrl-C stops them all.
 * `npm start -- --country south-africa` loads another country's demo data (CRG_COUNTRY works too).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { subgraphCatalog } from '../subgraphs/catalog.ts';
import { developmentKeys } from '../subgraphs/kit/auth/configuredKeys.ts';
import { ConfigError, countries, readConfig } from '../subgraphs/kit/config.ts';
import { projectPath } from '../subgraphs/kit/schemaFiles.ts';

const countryFlag = process.argv.indexOf('--country');
if (countryFlag !== -1) {
  const country = process.argv[countryFlag + 1];
  if (!country || !(countries as readonly string[]).includes(country)) {
    console.error(`--country must be one of ${countries.join(', ')} (got ${JSON.stringify(country)})`);
    process.exit(2);
  }
  process.env.CRG_COUNTRY = country;
}

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

// Made once here, before seven processes race to make them.
if (config.mode === 'development') await developmentKeys(config);

const children = new Map<string, ChildProcess>();
let stopping = false;

function launch(name: string, script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(projectPath(script), args, { execArgv: ['--import', 'tsx'], env: process.env, stdio: 'inherit' });
    children.set(name, child);
    child.on('message', (message: { ready?: string; url?: string }) => {
      if (message.ready === name) resolve(message.url ?? '');
    });
    child.on('exit', (code, signal) => {
      children.delete(name);
      if (!stopping) {
        reject(new Error(`${name} stopped (${signal ?? `exit code ${code}`})`));
        void stopAll(1);
      }
    });
  });
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = [...children.values()].map(
    (child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve()))),
  );
  for (const child of children.values()) child.kill('SIGTERM');
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 10_000))]);
  for (const child of children.values()) child.kill('SIGKILL');
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  const started = Date.now();
  await Promise.all(subgraphCatalog.map((entry) => launch(entry.name, 'subgraphs/run.ts', [entry.name])));
  const url = await launch('gateway', 'gateway/main.ts', []);
  const publicUrl = url.replace('127.0.0.1', 'localhost');
  console.log(
    `\nCoordinated Response Graph is up in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(${config.country} demo data, ${config.store} store).\n` +
      `  GraphQL and the IDE: ${publicUrl}\n` +
      (config.mode === 'development'
        ? `  The IDE starts with an analyst's token; for other roles and tools: npm run token -- --role <role>\n`
        : '') +
      `  Press Ctrl-C to stop.\n`,
  );
} catch (error) {
  console.error(`Start-up failed: ${(error as Error).message}`);
  await stopAll(1);
}
