/**
 * Progress lines for the commands that take more than a few seconds (`npm run build`, `bench`, …):
 * what they are doing, "n of m" where they repeat, and the time since they started, e.g.
 * `[bench 2:05] round 1 of 3: SectorStatus (2 of 7), 9 targets of 5 s each`. On standard error,
 * so standard output stays the tables and results that people and scripts read.
 */
import type { Writable } from 'node:stream';

export type Progress = (message: string) => void;

/** Minutes and seconds, as a person reads a stopwatch: `0:07`, `12:30`. */
export function stopwatch(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A writer of progress lines for `command`, timed from now. */
export function progress(command: string, stream: Pick<Writable, 'write'> = process.stderr): Progress {
  const started = performance.now();
  return (message) => void stream.write(`[${command} ${stopwatch(performance.now() - started)}] ${message}\n`);
}

/** `2 of 7`. */
export const nOf = (n: number, total: number) => `${n} of ${total}`;
