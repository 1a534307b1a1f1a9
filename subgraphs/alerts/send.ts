import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { CloudEvent, HTTP } from 'cloudevents';
import { Webhook } from 'standardwebhooks';
import { guardedLookup, isNonPublicAddress, type DestinationMode } from './destination.ts';
import type { EventDoc } from './models.ts';

/*
 * One delivery attempt: the event as a CloudEvents 1.0 JSON event (HTTP structured mode), signed
 * as the Standard Webhooks specification says with the subscription's secret. `webhook-id` is the
 * event's id, the same at every attempt and every replay, so a receiver keeps each event once.
 */

/**
 * How long one attempt may take, from connecting to the answer's status, before it counts as
 * failed: a whole deadline, not an idle timeout, so a receiver that trickles bytes cannot hold an
 * attempt open (and its delivery claimed) for longer.
 */
export const defaultAttemptTimeoutMs = 10_000;

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  ms: number;
}

/** The CloudEvent for a stored event; `source` names the hub's alerts for the country. */
export function cloudEventOf(event: EventDoc, country: string): CloudEvent<unknown> {
  return new CloudEvent<unknown>({
    specversion: '1.0',
    id: event._id,
    source: `/crg/${country}/alerts`,
    type: event.type,
    subject: event.subject,
    time: event.raisedAt.toISOString(),
    datacontenttype: 'application/json',
    data: JSON.parse(event.data) as unknown,
  });
}

/** The request a subscriber receives: headers and body, signed now. */
export function signedRequest(event: EventDoc, country: string, secret: string, now: Date) {
  const message = HTTP.structured(cloudEventOf(event, country));
  const body = typeof message.body === 'string' ? message.body : JSON.stringify(message.body);
  const signature = new Webhook(secret).sign(event._id, now, body);
  const headers: Record<string, string> = {
    'content-type': 'application/cloudevents+json; charset=utf-8',
    'webhook-id': event._id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signature,
    'user-agent': 'coordinated-response-graph-alerts',
  };
  return { headers, body };
}

/** POSTs the signed event to the URL; never throws: a failure is an outcome to record. */
export async function attemptDelivery(
  url: string,
  request: { headers: Record<string, string>; body: string },
  mode: DestinationMode,
  timeoutMs = defaultAttemptTimeoutMs,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // A literal address is connected to without a lookup: check it here.
  if (mode === 'production' && net.isIP(host) && isNonPublicAddress(host)) {
    return { statusCode: null, error: `refused: ${host} is not a public address`, ms: 0 };
  }
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const send = target.protocol === 'https:' ? https.request : http.request;
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: guardedLookup(mode),
        agent: false,
      },
      (res) => {
        // Only the status counts: the answer's body is not waited for, so it cannot hold the attempt open.
        const code = res.statusCode ?? 0;
        settle({ statusCode: code, error: code >= 200 && code < 300 ? null : `answered HTTP ${code}`, ms: elapsed() });
        res.destroy();
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      settle({ statusCode: null, error: (error.code ? `${error.code}: ` : '') + error.message, ms: elapsed() }),
    );
    req.end(request.body);
  });
}
