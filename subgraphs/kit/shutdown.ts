import type { Logger } from './logger.ts';

/**
 * Stops a service cleanly on SIGTERM (what Kubernetes and docker send) or SIGINT: readiness fails
 * at once, requests in flight finish, then the process exits. A second signal, or a stop that
 * takes longer than `hardLimitMs`, exits at once so a hung dependency cannot wedge a deploy.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger, hardLimitMs = 25_000): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second stop signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    setTimeout(() => {
      logger.error({ hardLimitMs }, 'requests still running at the stop deadline: exiting');
      process.exit(1);
    }, hardLimitMs).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ error: (error as Error).message }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
