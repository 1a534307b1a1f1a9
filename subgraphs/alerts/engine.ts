import type { GraphAccess } from '../kit/graphAccess.ts';
import { checkGraph, type CheckResult } from './checker.ts';
import type { AlertRepositories, AlertServices } from './context.ts';
import { sweep } from './deliveries.ts';

/**
 * The alerts service at work: a check of the graph every `checkIntervalMs` (or when asked), and a
 * sweep of due deliveries every `sweepMs` and right after a check raised something. Checks run
 * one at a time, and so do sweeps; stop waits for the one in flight.
 */
export class AlertEngine {
  private checking: Promise<unknown> = Promise.resolve();
  private sweeping: Promise<void> | undefined;
  private sweepAgain = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(
    readonly services: AlertServices,
    private readonly graph: GraphAccess,
  ) {}

  start(): void {
    const { checkIntervalMs, sweepMs } = this.services.settings;
    if (checkIntervalMs > 0) this.every(checkIntervalMs, () => this.check().then(() => undefined));
    this.every(sweepMs, () => this.sweep());
  }

  /** Asks the graph now (after any check in flight) and starts delivering what it raised. */
  check(): Promise<CheckResult> {
    const run = this.checking.then(() => checkGraph(this.services, this.graph));
    this.checking = run.catch(() => undefined);
    return run.then((result) => {
      for (const problem of result.problems) this.services.logger.warn({ problem }, 'alert check incomplete');
      if (result.raised.length > 0) void this.sweep();
      return result;
    });
  }

  /**
   * Sends what is due. A sweep asked for while one runs is run again once that one ends: what was
   * stored meanwhile (an event just raised, a replay) may have come too late for the running one.
   */
  sweep(): Promise<void> {
    // A check that ends during stop must not start a sweep the closing store would be pulled from under.
    if (this.stopped) return Promise.resolve();
    if (this.sweeping) {
      this.sweepAgain = true;
      return this.sweeping;
    }
    const run = async () => {
      do {
        this.sweepAgain = false;
        await sweep(this.services).catch((error: Error) =>
          this.services.logger.error({ error: error.message }, 'alert delivery sweep failed'),
        );
      } while (this.sweepAgain && !this.stopped);
    };
    this.sweeping = run().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    // The check first: a sweep it asked for before stop is then in `sweeping`.
    await this.checking;
    await this.sweeping;
  }

  private every(ms: number, work: () => Promise<void>) {
    const timer = setInterval(() => {
      if (!this.stopped) work().catch((error: Error) => this.services.logger.error({ error: error.message }, 'alert work failed'));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}

// The resolvers find the engine of the subgraph that serves them through its repositories: one
// process may run several alerts subgraphs (tests do), each with its own store and engine.
const engines = new WeakMap<AlertRepositories, AlertEngine>();

export function registerEngine(repos: AlertRepositories, engine: AlertEngine): void {
  engines.set(repos, engine);
}

export function engineFor(repos: AlertRepositories): AlertEngine {
  const engine = engines.get(repos);
  if (!engine) throw new Error('The alerts engine has not started for this store');
  return engine;
}
