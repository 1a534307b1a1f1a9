import { pino } from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs, one line per event, on standard output. */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({ level, base: bindings, timestamp: pino.stdTimeFunctions.isoTime });
}
