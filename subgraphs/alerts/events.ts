import { ConflictError } from '../kit/errors.ts';
import { startOfDayUtc } from '../kit/clock.ts';
import type { AlertServices } from './context.ts';
import { alertEventTypes } from './eventTypes.ts';
import type { DeliveryDoc, EventDoc, SubscriptionDoc } from './models.ts';

/** An event as a check finds it, before it is stored. */
export interface RaisedEvent {
  id: string;
  type: string;
  subject: string;
  summary: string;
  data: Record<string, unknown>;
  notTo?: string;
}

/**
 * Stores the event unless one with its id was raised before, then hands it out. Returns the stored
 * event, or null when it was already raised: an id says what happened, so a second check, a
 * restart or a second replica seeing the same thing raises nothing new.
 */
export async function raiseEvent(services: AlertServices, raised: RaisedEvent): Promise<EventDoc | null> {
  if (await services.repos.events.findById(raised.id)) return null;
  let event: EventDoc;
  try {
    event = await services.repos.events.insert({
      _id: raised.id,
      type: raised.type,
      subject: raised.subject,
      summary: raised.summary,
      data: JSON.stringify(raised.data),
      day: startOfDayUtc(services.today()),
      raisedAt: services.now(),
      handedOut: false,
      notTo: raised.notTo ?? null,
    });
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
  services.logger.info({ event: event._id, type: event.type }, 'alert raised');
  await handOut(services, event);
  return event;
}

/**
 * Whether the event goes to the subscription: one not deleted that names its type (a pause report
 * goes to every other). A paused one's deliveries wait, and go out when it is resumed.
 */
export function goesTo(event: Pick<EventDoc, 'type' | 'notTo'>, subscription: SubscriptionDoc): boolean {
  if (subscription.status === 'DELETED' || subscription._id === event.notTo) return false;
  return event.type === alertEventTypes.subscriptionPaused.type || subscription.eventTypes.includes(event.type);
}

export const deliveryId = (subscriptionId: string, eventId: string) => `${subscriptionId}~${eventId}`;

/** A new delivery of the event to the subscription, due now. */
export function newDelivery(services: AlertServices, subscriptionId: string, eventId: string): Omit<DeliveryDoc, 'version'> {
  const now = services.now();
  return {
    _id: deliveryId(subscriptionId, eventId),
    subscriptionId,
    eventId,
    status: 'PENDING',
    attempts: [],
    nextAttemptAt: now,
    giveUpAt: new Date(now.getTime() + services.settings.giveUpAfterMs),
    createdAt: now,
  };
}

/**
 * Stores a delivery of the event for every subscription it goes to, then marks it handed out.
 * Delivery ids are derived, so handing out again (after a stop half-way) adds only what is missing.
 */
export async function handOut(services: AlertServices, event: EventDoc): Promise<void> {
  const subscriptions = await services.repos.subscriptions.find({ status: { $in: ['ACTIVE', 'PAUSED'] } });
  for (const subscription of subscriptions.filter((s) => goesTo(event, s))) {
    try {
      await services.repos.deliveries.insert(newDelivery(services, subscription._id, event._id));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  try {
    await services.repos.events.replace({ ...event, handedOut: true }, event.version);
  } catch (error) {
    // Handed out at the same time by a sweep (or another replica): the deliveries are stored either way.
    if (!(error instanceof ConflictError)) throw error;
  }
}
