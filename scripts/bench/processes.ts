import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { envPrefix, subgraphCatalog } from '../../platform/catalog.ts';
import { projectPath } from '../../platform/schemaFiles.ts';
import { freePort } from '../freePort.ts';
import { compileServer, compiledPath } from '../compiledServer.ts';

export { freePort } from '../freePort.ts';

let runCompiled = false;

/**
 * From now on, services start from the compiled JavaScript in dist/server/ (compiled here, first,
 * unless `compile` is false), as production runs them; scripts with no compiled counterpart (the
 * peer gateway) still run through tsx.
 */
export function useCompiledServer(compile = true): void {
  if (compile) compileServer();
  runCompiled = true;
}

/** For a script's --reuse-build flag: runs dist/server/ as last compiled when `reuse`, or compiles it first; says which. */
export function useCompiledBuild(reuse: boolean, say: (message: string) => void): void {
  say(reuse ? 'running dist/server/ as it is (--reuse-build)' : 'compiling the server code, to run it as production does');
  useCompiledServer(!reuse);
}

export interface Service {
  name: string;
  url: string;
  child: ChildProcess;
}

/**
 * Starts one service (`script`, a source file named from the project root, or the absolute path of
 * a compiled file) in its own process,
 * as `npm start` does, and resolves once it says it is ready. Its standard output (the JSON logs) is dropped; errors still show.
 */
export function launch(
  name: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  extraExecArgv: string[] = [],
): Promise<Service> {
  return new Promise((resolve, reject) => {
    // An absolute path to a compiled file runs as it is (another build, to compare with this one).
    const given = path.isAbsolute(script) && script.endsWith('.js');
    const compiled = given || (runCompiled && fs.existsSync(compiledPath(script)));
    const child = fork(given ? script : compiled ? compiledPath(script) : projectPath(script), args, {
      execArgv: [...(compiled ? [] : ['--import', 'tsx']), ...extraExecArgv],
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const failed = (code: number | null) => reject(new Error(`${name} stopped before it was ready (exit code ${code})`));
    child.once('exit', failed);
    child.on('message', (message: { ready?: string; url?: string }) => {
      if (!message.ready) return;
      child.off('exit', failed);
      resolve({ name, url: message.url ?? '', child });
    });
  });
}

/** Stops services with SIGTERM and waits for them to exit. */
export async function stopAll(services: Service[]): Promise<void> {
  await Promise.all(
    services.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null) return resolve();
          s.child.once('exit', () => resolve());
          s.child.kill('SIGTERM');
        }),
    ),
  );
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

const clockTicksPerSecond = 100; // USER_HZ: 100 on every Linux architecture Node runs on

/** CPU time a process has used so far (user + system), in ms, from /proc (Linux); NaN elsewhere. */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) * 1000) / clockTicksPerSecond;
  } catch {
    return NaN;
  }
}

/** The process and every process it started, and theirs (Linux, from /proc): a gateway that forks workers is all of them. */
export function processTree(pid: number | undefined): number[] {
  if (!pid) return [];
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // It ended while we looked.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** CPU time of a process tree so far, in ms (processes that ended are not counted). */
export const treeCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + (cpuMs(pid) || 0), 0);

/** Resident memory of a process tree, in MB. */
export const treeRssMb = (pids: number[]) => pids.reduce((sum, pid) => sum + (rssMb(pid) || 0), 0);

/**
 * The environment of a hub run in its own processes for measuring: development keys in `dataDir`,
 * the given store, the demo data's fixed day, loopback only, and every subgraph on a free port.
 */
export async function measuredHubEnvironment(dataDir: string, store: string, extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CRG_MODE: 'development',
    CRG_STORE: store,
    CRG_DATA_DIR: dataDir,
    CRG_TODAY: '2026-11-24',
    CRG_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // A measuring caller sends thousands of requests a second: the per-caller limit would refuse them.
    GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  };
  for (const { name } of subgraphCatalog) {
    const port = await freePort();
    env[`${envPrefix(name)}_PORT`] = String(port);
    env[`${envPrefix(name)}_URL`] = `http://127.0.0.1:${port}/graphql`;
  }
  return env;
}

/**
 * CPU time every thread of a process has used so far, in ms to the nanosecond (Linux, from each
 * thread's schedstat): fine enough to compare a few dozen requests, where /proc's stat counts
 * hundredths of a second.
 */
export function preciseCpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    let ns = 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // The thread ended while we looked.
      }
    }
    return ns / 1e6;
  } catch {
    return NaN;
  }
}
