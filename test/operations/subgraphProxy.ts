import http from 'node:http';
import type net from 'node:net';

/** What a proxy can hold unanswered: revision requests (lease polls and checks), or GraphQL calls. */
export type HeldRequests = 'revision' | 'graphql';

/**
 * A proxy in front of one subgraph that forwards everything and counts what passes: lease polls
 * (revision requests with a gateway id), checks (without) and GraphQL calls. Told to, it holds
 * one kind unanswered, as a network that stops passing them would, until released.
 */
export async function subgraphProxy(target: string) {
  const targetUrl = new URL(target);
  const seen = { polls: 0, checks: 0, graphql: 0 };
  let holding: HeldRequests | undefined;
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const forward = () => {
      const upstream = http.request(
        { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://proxy');
    const kind: HeldRequests | undefined = pathname.endsWith('/revision')
      ? 'revision'
      : pathname.endsWith('/graphql')
        ? 'graphql'
        : undefined;
    if (kind === 'revision') {
      if (searchParams.has('gateway')) seen.polls++;
      else seen.checks++;
    }
    if (kind === 'graphql') seen.graphql++;
    if (kind && kind === holding) return void held.push(forward);
    forward();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`,
    seen,
    /** How many requests are held now. */
    get held() {
      return held.length;
    },
    hold(kind: HeldRequests = 'revision') {
      holding = kind;
    },
    release() {
      holding = undefined;
      for (const forward of held.splice(0)) forward();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
