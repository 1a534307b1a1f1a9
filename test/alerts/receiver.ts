import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request as the receiver got it, once its signature verified. */
export interface Received {
  id: string;
  headers: http.IncomingHttpHeaders;
  event: Record<string, any>;
}

/**
 * A subscriber's webhook endpoint as a receiving system would run it: it verifies every request's
 * Standard Webhooks signature with the secret it was given, keeps each event once by its
 * `webhook-id`, and answers with `status` (204 by default). It can be taken down and brought
 * back on the same port.
 */
export class Receiver {
  /** Every request that verified, duplicates included, in arrival order. */
  readonly received: Received[] = [];
  /** Each event kept once, by webhook-id. */
  readonly kept = new Map<string, Received>();
  /** Requests whose signature did not verify. */
  readonly refused: string[] = [];
  /** Every connection made to it, signed or not. */
  connections = 0;
  status = 204;
  secret = '';
  private server: http.Server | undefined;
  private port = 0;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          const event = new Webhook(this.secret).verify(body, req.headers as Record<string, string>) as Record<string, any>;
          const id = String(req.headers['webhook-id']);
          const received = { id, headers: req.headers, event };
          this.received.push(received);
          if (!this.kept.has(id)) this.kept.set(id, received);
          res.writeHead(this.status).end();
        } catch (error) {
          this.refused.push((error as Error).message);
          res.writeHead(400).end();
        }
      });
    });
    this.server.on('connection', () => (this.connections += 1));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/crg-events`;
  }

  /** Goes down: connections are refused until it starts again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The events of one type it kept. */
  keptOfType(type: string): Received[] {
    return [...this.kept.values()].filter((r) => r.event.type === type);
  }
}

/**
 * A receiver that takes a request whole, then answers it a byte at a time and never finishes the
 * answer's headers: its connection is never idle, so only a whole deadline on the attempt ends it.
 * The first `trickled` requests are answered so; the later ones with 204 at once.
 */
export class TricklingReceiver {
  /** The webhook-id of every request, in arrival order. */
  readonly ids: string[] = [];
  /** The most requests it held open at one time. */
  mostOpen = 0;
  private open = 0;
  private readonly server = net.createServer((socket) => this.serve(socket));
  private readonly sockets = new Set<net.Socket>();

  constructor(private trickled = 1) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/crg-events`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: net.Socket) {
    let received = '';
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(received)?.[1];
      if (end < 0 || length === undefined || received.length < end + 4 + Number(length)) return;
      socket.removeAllListeners('data');
      this.ids.push(/\r\nwebhook-id: *([^\r]+)/i.exec(received)?.[1] ?? '');
      if (this.trickled === 0) {
        socket.end('HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n');
        return;
      }
      this.trickled -= 1;
      this.open += 1;
      this.mostOpen = Math.max(this.mostOpen, this.open);
      socket.write('HTTP/1.1 200 OK\r\nx-slow: ');
      const timer = setInterval(() => socket.write('a'), 100);
      socket.on('close', () => {
        clearInterval(timer);
        this.open -= 1;
      });
    });
  }
}
