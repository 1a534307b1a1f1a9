import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { freePort } from '../scripts/freePort.ts';
import { startSupervisedHub, waitUntil } from '../scripts/faults/supervisedHub.ts';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envPrefix, subgraphCatalog } from '../platform/catalog.ts';
import { projectPath } from '../platform/schemaFiles.ts';
import { postGraphQL } from './support/hub.ts';

/*
 * `npm start` as a user runs it: seven processes on the embedded store, demo data loaded on
 * first run, kept across a restart, and everything stopped cleanly by Ctrl-C (SIGINT).
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

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

/** Runs `npm start` to its end, as one that is refused. */
function runToEnd(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('scripts', 'start.ts')], {
    cwd: projectPath(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

// Side by side: the two refusals wait on processes of their own while the hub starts.
describe.concurrent('npm start', () => {
  it('runs the whole hub on the embedded store, keeps data across restarts and stops on Ctrl-C', async () => {
    const env: Record<string, string> = {
      CRG_DATA_DIR: dataDir,
      CRG_STORE: 'embedded',
      LOG_LEVEL: 'info',
      GATEWAY_PORT: String(await freePort()),
    };
    for (const entry of subgraphCatalog) env[`${envPrefix(entry.name)}_PORT`] = String(await freePort());

    const first = await startSupervisedHub(env);
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

    // A second hub on the same data folder, even on other ports, is refused before it opens a file.
    const otherPorts: Record<string, string> = { GATEWAY_PORT: String(await freePort()) };
    for (const entry of subgraphCatalog) otherPorts[`${envPrefix(entry.name)}_PORT`] = String(await freePort());
    // (Not spawnSync: a blocked test process would miss the gateway closing idle connections.)
    const rival = await runToEnd({ ...env, ...otherPorts });
    expect(rival.code).toBe(1);
    expect(rival.stderr).toContain(`${path.join(dataDir, 'bangladesh')} is in use by another hub`);
    expect(rival.stderr).toContain('Nothing was started.');

    // One sector's process killed outright: the others keep answering, the gateway names the
    // missing sector, and the supervisor brings it back by itself.
    const police = first.pidOf('police');
    process.kill(police, 'SIGKILL');
    const degraded = await postGraphQL(first.url, '{ sectors { id delivery { total } } }', undefined, auth);
    expect((degraded.data!.sectors as { id: string; delivery: unknown }[]).filter((s) => s.delivery !== null).map((s) => s.id)).toEqual(
      expect.arrayContaining(['health', 'justice', 'social-welfare', 'education']),
    );
    expect(degraded.errors!.map((e) => e.message).join(' ')).toMatch(/police/);
    const backWithin = Date.now();
    await waitUntil(
      async () => !(await postGraphQL(first.url, '{ sectors { id delivery { total } } }', undefined, auth)).errors,
      20_000,
      'police answers again',
    );
    expect(Date.now() - backWithin).toBeLessThan(20_000);
    expect(first.output()).toContain('[hub] police stopped (SIGKILL); the others keep serving. Restarting it in 1 s (restart 1).');
    expect(first.output()).toContain('[hub] police is back (restart 1).');
    expect(first.pidOf('police')).not.toBe(police);

    // Ctrl-C drains every service once: seven graceful stops, no second signal.
    expect(await first.stop()).toBe(0);
    expect(first.output().match(/stopping: finishing requests in flight/g)).toHaveLength(subgraphCatalog.length + 1);
    expect(first.output()).not.toContain('second stop signal');
    expect(first.output()).toContain('[hub] Restarts while running: police 1.');
    expect(fs.readdirSync(path.join(dataDir, 'bangladesh')).sort()).toEqual(subgraphCatalog.map((e) => e.name).sort());

    const second = await startSupervisedHub(env);
    const again = await postGraphQL(second.url, '{ crisisCentre(id: "bd-occ-test") { name } }', undefined, auth);
    expect(again.data!.crisisCentre).toEqual({ name: 'Test OCC' });
    expect(second.output()).not.toContain('loaded demo data');
    expect(await second.stop()).toBe(0);
  }, 180_000);

  it('stops with a message naming a bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('scripts', 'start.ts')], {
      cwd: projectPath(),
      env: { ...process.env, HEALTH_PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
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
      child.stderr.on('data', (chunk) => (output += chunk));
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
