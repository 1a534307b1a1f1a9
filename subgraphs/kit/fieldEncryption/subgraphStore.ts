import type { DocumentSpec } from '../documents.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/port.ts';
import { encryptedSpecs, encryptingStore } from './encryptingStore.ts';
import type { Keyring } from './keyring.ts';
import { configuredKeyring, type KeyringSettings } from './keyringFiles.ts';

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
