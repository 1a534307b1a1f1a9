import { randomBytes } from 'node:crypto';
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '../kit/errors.ts';
import type { Draft } from '../kit/repository.ts';
import type { AlertServices } from './context.ts';
import { resolvedAddressProblem, urlProblem } from './destination.ts';
import { knownEventTypes } from './eventTypes.ts';
import type { DeliveryDoc, DeliveryStatus, SubscriptionDoc, SubscriptionStatus } from './models.ts';

export interface SubscriptionInput {
  url: string;
  eventTypes: string[];
  description: string;
}

/** A new subscription with its secret, which no later answer shows. */
export interface CreatedSubscription {
  subscription: SubscriptionDoc;
  secret: string;
}

/** Every problem with the input, each naming its field; none when it may be stored. */
async function inputProblems(input: SubscriptionInput, services: AlertServices): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const url = urlProblem(input.url, services.mode) ?? (await resolvedAddressProblem(input.url, services.mode));
  if (url) problems.push({ field: 'url', problem: url });
  if (input.eventTypes.length === 0)
    problems.push({ field: 'eventTypes', problem: `must name at least one of ${knownEventTypes.join(', ')}` });
  for (const type of input.eventTypes.filter((t) => !knownEventTypes.includes(t))) {
    problems.push({ field: 'eventTypes', problem: `names an unknown event type "${type}"; known: ${knownEventTypes.join(', ')}` });
  }
  if (!input.description.trim()) problems.push({ field: 'description', problem: 'must say what the receiving system is' });
  return problems;
}

/** A new signing secret, in the format Standard Webhooks libraries read: `whsec_` and the key in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export async function createSubscription(
  services: AlertServices,
  input: SubscriptionInput,
  createdBy: string,
): Promise<CreatedSubscription> {
  const problems = await inputProblems(input, services);
  if (problems.length > 0) throw new InvalidInputError('alert subscription, nothing was stored', problems);
  const now = services.now();
  const secret = newSecret();
  const subscription = await services.repos.subscriptions.insert({
    _id: `sub-${randomBytes(6).toString('hex')}`,
    url: input.url,
    eventTypes: [...new Set(input.eventTypes)],
    description: input.description.trim(),
    secret,
    status: 'ACTIVE',
    pausedReason: null,
    createdAt: now,
    createdBy,
    changedAt: now,
  });
  services.logger.info({ subscription: subscription._id, createdBy }, 'alert subscription created');
  return { subscription, secret };
}

/**
 * Gives a subscription a new secret, shown only in this answer: every delivery from now on, a
 * retry or replay of an older one too, is signed with it, under the same `webhook-id`. For a
 * secret that may have leaked (kept in clear by an earlier version, in a backup from then).
 */
export async function rotateSecret(services: AlertServices, id: string, by: string): Promise<CreatedSubscription> {
  const subscription = await existing(services, id);
  if (subscription.status === 'DELETED') {
    throw new InvalidInputError('alert subscription change, nothing was changed', [
      { field: 'id', problem: `names a deleted subscription (${id})` },
    ]);
  }
  const secret = newSecret();
  const changed = await services.repos.subscriptions.replace({ ...subscription, secret, changedAt: services.now() }, subscription.version);
  services.logger.info({ subscription: id, by }, 'alert subscription secret rotated');
  return { subscription: changed, secret };
}

async function existing(services: AlertServices, id: string): Promise<SubscriptionDoc> {
  const subscription = await services.repos.subscriptions.findById(id);
  if (!subscription) throw new NotFoundError(`No alert subscription with id "${id}"`);
  return subscription;
}

/**
 * Pauses, resumes or deletes; a deleted subscription stays deleted. The subscription's own write
 * is the one that can fail (it was changed meanwhile: nothing is stored); what follows from it
 * for its deliveries is then carried out whole, whoever else writes them at the same time.
 */
export async function setStatus(services: AlertServices, id: string, status: SubscriptionStatus, by: string): Promise<SubscriptionDoc> {
  const subscription = await existing(services, id);
  if (subscription.status === 'DELETED') {
    throw new InvalidInputError('alert subscription change, nothing was changed', [
      { field: 'id', problem: `names a deleted subscription (${id})` },
    ]);
  }
  if (subscription.status === status) return subscription;
  const now = services.now();
  const changed = await services.repos.subscriptions.replace(
    { ...subscription, status, pausedReason: status === 'PAUSED' ? `paused by ${by}` : null, changedAt: now },
    subscription.version,
  );
  // Resumed: what waited goes out, and what the hub gave up on when it paused the subscription too.
  if (status === 'ACTIVE') await dueAgain(services, { subscriptionId: id }, ['PENDING', 'GAVE_UP']);
  if (status === 'DELETED') {
    for (const delivery of await services.repos.deliveries.find({ subscriptionId: id, status: 'PENDING' })) {
      await reviseDelivery(services, delivery._id, (d) =>
        d.status === 'PENDING' ? { ...d, status: 'CANCELLED', nextAttemptAt: null } : null,
      );
    }
  }
  services.logger.info({ subscription: id, status, by }, 'alert subscription changed');
  return changed;
}

/** Times a change to a delivery is read and tried again after another writer changed it first. */
const revisionTries = 5;

/**
 * Applies `change` to the delivery as it is now: read again and reapplied when another writer (a
 * sweep claiming it, another replica, another replay) wrote it first, so the change is neither
 * lost nor half made. `change` returns null when the delivery as read needs no change. Null when
 * there is no such delivery.
 */
export async function reviseDelivery(
  services: AlertServices,
  id: string,
  change: (delivery: DeliveryDoc) => Draft<DeliveryDoc> | null,
): Promise<DeliveryDoc | null> {
  for (let tries = 1; ; tries += 1) {
    const current = await services.repos.deliveries.findById(id);
    if (!current) return null;
    const changed = change(current);
    if (!changed) return current;
    try {
      return await services.repos.deliveries.replace(changed, current.version);
    } catch (error) {
      if (!(error instanceof ConflictError) || tries === revisionTries) throw error;
    }
  }
}

/**
 * Makes the matching deliveries due now, with a fresh retry span: those that waited for a paused
 * subscription, or those replayed; only those in one of `statuses` when it is given (as they are
 * when written, not as they were when found).
 */
export async function dueAgain(services: AlertServices, filter: Record<string, unknown>, statuses?: readonly DeliveryStatus[]) {
  const now = services.now();
  const giveUpAt = new Date(now.getTime() + services.settings.giveUpAfterMs);
  const found = await services.repos.deliveries.find(statuses ? { ...filter, status: { $in: [...statuses] } } : filter);
  const revised: DeliveryDoc[] = [];
  for (const { _id } of found) {
    const delivery = await reviseDelivery(services, _id, (d) =>
      statuses && !statuses.includes(d.status) ? null : { ...d, status: 'PENDING', nextAttemptAt: now, giveUpAt, gaveUpAt: null },
    );
    if (delivery) revised.push(delivery);
  }
  return revised;
}

export { existing as existingSubscription };
