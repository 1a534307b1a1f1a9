import type http from 'node:http';

/*
 * In development the gateway mints tokens from its local issuer for the IDE and the dashboard.
 * It gives them only to a caller on its own machine, told by the connection's address: a header
 * such as X-Forwarded-For is written by the caller and proves nothing. Behind a proxy every caller
 * is the proxy, so none gets a token that way; `npm run token` makes one on the hub's machine.
 */

const loopbackV4 = /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Whether the request's connection comes from this machine (127.0.0.0/8 or ::1). */
export function fromLoopback(req: http.IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || loopbackV4.test(address);
}

/** Where someone not on the gateway's machine gets a development token for `role`. */
export const tokenCommand = (role: string) => `npm run token -- --role ${role}`;
