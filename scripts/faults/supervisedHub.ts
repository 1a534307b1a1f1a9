import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { envPrefix, subgraphCatalog } from '../../platform/catalog.ts';
import { readConfig } from '../../platform/config.ts';
import { mintLocalToken, type TokenRequest } from '../../platform/auth/localIssuer.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { freePort } from '../freePort.ts';

/** `npm start` as a user runs it, in a child process, with what a fault needs to reach its parts. */
export interface SupervisedHub {
  url: string;
  env: Record<string, string>;
  launcher: ChildProcess;
  /** Everything the launcher and its services printed so far. */
  output(): string;
  /** The pid of the process serving `service` now (a subgraph's name, or "gateway"). */
  pidOf(service: string): number;
  /** A caller token from the hub's local issuer, as `npm run token` mints it. */
  token(role: TokenRequest['role'], sector?: string): Promise<string>;
  /** Ctrl-C, and the launcher's exit code. */
  stop(): Promise<number | null>;
}

/** Free ports for the gateway and every subgraph, as the variables `npm start` reads. */
export async function freePortsEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = { GATEWAY_PORT: String(await freePort()) };
  for (const entry of subgraphCatalog) env[`${envPrefix(entry.name)}_PORT`] = String(await freePort());
  return env;
}

export async function startSupervisedHub(env: Record<string, string>, readyWithinMs = 120_000): Promise<SupervisedHub> {
  // NODE_ENV as a user's shell has it, not a test runner's "test", which libraries treat specially.
  const fullEnv = { ...process.env, NODE_ENV: '', ...env } as Record<string, string>;
  const launcher = spawn(process.execPath, ['--import', 'tsx', projectPath('scripts', 'start.ts')], {
    cwd: projectPath(),
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  launcher.stdout.on('data', (chunk) => (output += chunk));
  launcher.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start within ${readyWithinMs} ms:\n${output}`)), readyWithinMs);
    const look = () => {
      const match = /GraphQL and the IDE: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    launcher.stdout.on('data', look);
    launcher.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited with ${code}:\n${output}`));
    });
  });
  const config = readConfig(fullEnv);
  return {
    url,
    env: fullEnv,
    launcher,
    output: () => output,
    pidOf: (service) => childPid(launcher.pid!, service),
    token: (role, sector) => mintLocalToken(config, { role, sector }),
    stop: () =>
      new Promise((resolve) => {
        if (launcher.exitCode !== null) return resolve(launcher.exitCode);
        launcher.once('exit', (code) => resolve(code));
        launcher.kill('SIGINT');
      }),
  };
}

/** The launcher's child serving `service` (Linux: read from /proc). */
function childPid(launcher: number, service: string): number {
  const script = service === 'gateway' ? path.join('gateway', 'main.ts') : path.join('subgraphs', 'run.ts');
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const runsIt = command.some((arg) => arg.endsWith(script)) && (service === 'gateway' || command.includes(service));
      if (parent === launcher && runsIt) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`no ${service} process under the launcher (pid ${launcher})`);
}

/** Polls until `check` holds; throws after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
