import type { DocumentSpec } from '../documents.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Store } from '../store/port.ts';
import { encryptedSpecs, encryptingStore } from './encryptingStore.ts';
import type { Keyring } from './keyring.ts';
import { configuredKeyring, type KeyringSettings } from './keyringFiles.ts';
import { envelopeProperty } from './sealing.ts';

/**
 * The store a subgraph's repositories open: its own, encrypting the fields its document kinds
 * declare with the keyring given (tests) or configured. A subgraph that keeps no encrypted field
 * needs no keyring and gets its store as it is.
 */
export function subgraphStore(
  store: Store,
  documents: Record<string, DocumentSpec<any>>,
  options: { subgraph: string; config: KeyringSettings; logger: Logger; keyring?: Keyring },
): Store {
  if (encryptedSpecs(documents).length === 0) return store;
  const { keyring } = options;
  return encryptingStore(store, documents, keyring ? () => keyring : configuredKeyring(options.config, options.subgraph, options.logger));
}

/**
 * Says at start how many records are still kept in clear from before their fields were encrypted,
 * so that the operator runs the rotation that encrypts them.
 */
export async function warnOfRecordsInClear(
  store: Store,
  documents: Record<string, DocumentSpec<any>>,
  subgraph: string,
  logger: Logger,
): Promise<void> {
  for (const spec of encryptedSpecs(documents)) {
    const records = await store.collection(spec.collection).count({ [envelopeProperty]: { $exists: false } });
    if (records > 0) {
      logger.warn(
        { collection: spec.collection, records },
        `${spec.label} records kept in clear from before encryption: ${records}; run npm run keys:rotate -- --sector ${subgraph}`,
      );
    }
  }
}
