import { defineDocument, nested } from '../kit/documents.ts';
import { withEncryptedFields } from '../kit/fieldEncryption/encryptedDocument.ts';

/*
 * What the alerts service keeps: the subscriptions, every event it raised, each event's delivery
 * to each subscriber with its attempts, and what it last saw of conditions that come and go (a
 * sector answering, a count rising). Nothing is deleted: a deleted subscription is marked so and
 * keeps its delivery log.
 */

export const subscriptionStatuses = ['ACTIVE', 'PAUSED', 'DELETED'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

export interface SubscriptionDoc {
  _id: string;
  version: number;
  url: string;
  eventTypes: string[];
  description: string;
  /**
   * Signs every delivery (Standard Webhooks); shown to the caller once, at creation, and kept
   * encrypted in the store: whoever reads the store or a backup of it must not be able to sign
   * events a receiver would take for the hub's.
   */
  secret: string;
  status: SubscriptionStatus;
  pausedReason?: string | null;
  createdAt: Date;
  createdBy: string;
  changedAt: Date;
}

export const subscriptionDocument = withEncryptedFields(
  defineDocument<SubscriptionDoc>('alertSubscriptions', 'alert subscription', {
    url: { type: String, required: true, maxlength: 2000 },
    eventTypes: { type: [String], required: true },
    description: { type: String, required: true, trim: true, minlength: 1, maxlength: 500 },
    secret: { type: String, required: true },
    status: { type: String, required: true, enum: subscriptionStatuses, index: true },
    pausedReason: { type: String, maxlength: 1000, default: null },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    changedAt: { type: Date, required: true },
  }),
  ['secret'],
);

/** `_id` says what happened (`action-overdue:<actionId>:<dueDate>`), so one happening is one event however often it is seen. */
export interface EventDoc {
  _id: string;
  version: number;
  type: string;
  subject: string;
  summary: string;
  /** The hub's day it was noticed on. */
  day: Date;
  raisedAt: Date;
  /** The CloudEvent's data, as the JSON text delivered. */
  data: string;
  /**
   * False until a delivery was stored for every subscriber it goes to: an event stored by a
   * process that stopped before that is handed out by the next sweep.
   */
  handedOut: boolean;
  /** A subscription it never goes to: the one whose pausing it reports. */
  notTo?: string | null;
}

export const eventDocument = defineDocument<EventDoc>('alertEvents', 'alert event', {
  type: { type: String, required: true, index: true },
  subject: { type: String, required: true },
  summary: { type: String, required: true },
  day: { type: Date, required: true },
  raisedAt: { type: Date, required: true, index: true },
  data: { type: String, required: true },
  handedOut: { type: Boolean, required: true, index: true },
  notTo: { type: String, default: null },
});

export const deliveryStatuses = ['PENDING', 'DELIVERED', 'GAVE_UP', 'CANCELLED'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface AttemptDoc {
  at: Date;
  statusCode?: number | null;
  error?: string | null;
  ms: number;
}

/** `_id` is `<subscriptionId>~<eventId>`: one event goes to one subscriber once, however often it is handed out. */
export interface DeliveryDoc {
  _id: string;
  version: number;
  subscriptionId: string;
  eventId: string;
  status: DeliveryStatus;
  attempts: AttemptDoc[];
  /** When the next attempt is due (wall-clock time); null once delivered, given up or cancelled. */
  nextAttemptAt?: Date | null;
  /** After this, a failed attempt is the last one. */
  giveUpAt: Date;
  createdAt: Date;
  deliveredAt?: Date | null;
  gaveUpAt?: Date | null;
}

export const deliveryDocument = defineDocument<DeliveryDoc>('alertDeliveries', 'alert delivery', {
  subscriptionId: { type: String, required: true, index: true },
  eventId: { type: String, required: true, index: true },
  status: { type: String, required: true, enum: deliveryStatuses, index: true },
  attempts: [
    nested({
      at: { type: Date, required: true },
      statusCode: { type: Number, default: null },
      error: { type: String, maxlength: 500, default: null },
      ms: { type: Number, required: true, min: 0 },
    }),
  ],
  nextAttemptAt: { type: Date, default: null, index: true },
  giveUpAt: { type: Date, required: true },
  createdAt: { type: Date, required: true, index: true },
  deliveredAt: { type: Date, default: null },
  gaveUpAt: { type: Date, default: null },
});

/** What the last check saw of a condition that comes and goes, by condition key (`sector-answering:health`). */
export interface WatchDoc {
  _id: string;
  version: number;
  /** For a sector: whether it failed to answer; for a count: unused. */
  failing: boolean;
  /** For a count: the last count an event was raised for. */
  count: number;
  since: Date;
}

export const watchDocument = defineDocument<WatchDoc>('alertWatches', 'alert watch', {
  failing: { type: Boolean, required: true },
  count: { type: Number, required: true, min: 0 },
  since: { type: Date, required: true },
});

export const alertDocuments = {
  subscriptions: subscriptionDocument,
  events: eventDocument,
  deliveries: deliveryDocument,
  watches: watchDocument,
};
