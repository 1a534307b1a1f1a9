import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsAPersonExitCode } from '../../platform/shutdown.ts';
import type { Identity } from '../../platform/auth/identity.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey, loadOrCreateDevelopmentKeys } from '../../platform/auth/keys.ts';
import { scopesByRole } from '../../platform/auth/roles.ts';
import { graphqlBody, postGraphQL, TODAY } from '../support/hub.ts';

/*
 * The subgraph as its own process (`npm run subgraph -- health`), as npm start and a deployment
 * run it: the lock on its store folder is per process, so only a second process can show that a
 * second copy is refused; and only the process can show that a failed write ends it with 1, for
 * its supervisor to start it again from its files.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-store-process-'));
const folder = path.join(dataDir, 'bangladesh', 'health');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Exited {
  code: number | null;
  stderr: string;
}

/** `subgraphs/run.ts health` on the test's data folder and an ephemeral port. */
function runHealth(): { child: ChildProcess; ready: Promise<string>; exited: Promise<Exited> } {
  const child = fork(path.resolve('subgraphs/run.ts'), ['health'], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      CRG_DATA_DIR: dataDir,
      CRG_COUNTRY: 'bangladesh',
      CRG_STORE: 'embedded',
      CRG_MODE: 'development',
      CRG_TODAY: TODAY,
      HEALTH_PORT: '0',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<Exited>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  const ready = new Promise<string>((resolve, reject) => {
    child.on('message', (message: { url?: string }) => message.url && resolve(message.url));
    void exited.then(({ code, stderr: said }) => reject(new Error(`exited with ${code} before ready: ${said}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, exited };
}

let first: ReturnType<typeof runHealth>;
let url: string;
beforeAll(async () => {
  first = runHealth();
  url = await first.ready;
}, 60_000);
afterAll(() => {
  if (first.child.exitCode === null) first.child.kill('SIGKILL');
});

describe('the health subgraph as a process on the embedded store', () => {
  it('refuses a second process on the same store folder with one line naming the folder and the holder', async () => {
    const second = runHealth();
    const { code, stderr } = await second.exited;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `${folder} is in use by another process serving the health subgraph (its lock ${path.join(folder, 'in-use.lock')} is kept fresh). ` +
        'Two processes writing the same files would corrupt them: stop the other one, or give this one another CRG_DATA_DIR.',
    ]);
    expect(first.child.exitCode).toBeNull();
  }, 60_000);

  it('answers a write the disk refuses with STORE_UNAVAILABLE, then stops and exits with 1 to be restarted', async () => {
    const keys = await loadOrCreateDevelopmentKeys(dataDir);
    const signingKey = await importKey(keys.gatewayPrivate, internalTokenAlgorithm);
    const officer: Identity = {
      subject: 'officer@health',
      role: 'sector-officer',
      sector: 'health',
      scopes: scopesByRole['sector-officer'],
    };
    const mutation = `mutation($input: ProgressReportInput!) { reportHealthActionProgress(input: $input) { id } }`;
    const variables = { input: { actionId: 'bd-a2-3', status: 'DELAYED', note: 'written while the disk was full' } };

    const file = path.join(folder, 'progressReports.db');
    fs.rmSync(file);
    fs.symlinkSync('/dev/full', file);
    const headers = await gatewayCallHeaders(officer, 'health', signingKey, graphqlBody(mutation, variables));
    const answer = await postGraphQL(url, mutation, variables, headers);
    expect(answer.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');

    const { code } = await first.exited;
    expect(code).toBe(1);
    // It stopped without compacting its memory into the files.
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
  }, 60_000);

  it('refuses to start on a collection that is no file, in one line, without reading it, and asks not to be restarted', async () => {
    const again = runHealth();
    const { code, stderr } = await again.exited;
    expect(code).toBe(needsAPersonExitCode);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${path.join(folder, 'progressReports.db')} cannot be read: not a regular file`);
    expect(stderr).toContain('npm run store:repair');
  }, 60_000);
});
