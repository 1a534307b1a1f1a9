import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** Polls until `found` returns something, or fails after `ms` naming what was awaited. */
export async function waitFor<T>(what: string, found: () => T | undefined | Promise<T | undefined>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
