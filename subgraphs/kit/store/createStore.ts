import path from 'node:path';
import type { HubConfig } from '../config.ts';
import { createMongoStore } from './mongoStore.ts';
import { createNedbStore } from './nedbStore.ts';
import type { Store } from './port.ts';

/** The store a subgraph runs on, as configured: each subgraph has its own, as each ministry would. */
export async function createStore(
  config: Pick<HubConfig, 'store' | 'dataDir' | 'mongodbUri' | 'country'> & Partial<Pick<HubConfig, 'mongodbDatabasePrefix'>>,
  subgraph: string,
): Promise<Store> {
  switch (config.store) {
    case 'memory':
      return createNedbStore({});
    case 'embedded':
      return createNedbStore({ directory: path.resolve(config.dataDir, config.country, subgraph) });
    case 'mongodb':
      if (!config.mongodbUri) throw new Error('MONGODB_URI is required for the mongodb store');
      return createMongoStore({
        uri: config.mongodbUri,
        database: `${config.mongodbDatabasePrefix ?? 'crg'}_${config.country}_${subgraph}`.replace(/-/g, '_'),
      });
  }
}
