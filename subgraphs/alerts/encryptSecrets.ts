import { ConflictError } from '../kit/errors.ts';
import { envelopeProperty } from '../kit/fieldEncryption/sealing.ts';
import type { UpgradeTask } from '../kit/subgraph.ts';
import type { StoredDocument } from '../kit/store/port.ts';
import { alertDocuments, subscriptionDocument, type SubscriptionDoc } from './models.ts';

/** Passes over the records left in clear before the upgrade gives up and stops start (the next start tries again). */
const rounds = 3;

/*
 * Stores written before subscription secrets were encrypted hold them in clear, and the store
 * refuses to serve a record in clear. Each such subscription is written again whole, as it is,
 * through its repository, which encrypts the secret, conditionally on the version read: one
 * changed meanwhile is read again. Nothing about a subscription changes but how its secret is kept.
 */
export const encryptSubscriptionSecrets: UpgradeTask<typeof alertDocuments> = {
  name: 'alerts: subscription secrets encrypted',
  async run({ repos, store, logger }) {
    const stored = store.collection<SubscriptionDoc & StoredDocument>(subscriptionDocument.collection);
    let encrypted = 0;
    for (let round = 0; ; round += 1) {
      const inClear = await stored.find({ [envelopeProperty]: { $exists: false } });
      if (inClear.length === 0) {
        // The embedded store appends each write: its file keeps the lines in clear until rewritten.
        // Rewritten here, before anything is served, and on every start until the upgrade is
        // recorded (a start stopped after encrypting and before this finds nothing left in clear).
        await store.compact?.(subscriptionDocument.collection);
        logger.info({ encrypted }, 'alert subscription secrets encrypted');
        return;
      }
      if (round === rounds)
        throw new Error('alert subscriptions kept changing in clear while their secrets were being encrypted; start again');
      for (const { version, ...subscription } of inClear) {
        try {
          await repos.subscriptions.replace(subscription, version);
          encrypted += 1;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
    }
  },
};
