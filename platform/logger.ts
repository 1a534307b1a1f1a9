import { pino } from 'pino';
import { activeTraceIds } from './tracing.ts';

export type Logger = pino.Logger;

/**
 * Structured JSON logs, one line per event, on standard output (or `destination`). A line written
 * inside a traced request carries its trace_id and span_id, so the trace and the logs meet.
 */
export function createLogger(level: string, bindings: Record<string, unknown> = {}, destination?: pino.DestinationStream): Logger {
  const options = { level, base: bindings, timestamp: pino.stdTimeFunctions.isoTime, mixin: activeTraceIds };
  return destination ? pino(options, destination) : pino(options);
}
