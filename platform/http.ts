import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestIdHeader, requestIdOf } from './requestId.ts';
import type { RequestTracer } from './tracing.ts';

/** What a plain route answers. */
export interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A plain route next to GraphQL: health and readiness checks, the IDE page. */
export type Route = (req: http.IncomingMessage) => Promise<Answer>;

/** A route that may leave a request to what serves the path without it (GraphQL on its path): null then. */
export type RouteOrPass = (req: http.IncomingMessage) => Promise<Answer | null>;

/** A route taking a JSON body by POST: the case registry's answers to sector subgraphs. */
export type PostRoute = (req: http.IncomingMessage, body: string) => Promise<Answer>;

/**
 * What answers the GraphQL requests: an Apollo Server, or anything that takes its HTTP requests
 * the same way (the gateway puts its own check of the request's shape in front of one).
 */
export type GraphQLHttpHandler<C extends BaseContext> = Pick<ApolloServer<C>, 'executeHTTPGraphQLRequest'>;

export interface HttpOptions<C extends BaseContext> {
  apollo: GraphQLHttpHandler<C>;
  /** Makes the request's context; `rawBody` is the body exactly as received ('' without one). */
  context: (req: http.IncomingMessage, rawBody: string) => Promise<C>;
  /** Routes by path, answered for GET only. */
  routes?: Record<string, RouteOrPass>;
  /** Routes by path, answered for POST only. */
  postRoutes?: Record<string, PostRoute>;
  /** Where GraphQL is served. */
  graphqlPath?: string;
  /** Whether GraphQL is served on GET too (default), or on POST only (405 otherwise). */
  graphqlGet?: boolean;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Told of every answered request, for metrics: the route (a known path or "other"), status and duration. */
  observe?: (route: string, status: number, seconds: number) => void;
  /** Serves each request inside a server span, when tracing is on (platform/tracing.ts). */
  traceRequest?: RequestTracer;
}

class BodyTooLarge extends Error {}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (req.headers['transfer-encoding'] === undefined && Number.isInteger(declared) && declared <= limit) return readDeclared(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A body whose length the request declares within the limit (HTTP's parser reads no more), read
 * from the stream's events rather than its async iterator: the iterator's promises and listeners
 * were about a tenth of the HTTP layer's own work per request in the gateway's profile.
 */
function readDeclared(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    // A caller gone before the end; after 'end' this changes nothing: a promise settles once.
    req.once('close', () => reject(new Error('The request ended before its body was read')));
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function graphqlError(res: http.ServerResponse, status: number, message: string, code: string) {
  send(res, status, 'application/json', JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

// A path of plain segments (none empty, none starting with a dot, no backslash, no percent sign:
// the URL parser reads `%2e` as a dot) and a query of printable ASCII without a fragment: split as
// they are, the WHATWG URL parser would give the same.
const plainPath = /^(?:\/[A-Za-z0-9\-_~!$&'()*+,;=:@][A-Za-z0-9\-._~!$&'()*+,;=:@]*)*\/?$/;
const plainQuery = /^[\x21\x22\x24-\x7e]*$/;

/**
 * A request target's path and its query string (with its `?`, or '' without one), as the WHATWG
 * URL parser gives them. A plain target, every request a client sends, is split rather than
 * parsed: the parse was a measurable share of the gateway's own work per request.
 */
export function splitUrl(target: string): { pathname: string; search: string } {
  const at = target.indexOf('?');
  const pathname = at < 0 ? target : target.slice(0, at);
  const query = at < 0 ? '' : target.slice(at + 1);
  if (plainPath.test(pathname) && plainQuery.test(query)) return { pathname, search: query ? `?${query}` : '' };
  const url = new URL(target, 'http://localhost');
  return { pathname: url.pathname, search: url.search };
}

/**
 * Serves an Apollo Server over node:http, with no web framework in between: the gateway and
 * every subgraph use it, so body limits and error shapes are the same everywhere.
 */
export function createHttpServer<C extends BaseContext>(options: HttpOptions<C>): http.Server {
  const { apollo, context, routes = {}, postRoutes = {}, graphqlPath = '/graphql', maxBodyBytes = 256 * 1024, observe } = options;
  const { traceRequest } = options;
  /** A known path or "other", for metrics and spans: never the URL as sent. */
  const routeOf = (req: http.IncomingMessage) => {
    const path = (req.url ?? '/').split('?')[0]!;
    return path === graphqlPath || routes[path] || postRoutes[path] ? path : 'other';
  };
  // `serve` never rejects: everything it does is inside the try, whose catch answers the failure.
  const server = http.createServer((req, res) => {
    // One id per request, set here so the context, the logs, the spans and the subgraph calls all see it.
    const requestId = requestIdOf(req);
    req.headers[requestIdHeader] = requestId;
    res.setHeader(requestIdHeader, requestId);
    void (traceRequest ? traceRequest({ req, res, route: routeOf(req), requestId }, () => serve(req, res)) : serve(req, res));
  });
  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    try {
      // While the server drains, answers close their connection so keep-alive clients reconnect elsewhere.
      if (closing.has(server)) res.setHeader('connection', 'close');
      if (observe) {
        const started = performance.now();
        const route = routeOf(req);
        res.once('finish', () => observe(route, res.statusCode, (performance.now() - started) / 1000));
      }
      const { pathname, search } = splitUrl(req.url ?? '/');
      const route = req.method === 'GET' ? routes[pathname] : undefined;
      const answer = route ? await route(req) : null;
      if (answer) return send(res, answer.status, answer.type, answer.body);
      const postRoute = req.method === 'POST' ? postRoutes[pathname] : undefined;
      if (pathname !== graphqlPath && !postRoute) return send(res, 404, 'text/plain', 'Not found');
      if (options.graphqlGet === false && req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return graphqlError(res, 405, `GraphQL is served here on POST only, not ${req.method}`, 'METHOD_NOT_ALLOWED');
      }

      let body: unknown;
      let rawBody = '';
      if (req.method === 'POST') {
        let text: string;
        try {
          text = await readBody(req, maxBodyBytes);
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            return graphqlError(res, 413, `Request body is larger than ${maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE');
          }
          throw error;
        }
        rawBody = text;
        if (postRoute) {
          const answer = await postRoute(req, text);
          return send(res, answer.status, answer.type, answer.body);
        }
        if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
          try {
            body = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            return graphqlError(res, 400, 'Request body is not valid JSON', 'BAD_REQUEST');
          }
        } else {
          body = text;
        }
      }

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search, body },
        context: () => context(req, rawBody),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (!res.headersSent) graphqlError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
      else res.destroy(error as Error);
    }
  }
  return server;
}

/** Starts listening and resolves with the port actually bound (port 0 picks a free one). */
export function listen(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const closing = new WeakSet<http.Server>();

/**
 * Stops accepting connections, lets requests in flight finish, and closes each keep-alive socket
 * once it is idle. A request still running after `graceMs` has its connection cut, so a hung
 * call cannot hold a shutdown (and a rolling deploy) forever.
 */
export function close(server: http.Server, graceMs = 10_000): Promise<void> {
  closing.add(server);
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    deadline.unref();
    // A request that was running when the close began keeps its connection alive after it is
    // answered; sweeping idle connections closes it then rather than after the keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 20);
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export const json = (status: number, value: unknown) => ({
  status,
  type: 'application/json',
  body: JSON.stringify(value),
});
