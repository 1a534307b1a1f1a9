import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Turns one sector's answers into garbage and back. */
export interface GarbageSwitch {
  on(): void;
  off(): void;
  url: string;
  close(): Promise<void>;
}

/**
 * A proxy the gateway is pointed at instead of the sector: it passes every request through
 * untouched, or, switched on, answers 200 with a body that is not GraphQL, as a broken
 * deployment or a captive portal in front of a ministry's server would.
 */
export async function startGarbageProxy(targetPort: number): Promise<GarbageSwitch> {
  let garbage = false;
  const server = http.createServer((req, res) => {
    if (garbage) {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Service temporarily unavailable</body></html>');
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    on: () => (garbage = true),
    off: () => (garbage = false),
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
