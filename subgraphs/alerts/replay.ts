import { ConflictError, InvalidInputError, NotFoundError } from '../kit/errors.ts';
import type { AlertServices } from './context.ts';
import { alertEventTypes } from './eventTypes.ts';
import { deliveryId, goesTo, newDelivery } from './events.ts';
import type { DeliveryDoc } from './models.ts';
import { dueAgain, existingSubscription } from './subscriptions.ts';

/*
 * A replay sends an event again with the same id (`webhook-id`), so a receiver that kept it
 * keeps it once; one that lost it gets it back.
 */

export async function replayDelivery(services: AlertServices, id: string): Promise<DeliveryDoc> {
  const delivery = await services.repos.deliveries.findById(id);
  if (!delivery) throw new NotFoundError(`No alert delivery with id "${id}"`);
  const subscription = await existingSubscription(services, delivery.subscriptionId);
  if (subscription.status === 'DELETED') {
    throw new InvalidInputError('replay, nothing was sent', [
      { field: 'id', problem: `goes to a deleted subscription (${subscription._id})` },
    ]);
  }
  const [replayed] = await dueAgain(services, { _id: id });
  return replayed!;
}

/** Where a page of replayed events starts: at a moment, or after an event raised at that moment. */
export interface ReplayFrom {
  since: Date;
  /** The last event of the previous page: the page starts after it, by moment and then id. */
  after?: string;
}

/**
 * The oldest `limit` events the subscription goes to raised from the start given: delivered again,
 * or for the first time. The caller asks for the next ones from the last one's `raisedAt` and id:
 * a moment alone would return the same page forever when more than `limit` events share it.
 */
export async function replayEvents(
  services: AlertServices,
  subscriptionId: string,
  from: ReplayFrom,
  limit: number,
): Promise<DeliveryDoc[]> {
  const subscription = await existingSubscription(services, subscriptionId);
  if (subscription.status !== 'ACTIVE') {
    throw new InvalidInputError('replay, nothing was sent', [
      { field: 'subscriptionId', problem: `names a ${subscription.status.toLowerCase()} subscription: resume it first` },
    ]);
  }
  // The same choice as goesTo, made in the store so that the limit counts only events it goes to.
  const events = await services.repos.events.find(
    {
      ...(from.after === undefined
        ? { raisedAt: { $gte: from.since } }
        : { $or: [{ raisedAt: { $gt: from.since } }, { raisedAt: from.since, _id: { $gt: from.after } }] }),
      type: { $in: [...subscription.eventTypes, alertEventTypes.subscriptionPaused.type] },
      notTo: { $ne: subscriptionId },
    },
    { sort: { raisedAt: 1, _id: 1 }, limit },
  );
  const replayed: DeliveryDoc[] = [];
  for (const event of events.filter((e) => goesTo(e, subscription))) {
    const id = deliveryId(subscriptionId, event._id);
    if (await services.repos.deliveries.findById(id)) {
      replayed.push(...(await dueAgain(services, { _id: id })));
      continue;
    }
    try {
      replayed.push(await services.repos.deliveries.insert(newDelivery(services, subscriptionId, event._id)));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      replayed.push(...(await dueAgain(services, { _id: id })));
    }
  }
  return replayed;
}
