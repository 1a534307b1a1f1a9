import { randomBytes } from 'node:crypto';
import { InvalidInputError, NotFoundError, type FieldProblem } from '../kit/errors.ts';
import type { AlertServices } from './context.ts';
import { resolvedAddressProblem, urlProblem } from './destination.ts';
import { knownEventTypes } from './eventTypes.ts';
import type { SubscriptionDoc, SubscriptionStatus } from './models.ts';

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

export async function createSubscription(
  services: AlertServices,
  input: SubscriptionInput,
  createdBy: string,
): Promise<CreatedSubscription> {
  const problems = await inputProblems(input, services);
  if (problems.length > 0) throw new InvalidInputError('alert subscription, nothing was stored', problems);
  const now = services.now();
  // The format Standard Webhooks libraries read: `whsec_` and the key in base64.
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
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

async function existing(services: AlertServices, id: string): Promise<SubscriptionDoc> {
  const subscription = await services.repos.subscriptions.findById(id);
  if (!subscription) throw new NotFoundError(`No alert subscription with id "${id}"`);
  return subscription;
}

/** Pauses, resumes or deletes; a deleted subscription stays deleted. */
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
  if (status === 'ACTIVE') await dueAgain(services, { subscriptionId: id, status: { $in: ['PENDING', 'GAVE_UP'] } });
  if (status === 'DELETED') {
    for (const delivery of await services.repos.deliveries.find({ subscriptionId: id, status: 'PENDING' })) {
      await services.repos.deliveries.replace({ ...delivery, status: 'CANCELLED', nextAttemptAt: null }, delivery.version);
    }
  }
  services.logger.info({ subscription: id, status, by }, 'alert subscription changed');
  return changed;
}

/**
 * Makes the matching deliveries due now, with a fresh retry span: those that waited for a paused
 * subscription, or those replayed.
 */
export async function dueAgain(services: AlertServices, filter: Record<string, unknown>) {
  const now = services.now();
  const giveUpAt = new Date(now.getTime() + services.settings.giveUpAfterMs);
  const deliveries = await services.repos.deliveries.find(filter);
  return Promise.all(
    deliveries.map((d) =>
      services.repos.deliveries.replace({ ...d, status: 'PENDING', nextAttemptAt: now, giveUpAt, gaveUpAt: null }, d.version),
    ),
  );
}

export { existing as existingSubscription };
