import type { DocumentSpec } from '../documents.ts';
import { ConflictError } from '../errors.ts';
import { openRepositories } from '../repository.ts';
import type { Store, StoredDocument } from '../store/port.ts';
import { encryptedFieldsOf } from './encryptedDocument.ts';
import { encryptedSpecs, encryptingStore } from './encryptingStore.ts';
import { olderKeyIds, withNewKey, withoutKeys, type Keyring } from './keyring.ts';
import { keyringFile, readKeyringFile, writeKeyringFile } from './keyringFiles.ts';
import { DamagedRecordError, envelopeOf, envelopeProperty, openRecord } from './sealing.ts';

/*
 * Key rotation: a new key becomes current in the keyring file, every record still under an older
 * key (or kept in clear from before encryption) is decrypted and written again whole under the
 * new one, conditionally on the version it was read at, and an older key is retired from the
 * keyring once no record uses it. Each step leaves the store and the keyring readable, so a run
 * that stops half way is finished by running it again: while the keyring still holds older keys,
 * a run finishes that rotation instead of starting another.
 */

export interface CollectionRotation {
  collection: string;
  /** Records written again under the current key: from an older key, and from clear text. */
  fromOlderKey: number;
  fromClear: number;
  /** Records already under the current key. */
  alreadyCurrent: number;
  /** Records changed by someone else between reading and writing: a later run takes them. */
  changedMeanwhile: number;
}

export interface RotationReport {
  /** The key added and made current by this run; null when it finished an earlier rotation. */
  addedKey: string | null;
  current: string;
  collections: CollectionRotation[];
  /** Records that do not decrypt with any key of the keyring, by collection and id. */
  damaged: { collection: string; id: string; problem: string }[];
  /** Older keys removed from the keyring because no record uses them any more. */
  retired: string[];
  /** Older keys kept because records still use them, with how many. */
  kept: { keyId: string; records: number }[];
}

export interface RotationTarget {
  /** The sector (subgraph) whose keys these are. */
  subgraph: string;
  /** Its document kinds: those with encrypted fields are rewritten. */
  documents: Record<string, DocumentSpec<any>>;
  /** Its own store, never through an encrypting wrapper. */
  store: Store;
  /** Its keyring file, and the variable that named it (none in development). */
  keyringFile: string;
  variable?: string;
}

/** Rotates a sector's key over its store; see the comment at the top. */
export async function rotateKeys(target: RotationTarget, now = new Date()): Promise<RotationReport> {
  const specs = Object.fromEntries(encryptedSpecs(target.documents).map((spec) => [spec.collection, spec]));
  let keyring = readKeyringFile(target.keyringFile, target.variable);
  let addedKey: string | null = null;
  if (olderKeyIds(keyring).length === 0) {
    keyring = withNewKey(keyring, target.subgraph, now);
    writeKeyringFile(target.keyringFile, keyring);
    addedKey = keyring.current;
  }
  const repos = await openRepositories(encryptingStore(target.store, specs, keyringFile(target.keyringFile, target.variable)), specs);
  const report: RotationReport = { addedKey, current: keyring.current, collections: [], damaged: [], retired: [], kept: [] };
  for (const [collection, spec] of Object.entries(specs)) {
    const counts: CollectionRotation = { collection, fromOlderKey: 0, fromClear: 0, alreadyCurrent: 0, changedMeanwhile: 0 };
    const stored = await target.store.collection<StoredDocument & Record<string, unknown>>(collection).find({});
    for (const doc of stored) {
      const envelope = envelopeOf(doc);
      let record: StoredDocument;
      try {
        record = openRecord(keyring, spec.label, collection, doc, encryptedFieldsOf(spec), {
          allowClear: true,
        }) as unknown as StoredDocument;
      } catch (error) {
        if (!(error instanceof DamagedRecordError)) throw error;
        report.damaged.push({ collection, id: doc._id, problem: error.message });
        continue;
      }
      if (envelope?.kid === keyring.current) {
        counts.alreadyCurrent += 1;
        continue;
      }
      const { version, ...draft } = record;
      try {
        await repos[collection]!.replace(draft, version);
        counts[envelope ? 'fromOlderKey' : 'fromClear'] += 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        counts.changedMeanwhile += 1;
      }
    }
    report.collections.push(counts);
  }
  await retireUnusedKeys(target, Object.keys(specs), report);
  return report;
}

/** Retires each older key no record uses any more; the others stay, with their counts. */
async function retireUnusedKeys(target: RotationTarget, collections: string[], report: RotationReport): Promise<void> {
  const keyring: Keyring = readKeyringFile(target.keyringFile, target.variable);
  for (const keyId of olderKeyIds(keyring)) {
    let records = 0;
    for (const collection of collections)
      records += await target.store.collection(collection).count({ [`${envelopeProperty}.kid`]: keyId });
    if (records === 0) report.retired.push(keyId);
    else report.kept.push({ keyId, records });
  }
  if (report.retired.length > 0) writeKeyringFile(target.keyringFile, withoutKeys(keyring, report.retired));
}
