/**
 * `npm start`: every subgraph in its own process, then the gateway; Ctrl-C stops them all.
 * `npm start -- --country south-africa` loads another country's demo data (CRG_COUNTRY works too).
 * `npm start -- --watch health` runs the health subgraph in watch mode: it restarts whenever a
 * file it uses changes, while the rest of the hub keeps running.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { envPrefix, subgraphCatalog } from '../subgraphs/catalog.ts';
import { developmentKeys } from '../subgraphs/kit/auth/configuredKeys.ts';
import { ConfigError, countries, readConfig } from '../subgraphs/kit/config.ts';
import { projectPath } from '../subgraphs/kit/schemaFiles.ts';
import { takenPorts } from './start/takenPorts.ts';

const countryFlag = process.argv.indexOf('--country');
if (countryFlag !== -1) {
  const country = process.argv[countryFlag + 1];
  if (!country || !(countries as readonly string[]).includes(country)) {
    console.error(`--country must be one of ${countries.join(', ')} (got ${JSON.stringify(country)})`);
    process.exit(2);
  }
  process.env.CRG_COUNTRY = country;
}

const watchFlag = process.argv.indexOf('--watch');
const watched = watchFlag === -1 ? undefined : process.argv[watchFlag + 1];
if (watchFlag !== -1 && !subgraphCatalog.some((entry) => entry.name === watched)) {
  console.error(`--watch must name a subgraph: ${subgraphCatalog.map((e) => e.name).join(', ')} (got ${JSON.stringify(watched)})`);
  process.exit(2);
}

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

const problems = await takenPorts(config.host, [
  { variable: 'GATEWAY_PORT', port: config.gatewayPort },
  ...subgraphCatalog.map((entry) => ({ variable: `${envPrefix(entry.name)}_PORT`, port: config.subgraphPorts[entry.name]! })),
]);
if (problems.length > 0) {
  console.error(`${problems.join('\n')}\n(Is another hub already running? Nothing was started.)`);
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

/**
 * The watched subgraph runs under `tsx watch`, which restarts it on every change; it has no
 * message channel to us, so it counts as started once it answers /ready.
 */
function launchWatched(name: string): Promise<string> {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsxCli, 'watch', '--clear-screen=false', projectPath('subgraphs/run.ts'), name], {
    env: process.env,
    stdio: 'inherit',
  });
  children.set(name, child);
  child.on('exit', () => children.delete(name));
  const ready = `http://127.0.0.1:${config.subgraphPorts[name]}/ready`;
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      if (
        await fetch(ready).then(
          (r) => r.ok,
          () => false,
        )
      )
        return resolve(config.subgraphUrls[name]!);
      if (Date.now() > deadline || child.exitCode !== null) return reject(new Error(`${name} (watched) did not become ready`));
      setTimeout(poll, 200);
    };
    void poll();
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
  await Promise.all(
    subgraphCatalog.map((entry) =>
      entry.name === watched ? launchWatched(entry.name) : launch(entry.name, 'subgraphs/run.ts', [entry.name]),
    ),
  );
  const url = await launch('gateway', 'gateway/main.ts', []);
  const publicUrl = url.replace('127.0.0.1', 'localhost');
  console.log(
    `\nCoordinated Response Graph is up in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(${config.country} demo data, ${config.store} store).\n` +
      `  GraphQL and the IDE: ${publicUrl}\n` +
      `  Dashboard:           ${publicUrl.replace(/\/graphql$/, '/dashboard/')}\n` +
      (config.mode === 'development'
        ? `  The IDE starts with an analyst's token; for other roles and tools: npm run token -- --role <role>\n`
        : '') +
      (watched ? `  ${watched} restarts whenever one of its files changes.\n` : '') +
      `  Press Ctrl-C to stop.\n`,
  );
} catch (error) {
  console.error(`Start-up failed: ${(error as Error).message}`);
  await stopAll(1);
}
