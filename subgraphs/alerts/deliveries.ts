import { ConflictError } from '../kit/errors.ts';
import { retryDelayMs } from './backoff.ts';
import type { AlertServices } from './context.ts';
import { alertEventTypes } from './eventTypes.ts';
import { handOut, raiseEvent } from './events.ts';
import type { DeliveryDoc, SubscriptionDoc } from './models.ts';
import { attemptDelivery, defaultAttemptTimeoutMs, signedRequest, type AttemptOutcome } from './send.ts';

/*
 * Deliveries run from the store: each carries the time of its next attempt, and a sweep sends
 * those due. A restart, or another replica, so carries on where the last left off. Before an
 * attempt a replica claims the delivery by moving its next attempt on under the version it read:
 * of two replicas that read it, only one writes, and only that one sends.
 */

/**
 * How far a claim moves the next attempt: past the attempt's deadline, with room to record it, so
 * an attempt still running is never claimed and sent again beside it.
 */
const claimMarginMs = 50_000;
/** Deliveries attempted side by side in one sweep. */
const sweepBatch = 20;
/** Attempts kept in a delivery's log: the latest, when a delivery is retried for long. */
const attemptsKept = 50;

/** Sends every delivery that is due, after handing out events a stopped process left half-done. */
export async function sweep(services: AlertServices): Promise<void> {
  for (const event of await services.repos.events.find({ handedOut: false })) await handOut(services, event);
  // Only active subscriptions' deliveries: a paused one's wait, due, without crowding out the others.
  const active = await services.repos.subscriptions.find({ status: 'ACTIVE' });
  if (active.length === 0) return;
  const due = await services.repos.deliveries.find(
    { status: 'PENDING', subscriptionId: { $in: active.map((s) => s._id) }, nextAttemptAt: { $lte: services.now() } },
    { sort: { nextAttemptAt: 1 }, limit: sweepBatch },
  );
  const subscriptions = new Map(active.map((s) => [s._id, s]));
  await Promise.all(due.map((delivery) => deliverOnce(services, delivery, subscriptions.get(delivery.subscriptionId)!)));
}

async function deliverOnce(services: AlertServices, delivery: DeliveryDoc, subscription: SubscriptionDoc): Promise<void> {
  const event = await services.repos.events.findById(delivery.eventId);
  if (!event) throw new Error(`Delivery ${delivery._id} names event ${delivery.eventId}, which is not stored`);
  const timeoutMs = services.settings.attemptTimeoutMs ?? defaultAttemptTimeoutMs;
  let claimed: DeliveryDoc;
  try {
    claimed = await services.repos.deliveries.replace(
      { ...delivery, nextAttemptAt: new Date(services.now().getTime() + timeoutMs + claimMarginMs) },
      delivery.version,
    );
  } catch (error) {
    return ignoreConflict(error);
  }
  // Paused or deleted since the sweep began: nothing more goes to it (resuming makes this due again).
  const current = await services.repos.subscriptions.findById(subscription._id);
  if (current?.status !== 'ACTIVE') return;
  const request = signedRequest(event, services.country, current.secret, services.now());
  const outcome = await attemptDelivery(current.url, request, services.mode, timeoutMs);
  await record(services, claimed, current, outcome);
}

/** Records the attempt; on failure schedules the next, or gives up and pauses the subscription. */
async function record(services: AlertServices, delivery: DeliveryDoc, subscription: SubscriptionDoc, outcome: AttemptOutcome) {
  const now = services.now();
  const attempts = [...delivery.attempts, { at: now, ...outcome }].slice(-attemptsKept);
  if (outcome.error === null) {
    await services.repos.deliveries.replace(
      { ...delivery, attempts, status: 'DELIVERED', nextAttemptAt: null, deliveredAt: now },
      delivery.version,
    );
    return;
  }
  services.logger.warn({ delivery: delivery._id, error: outcome.error }, 'alert delivery failed');
  const failures = attempts.filter((a) => a.error !== null).length;
  if (now.getTime() < delivery.giveUpAt.getTime()) {
    const next = Math.min(now.getTime() + retryDelayMs(failures, services.settings.retryFirstMs), delivery.giveUpAt.getTime());
    await services.repos.deliveries.replace({ ...delivery, attempts, nextAttemptAt: new Date(next) }, delivery.version);
    return;
  }
  await services.repos.deliveries.replace(
    { ...delivery, attempts, status: 'GAVE_UP', nextAttemptAt: null, gaveUpAt: now },
    delivery.version,
  );
  await pauseFailing(services, subscription, delivery, outcome.error);
}

/** Pauses a subscriber whose delivery failed for the whole retry span, and tells the other subscribers. */
async function pauseFailing(services: AlertServices, subscription: SubscriptionDoc, delivery: DeliveryDoc, lastError: string) {
  const current = await services.repos.subscriptions.findById(subscription._id);
  if (!current || current.status !== 'ACTIVE') return;
  const now = services.now();
  const hours = services.settings.giveUpAfterMs / 3_600_000;
  const span = hours >= 1 ? `${Math.round(hours)} h` : `${Math.round(services.settings.giveUpAfterMs / 1000)} s`;
  const reason = `paused by the hub: every delivery attempt of ${delivery.eventId} failed for ${span} (last: ${lastError})`;
  try {
    await services.repos.subscriptions.replace({ ...current, status: 'PAUSED', pausedReason: reason, changedAt: now }, current.version);
  } catch (error) {
    return ignoreConflict(error);
  }
  services.logger.warn({ subscription: current._id, reason }, 'alert subscription paused');
  await raiseEvent(services, {
    id: `subscription-paused:${current._id}:${now.toISOString()}`,
    type: alertEventTypes.subscriptionPaused.type,
    subject: current._id,
    summary: `The hub paused the alert subscription ${current._id}: its deliveries kept failing`,
    // Which one and when, no more: its address and the errors it met (hosts, addresses) are for
    // the lead ministry to read in the graph (pausedReason), not for every other receiver.
    data: { subscriptionId: current._id, pausedAt: now.toISOString() },
    notTo: current._id,
  });
}

/** Another replica wrote first: it has the delivery in hand. */
function ignoreConflict(error: unknown): void {
  if (!(error instanceof ConflictError)) throw error;
}
