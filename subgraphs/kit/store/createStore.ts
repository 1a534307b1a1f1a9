import path from 'node:path';
import type { HubConfig } from '../../../platform/config.ts';
import { createMongoStore } from './mongoStore.ts';
import { lockDataFolder } from './dataFolderLock.ts';
import { createNedbStore } from './nedbStore.ts';
import type { Store } from './port.ts';
import { openStoreSnapshot } from './storeSnapshot.ts';

/** The MongoDB database a subgraph keeps its collections in: `<prefix>_<country>_<subgraph>`. */
export const mongoDatabaseName = (
  config: Pick<HubConfig, 'country'> & Partial<Pick<HubConfig, 'mongodbDatabasePrefix'>>,
  subgraph: string,
) => `${config.mongodbDatabasePrefix ?? 'crg'}_${config.country}_${subgraph}`.replace(/-/g, '_');

/**
 * The store a subgraph runs on, as configured: each subgraph has its own, as each ministry would.
 * A `snapshot` is for a reader beside the running subgraph: on the embedded store, a read-only
 * copy of its files as they are now, taken without the folder's lock (see storeSnapshot.ts).
 */
export async function createStore(
  config: Pick<HubConfig, 'store' | 'dataDir' | 'mongodbUri' | 'country'> & Partial<Pick<HubConfig, 'mongodbDatabasePrefix'>>,
  subgraph: string,
  options: { snapshot?: boolean } = {},
): Promise<Store> {
  switch (config.store) {
    case 'memory':
      return createNedbStore({});
    case 'embedded': {
      const directory = path.resolve(config.dataDir, config.country, subgraph);
      return options.snapshot ? openStoreSnapshot(directory) : lockedWhileOpen(directory, subgraph);
    }
    case 'mongodb':
      if (!config.mongodbUri) throw new Error('MONGODB_URI is required for the mongodb store');
      return createMongoStore({
        uri: config.mongodbUri,
        database: mongoDatabaseName(config, subgraph),
      });
  }
}

/**
 * The embedded store in its folder, which this process holds until the store is closed: two
 * processes appending to the same files would each serve a memory the other's writes never reach.
 */
async function lockedWhileOpen(directory: string, subgraph: string): Promise<Store> {
  const lock = await lockDataFolder(directory, `process serving the ${subgraph} subgraph`);
  let store: Store;
  try {
    store = createNedbStore({ directory, subgraph });
  } catch (error) {
    await lock.release();
    throw error;
  }
  return {
    ...store,
    async close() {
      try {
        await store.close();
      } finally {
        await lock.release();
      }
    },
  };
}
