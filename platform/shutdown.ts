import type { Logger } from './logger.ts';

/**
 * Set by `npm start` for the services it supervises. Ctrl-C in a terminal signals the whole
 * process group, and the supervisor then sends SIGTERM to each service: a supervised service
 * leaves SIGINT to its supervisor so that it is asked to stop once, not twice.
 */
export const supervisedVariable = 'CRG_SUPERVISED';

/**
 * The exit code of a service that refused to start for a reason only a person can fix (its
 * configuration, a damaged or emptied store file): EX_CONFIG from sysexits.h. A supervisor does
 * not restart it; restarting would only repeat the refusal.
 */
export const needsAPersonExitCode = 78;

/**
 * Stops a service cleanly on SIGTERM (what Kubernetes and docker send) or SIGINT: readiness fails
 * at once, requests in flight finish, then the process exits. A second signal, or a stop that
 * takes longer than `hardLimitMs`, exits at once so a hung dependency cannot wedge a deploy. A
 * service started by a supervisor that has gone (killed outright) stops the same way, instead
 * of running on unsupervised and holding its port.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger, hardLimitMs = 25_000): (reason: string) => void {
  let stopping = false;
  const stopThenExit = (exitCode: number) => {
    stopping = true;
    setTimeout(() => {
      logger.error({ hardLimitMs }, 'requests still running at the stop deadline: exiting');
      process.exit(1);
    }, hardLimitMs).unref();
    stop().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        logger.error({ error: (error as Error).message }, 'stop failed');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals | 'supervisor gone') => {
    if (stopping) {
      logger.warn({ signal }, 'second stop signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'stopping: finishing requests in flight');
    stopThenExit(0);
  };
  process.on('SIGTERM', onSignal);
  if (process.env[supervisedVariable] === '1') {
    process.on('SIGINT', () => undefined);
    process.on('disconnect', () => {
      if (!stopping) onSignal('supervisor gone');
    });
  } else {
    process.on('SIGINT', onSignal);
  }
  /**
   * Stops the same way from within, for a fault the process cannot serve through, and exits with
   * 1 so that whatever supervises it (npm start, Kubernetes, docker) starts it again.
   */
  return (reason: string) => {
    if (stopping) return;
    logger.error({ reason }, 'stopping: finishing requests in flight, then exiting with 1 to be restarted');
    stopThenExit(1);
  };
}
