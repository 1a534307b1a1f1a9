import { requireScopes } from '../../platform/auth/identity.ts';
import { scopes } from '../../platform/auth/roles.ts';
import { InvalidInputError } from '../kit/errors.ts';
import type DataLoader from 'dataloader';
import { referenced } from '../kit/loaders.ts';
import type { SubgraphContext } from '../kit/subgraph.ts';
import type { AlertRepositories } from './context.ts';
import type { AlertEngine } from './engine.ts';
import { alertEventTypes } from './eventTypes.ts';
import type { Resolvers } from './generated/resolverTypes.ts';
import type { DeliveryDoc, DeliveryStatus, EventDoc } from './models.ts';
import { replayDelivery, replayEvents } from './replay.ts';
import { createSubscription, rotateSecret, setStatus, type SubscriptionInput } from './subscriptions.ts';

/** What an alerts resolver sees: its repositories and the engine that checks and delivers. */
export type AlertsContext = Omit<SubgraphContext, 'repos' | 'loaders'> & {
  repos: AlertRepositories;
  loaders: AlertLoaders;
};

export interface AlertLoaders {
  engine: AlertEngine;
  eventById: DataLoader<string, EventDoc | null>;
}

const canRead = (ctx: AlertsContext) => requireScopes(ctx.identity, scopes.alertsRead);
const canWrite = (ctx: AlertsContext) => requireScopes(ctx.identity, scopes.alertsWrite);

/** A list limit from 1 to 500, or an error naming the argument. */
function limitOf(limit: number | null | undefined): number {
  const n = limit ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > 500)
    throw new InvalidInputError('arguments', [{ field: 'limit', problem: `must be from 1 to 500 (got ${n})` }]);
  return n;
}

export const alertResolvers: Resolvers<AlertsContext> = {
  Query: {
    alertSubscriptions: (_: unknown, __: unknown, ctx: AlertsContext) => {
      canRead(ctx);
      return ctx.repos.subscriptions.find({}, { sort: { createdAt: -1 } });
    },
    alertEvents: (_: unknown, args: { since?: Date | null; type?: string | null; limit?: number | null }, ctx: AlertsContext) => {
      canRead(ctx);
      const filter: Record<string, unknown> = {};
      if (args.since) filter.raisedAt = { $gte: args.since };
      if (args.type) filter.type = args.type;
      return ctx.repos.events.find(filter, { sort: { raisedAt: -1 }, limit: limitOf(args.limit) });
    },
    alertDeliveries: (
      _: unknown,
      args: { subscriptionId?: string | null; status?: DeliveryStatus | null; limit?: number | null },
      ctx: AlertsContext,
    ) => {
      canRead(ctx);
      const filter: Record<string, unknown> = {};
      if (args.subscriptionId) filter.subscriptionId = args.subscriptionId;
      if (args.status) filter.status = args.status;
      return ctx.repos.deliveries.find(filter, { sort: { createdAt: -1 }, limit: limitOf(args.limit) });
    },
    alertEventTypes: (_: unknown, __: unknown, ctx: AlertsContext) => {
      canRead(ctx);
      return Object.values(alertEventTypes);
    },
  },
  Mutation: {
    createAlertSubscription: (_: unknown, { input }: { input: SubscriptionInput }, ctx: AlertsContext) => {
      canWrite(ctx);
      return createSubscription(ctx.loaders.engine.services, input, ctx.identity.subject);
    },
    rotateAlertSubscriptionSecret: (_: unknown, { id }: { id: string }, ctx: AlertsContext) => {
      canWrite(ctx);
      return rotateSecret(ctx.loaders.engine.services, id, ctx.identity.subject);
    },
    pauseAlertSubscription: (_: unknown, { id }: { id: string }, ctx: AlertsContext) => {
      canWrite(ctx);
      return setStatus(ctx.loaders.engine.services, id, 'PAUSED', ctx.identity.subject);
    },
    resumeAlertSubscription: async (_: unknown, { id }: { id: string }, ctx: AlertsContext) => {
      canWrite(ctx);
      const resumed = await setStatus(ctx.loaders.engine.services, id, 'ACTIVE', ctx.identity.subject);
      void ctx.loaders.engine.sweep();
      return resumed;
    },
    deleteAlertSubscription: (_: unknown, { id }: { id: string }, ctx: AlertsContext) => {
      canWrite(ctx);
      return setStatus(ctx.loaders.engine.services, id, 'DELETED', ctx.identity.subject);
    },
    replayAlertDelivery: async (_: unknown, { id }: { id: string }, ctx: AlertsContext) => {
      canWrite(ctx);
      const delivery = await replayDelivery(ctx.loaders.engine.services, id);
      void ctx.loaders.engine.sweep();
      return delivery;
    },
    replayAlertEvents: async (
      _: unknown,
      args: { subscriptionId: string; since: Date; after?: string | null; limit?: number | null },
      ctx: AlertsContext,
    ) => {
      canWrite(ctx);
      const limit = limitOf(args.limit);
      const deliveries = await replayEvents(
        ctx.loaders.engine.services,
        args.subscriptionId,
        { since: args.since, after: args.after ?? undefined },
        limit,
      );
      void ctx.loaders.engine.sweep();
      return deliveries;
    },
    runAlertCheck: (_: unknown, __: unknown, ctx: AlertsContext) => {
      canWrite(ctx);
      return ctx.loaders.engine.check();
    },
  },
  AlertDelivery: {
    id: (delivery: DeliveryDoc) => delivery._id,
    event: (delivery: DeliveryDoc, _: unknown, ctx: AlertsContext) =>
      referenced(ctx.loaders.eventById.load(delivery.eventId), `alert event "${delivery.eventId}" (delivery "${delivery._id}")`),
  },
  AlertSubscription: { id: (doc: { _id: string }) => doc._id },
  AlertEvent: { id: (doc: { _id: string }) => doc._id },
};
