import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { freePort } from '../scripts/freePort.ts';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envPrefix, subgraphCatalog } from '../subgraphs/catalog.ts';
import { projectPath } from '../subgraphs/kit/schemaFiles.ts';
import { postGraphQL } from './support/hub.ts';

/*
 * `npm start` as a user runs it: seven processes on the embedded store, demo data loaded on
 * first run, kept across a restart, and everything stopped cleanly by Ctrl-C (SIGINT).
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function startHub(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('scripts', 'start.ts')], {
    cwd: projectPath(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 45_000);
    child.stdout!.on('data', () => {
      const match = /GraphQL and the IDE: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

/** `npm run token` as a user runs it, against the keys this hub made in its data folder. */
function mintToken(env: Record<string, string>, role: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', projectPath('scripts', 'token.ts'), '--role', role], {
    cwd: projectPath(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

function stopHub(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('npm start', () => {
  it('runs the whole hub on the embedded store, keeps data across restarts and stops on Ctrl-C', async () => {
    const env: Record<string, string> = {
      CRG_DATA_DIR: dataDir,
      CRG_STORE: 'embedded',
      LOG_LEVEL: 'info',
      GATEWAY_PORT: String(await freePort()),
    };
    for (const entry of subgraphCatalog) env[`${envPrefix(entry.name)}_PORT`] = String(await freePort());

    const first = await startHub(env);
    const anonymous = await postGraphQL(first.url, '{ sectors { id } }');
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const auth = { authorization: `Bearer ${mintToken(env, 'analyst')}` };
    const status = await postGraphQL(first.url, '{ sectors { id delivery { total } } }', undefined, auth);
    expect(status.errors).toBeUndefined();
    expect(status.data!.sectors).toHaveLength(5);
    expect(first.output()).toContain('loaded demo data');
    const written = await postGraphQL(
      first.url,
      `mutation { addCrisisCentre(input: { id: "bd-occ-test", name: "Test OCC", hospital: "Test Hospital", place: "Bogura", district: "Bogura" }) { id } }`,
      undefined,
      auth,
    );
    expect(written.errors).toBeUndefined();
    const ide = await fetch(first.url, { headers: { accept: 'text/html' } });
    const page = await ide.text();
    expect(page).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(page).toMatch(/Bearer ey/); // the development IDE starts with a token
    expect(await stopHub(first.child)).toBe(0);
    expect(fs.readdirSync(path.join(dataDir, 'bangladesh')).sort()).toEqual(subgraphCatalog.map((e) => e.name).sort());

    const second = await startHub(env);
    const again = await postGraphQL(second.url, '{ crisisCentre(id: "bd-occ-test") { name } }', undefined, auth);
    expect(again.data!.crisisCentre).toEqual({ name: 'Test OCC' });
    expect(second.output()).not.toContain('loaded demo data');
    expect(await stopHub(second.child)).toBe(0);
  }, 120_000);

  it('stops with a message naming a bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('scripts', 'start.ts')], {
      cwd: projectPath(),
      env: { ...process.env, HEALTH_PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('HEALTH_PORT must be a whole number between 0 and 65535 (got "eighty")');
  });

  it('stops at once, naming the variable, when a port it needs is taken, and starts nothing', async () => {
    const occupied = net.createServer();
    await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    const taken = (occupied.address() as net.AddressInfo).port;
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-taken-'));
    const env: Record<string, string> = { CRG_DATA_DIR: elsewhere, CRG_STORE: 'embedded', GATEWAY_PORT: String(await freePort()) };
    for (const entry of subgraphCatalog) env[`${envPrefix(entry.name)}_PORT`] = String(await freePort());
    env.POLICE_PORT = String(taken);
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', projectPath('scripts', 'start.ts')], {
        cwd: projectPath(),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr!.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain(`Port ${taken} on 127.0.0.1 is already in use (POLICE_PORT)`);
      expect(fs.readdirSync(elsewhere)).toEqual([]);
    } finally {
      occupied.close();
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
