import { ConflictError, InvalidInputError, NotFoundError } from '../kit/errors.ts';
import type { AlertServices } from './context.ts';
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

/** Every event of the subscription's types raised since the moment: delivered again, or for the first time. */
export async function replayEvents(services: AlertServices, subscriptionId: string, since: Date): Promise<DeliveryDoc[]> {
  const subscription = await existingSubscription(services, subscriptionId);
  if (subscription.status !== 'ACTIVE') {
    throw new InvalidInputError('replay, nothing was sent', [
      { field: 'subscriptionId', problem: `names a ${subscription.status.toLowerCase()} subscription: resume it first` },
    ]);
  }
  const events = await services.repos.events.find({ raisedAt: { $gte: since } }, { sort: { raisedAt: 1 } });
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
