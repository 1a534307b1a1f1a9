import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Supervisor, type Service } from '../../scripts/start/supervisor.ts';
import { needsAPersonExitCode } from '../../platform/shutdown.ts';

/*
 * The supervisor behind `npm start`, with small processes standing in for the services: each
 * says it is ready over its IPC channel, as a subgraph does, then behaves as told.
 */

/** A service whose process becomes ready, then exits with `exitCodes[n]` on its n-th run (stays up after). */
function service(name: string, exitCodes: number[], readyFirst = true): Service & { runs: number } {
  const self = {
    name,
    runs: 0,
    launch() {
      const code = exitCodes[self.runs];
      self.runs += 1;
      const script = [
        readyFirst ? `process.send({ ready: ${JSON.stringify(name)}, url: 'http://x/${self.runs}' });` : '',
        code === undefined
          ? 'setInterval(() => {}, 1000); process.on("SIGTERM", () => process.exit(0));'
          : `setTimeout(() => process.exit(${code}), 50);`,
      ].join('\n');
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      const ready = new Promise<string>((resolve) =>
        child.on('message', (m: { ready?: string; url?: string }) => m.ready === name && resolve(m.url!)),
      );
      return { child, ready };
    },
  };
  return self;
}

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not so in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the supervisor', () => {
  it('restarts a service that stops after it was ready, waiting longer each time it stops again soon', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor((line) => lines.push(line), needsAPersonExitCode, {
      firstMs: 50,
      maxMs: 200,
      healthyAfterMs: 60_000,
    });
    const flaky = service('flaky', [1, 1, 1, 1]);
    expect(await supervisor.start(flaky)).toBe('http://x/1');
    await until(() => flaky.runs === 5 && lines.some((l) => l === 'flaky is back (restart 4).'));
    expect(lines.filter((l) => l.startsWith('flaky stopped'))).toEqual([
      'flaky stopped (exit code 1); the others keep serving. Restarting it in 50 ms (restart 1).',
      'flaky stopped (exit code 1); the others keep serving. Restarting it in 100 ms (restart 2).',
      'flaky stopped (exit code 1); the others keep serving. Restarting it in 200 ms (restart 3).',
      'flaky stopped (exit code 1); the others keep serving. Restarting it in 200 ms (restart 4).',
    ]);
    expect(supervisor.restartCounts()).toEqual({ flaky: 4 });
    await supervisor.stopAll(2_000);
  });

  it('leaves stopped a service that says only a person can fix what stops it, and says so', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor((line) => lines.push(line), needsAPersonExitCode, {
      firstMs: 50,
      maxMs: 200,
      healthyAfterMs: 60_000,
    });
    const damaged = service('damaged', [needsAPersonExitCode]);
    const steady = service('steady', []);
    await Promise.all([supervisor.start(damaged), supervisor.start(steady)]);
    await until(() => lines.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(damaged.runs).toBe(1);
    expect(lines).toEqual([
      'damaged stopped and will not start until someone acts on the reason it gave above; the others keep serving. Restart the hub once it is dealt with.',
    ]);
    expect(steady.runs).toBe(1);
    await supervisor.stopAll(2_000);
  });

  it('fails the start when a service stops before it was ever ready', async () => {
    const supervisor = new Supervisor(() => undefined, needsAPersonExitCode);
    await expect(supervisor.start(service('broken', [1], false))).rejects.toThrow('broken stopped before it was ready (exit code 1)');
    await supervisor.stopAll(2_000);
  });
});
