import type http from 'node:http';

/*
 * Some answers are for this machine only: a development token, metrics without a scrape token in
 * development. The connection's own address tells where a caller is; a header such as
 * X-Forwarded-For is written by the caller and proves nothing. Behind a proxy every caller is the
 * proxy, so none passes this way.
 */

const loopbackV4 = /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Whether the request's connection comes from this machine (127.0.0.0/8 or ::1). */
export function fromLoopback(req: http.IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || loopbackV4.test(address);
}
