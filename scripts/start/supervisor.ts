import type { ChildProcess } from 'node:child_process';

/** One service the supervisor keeps running: how to start a process of it and learn it is ready. */
export interface Service {
  name: string;
  launch(): { child: ChildProcess; ready: Promise<string> };
}

export interface Backoff {
  /** Wait before the first restart; doubled for each restart that follows too soon. */
  firstMs: number;
  maxMs: number;
  /** A service up this long is counted healthy again: its next restart waits `firstMs`. */
  healthyAfterMs: number;
}

export const defaultBackoff: Backoff = { firstMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };

interface Running {
  service: Service;
  child?: ChildProcess;
  readyAt?: number;
  restarts: number;
  /** Restarts since the service was last up for `healthyAfterMs`. */
  failuresInARow: number;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps each service running on its own: one that exits after it was ready is started again with
 * backoff while the others keep serving, and every restart is reported; one that exits saying
 * only a person can fix what stops it (a damaged store file) is left stopped, and that is said. A service that exits
 * before it was ever ready fails the start, as a mistake in configuration should. Stopping asks
 * each service once (SIGTERM) and waits for its drain.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  private stopping = false;

  constructor(
    private readonly report: (line: string) => void,
    /** The exit code of a service that refused for a reason only a person can fix. */
    private readonly doNotRestartCode: number,
    private readonly backoff: Backoff = defaultBackoff,
  ) {}

  /** Starts a service; resolves with its URL once ready, rejects if it exits first. */
  async start(service: Service): Promise<string> {
    const entry: Running = { service, restarts: 0, failuresInARow: 0 };
    this.running.set(service.name, entry);
    return this.run(entry, true);
  }

  /** Restarts so far, by service. */
  restartCounts(): Record<string, number> {
    return Object.fromEntries([...this.running].map(([name, entry]) => [name, entry.restarts]));
  }

  private run(entry: Running, first: boolean): Promise<string> {
    const { child, ready } = entry.service.launch();
    entry.child = child;
    entry.readyAt = undefined;
    let exited = false;
    child.once('exit', (code, signal) => {
      exited = true;
      const how = signal ?? `exit code ${code}`;
      if (entry.child === child) entry.child = undefined;
      if (this.stopping || first) return;
      if (code === this.doNotRestartCode) {
        this.report(
          `${entry.service.name} stopped and will not start until someone acts on the reason it gave above; ` +
            `the others keep serving. Restart the hub once it is dealt with.`,
        );
        return;
      }
      this.scheduleRestart(entry, how);
    });
    const becameReady = ready.then((url) => {
      entry.readyAt = Date.now();
      if (!first) this.report(`${entry.service.name} is back (restart ${entry.restarts}).`);
      return url;
    });
    if (!first) {
      becameReady.catch(() => undefined);
      return becameReady;
    }
    // At first start a service that dies before it is ready fails the start.
    return new Promise((resolve, reject) => {
      becameReady.then((url) => {
        first = false;
        if (exited) this.scheduleRestart(entry, 'exited');
        resolve(url);
      }, reject);
      child.once('exit', (code, signal) => {
        if (first) reject(new Error(`${entry.service.name} stopped before it was ready (${signal ?? `exit code ${code}`})`));
      });
    });
  }

  private scheduleRestart(entry: Running, how: string): void {
    const upFor = entry.readyAt === undefined ? 0 : Date.now() - entry.readyAt;
    if (upFor >= this.backoff.healthyAfterMs) entry.failuresInARow = 0;
    const waitMs = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** entry.failuresInARow);
    entry.failuresInARow += 1;
    entry.restarts += 1;
    this.report(
      `${entry.service.name} stopped (${how}); the others keep serving. Restarting it in ${waitMs < 1000 ? `${waitMs} ms` : `${waitMs / 1000} s`} ` +
        `(restart ${entry.restarts}).`,
    );
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!this.stopping) void this.run(entry, false).catch(() => undefined);
    }, waitMs);
  }

  /** Asks every service to drain and stop, once; kills what is still running after `graceMs`. */
  async stopAll(graceMs = 30_000): Promise<void> {
    this.stopping = true;
    const children: ChildProcess[] = [];
    for (const entry of this.running.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      if (entry.child && entry.child.exitCode === null && entry.child.signalCode === null) children.push(entry.child);
    }
    const exits = children.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
    for (const child of children) child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(exits), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
