/**
 * `npm start`: every subgraph in its own process, then the gateway, each restarted if it stops;
 * Ctrl-C stops them all.
 * `npm start -- --country south-africa` loads another country's demo data (CRG_COUNTRY works too).
 * `npm start -- --watch health` runs the health subgraph in watch mode: it restarts whenever a
 * file it uses changes, while the rest of the hub keeps running.
 */
import { fork, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { envPrefix, subgraphCatalog } from '../platform/catalog.ts';
import { developmentKeys } from '../platform/auth/configuredKeys.ts';
import { ConfigError, countries, readConfig } from '../platform/config.ts';
import { readTracingConfig } from '../platform/tracingConfig.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { needsAPersonExitCode, supervisedVariable } from '../platform/shutdown.ts';
import { DataFolderLockedError, lockDataFolder } from '../subgraphs/kit/store/dataFolderLock.ts';
import { Supervisor, type Service } from './start/supervisor.ts';
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
  // Checked here too, so a wrong OTEL_* variable stops start-up once instead of in every service.
  readTracingConfig();
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

// One hub per data folder: a second one would write the same files. (The memory store has none.)
const dataFolder = path.resolve(config.dataDir, config.country);
let lock: { release(): Promise<void> } | undefined;
if (config.store === 'embedded') {
  try {
    lock = await lockDataFolder(dataFolder, 'hub');
  } catch (error) {
    console.error(error instanceof DataFolderLockedError ? `${error.message}\nNothing was started.` : error);
    process.exit(1);
  }
}

const supervisor = new Supervisor((line) => console.error(`[hub] ${line}`), needsAPersonExitCode);
const childEnv = { ...process.env, [supervisedVariable]: '1' };

/** A service in its own process; it tells us over the IPC channel once it is ready. */
function forked(name: string, script: string, args: string[]): Service {
  return {
    name,
    launch() {
      const child = fork(projectPath(script), args, { execArgv: ['--import', 'tsx'], env: childEnv, stdio: 'inherit' });
      const ready = new Promise<string>((resolve) =>
        child.on('message', (message: { ready?: string; url?: string }) => {
          if (message.ready === name) resolve(message.url ?? '');
        }),
      );
      return { child, ready };
    },
  };
}

/**
 * The watched subgraph runs under `tsx watch`, which restarts it on every change; it has no
 * message channel to us, so it counts as ready once it answers /ready.
 */
function watchedSubgraph(name: string): Service {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  return {
    name,
    launch() {
      const child = spawn(process.execPath, [tsxCli, 'watch', '--clear-screen=false', projectPath('subgraphs/run.ts'), name], {
        env: childEnv,
        stdio: 'inherit',
      });
      const readyUrl = `http://127.0.0.1:${config.subgraphPorts[name]}/ready`;
      const ready = new Promise<string>((resolve, reject) => {
        const deadline = Date.now() + 60_000;
        const poll = async () => {
          const answered = await fetch(readyUrl).then(
            (r) => r.ok,
            () => false,
          );
          if (answered) return resolve(config.subgraphUrls[name]!);
          if (Date.now() > deadline || child.exitCode !== null) return reject(new Error(`${name} (watched) did not become ready`));
          // poll settles `ready` itself and cannot reject (a failed fetch counts as not ready).
          setTimeout(() => void poll(), 200);
        };
        void poll();
      });
      return { child, ready };
    },
  };
}

let stopping = false;
async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await supervisor.stopAll();
  const restarted = Object.entries(supervisor.restartCounts()).filter(([, n]) => n > 0);
  if (restarted.length > 0) console.error(`[hub] Restarts while running: ${restarted.map(([name, n]) => `${name} ${n}`).join(', ')}.`);
  await lock?.release();
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const started = Date.now();
  await Promise.all(
    subgraphCatalog.map((entry) =>
      supervisor.start(entry.name === watched ? watchedSubgraph(entry.name) : forked(entry.name, 'subgraphs/run.ts', [entry.name])),
    ),
  );
  const url = await supervisor.start(forked('gateway', 'gateway/main.ts', []));
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
      `  A service that stops is started again; the others keep serving meanwhile.\n` +
      `  Press Ctrl-C to stop.\n`,
  );
} catch (error) {
  console.error(`Start-up failed: ${(error as Error).message}`);
  await stop(1);
}
