import { randomUUID } from 'node:crypto';
import type http from 'node:http';

export const requestIdHeader = 'x-request-id';

// A caller's id is kept only when it is short and plain, so it cannot forge log lines, break a
// header or blow up a log index; anything else is replaced, never echoed.
const saneRequestId = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The caller's request id when it is a sane value, a new one otherwise. */
export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers[requestIdHeader];
  return typeof given === 'string' && saneRequestId.test(given) ? given : randomUUID();
}
