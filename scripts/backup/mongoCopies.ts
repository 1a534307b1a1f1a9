import { BSON, MongoClient, type ClientSession, type Document } from 'mongodb';
import type { HubConfig } from '../../platform/config.ts';
import { mongoDatabaseName } from '../../subgraphs/kit/store/createStore.ts';
import { writeWhole } from './durableFiles.ts';
import { BackupError, describeFile, type BackupFile, type BackupManifest } from './manifest.ts';
import { readDumpedCollection, writeDumpedCollection, type DumpedIndex } from './mongoDumpLayout.ts';
import { encryptionKeyIds } from './storeLines.ts';

/*
 * MongoDB: one database per subgraph, dumped in mongodump's layout under the backup folder (so
 * `mongorestore` loads it too) and read back through the driver.
 */

export type MongoSettings = Pick<HubConfig, 'country' | 'mongodbDatabasePrefix'> & { mongodbUri: string };

const restoringSuffix = '.restoring';

const connect = (uri: string) => new MongoClient(uri, { serverSelectionTimeoutMS: 5000 }).connect();

async function collectionNames(client: MongoClient, database: string): Promise<string[]> {
  const listed = await client.db(database).listCollections({ type: 'collection' }, { nameOnly: true }).toArray();
  return listed
    .map((c) => c.name)
    .filter((name) => !name.startsWith('system.'))
    .sort();
}

/** MongoDB 5.0, the first to read at one cluster time outside a transaction. */
const snapshotWireVersion = 13;

/**
 * On a replica set (MongoDB 5.0 or later) every database is read in one snapshot session, at one
 * cluster time, so the whole backup is one point in time; a standalone server has no snapshots,
 * and each collection is read as it stands when its turn comes.
 */
async function snapshotSession(client: MongoClient): Promise<ClientSession | undefined> {
  const hello = await client.db('admin').command({ hello: 1 });
  const replicated = Boolean(hello.setName) || hello.msg === 'isdbgrid';
  return replicated && Number(hello.maxWireVersion) >= snapshotWireVersion ? client.startSession({ snapshot: true }) : undefined;
}

export async function copyMongoDatabases(
  config: MongoSettings,
  subgraphs: readonly string[],
  backupDir: string,
): Promise<{ files: BackupFile[]; keyIds: Map<string, Set<string>>; snapshot: boolean }> {
  const client = await connect(config.mongodbUri);
  const files: BackupFile[] = [];
  const keyIds = new Map<string, Set<string>>();
  try {
    const session = await snapshotSession(client);
    try {
      for (const subgraph of subgraphs) {
        const database = mongoDatabaseName(config, subgraph);
        const ids = new Set<string>();
        // A collection left half loaded by an interrupted restore is no data of the hub's.
        for (const collection of (await collectionNames(client, database)).filter((name) => !name.endsWith(restoringSuffix))) {
          const handle = client.db(database).collection(collection);
          const indexes = (await handle.indexes()) as DumpedIndex[];
          // Raw BSON, byte for byte as stored: nothing is converted on the way to the file.
          const raw = (await handle.find({}, { session, sort: { _id: 1 }, raw: true }).toArray()) as unknown as Buffer[];
          for (const id of encryptionKeyIds(raw.map((doc) => BSON.deserialize(doc)))) ids.add(id);
          const written = writeDumpedCollection(backupDir, database, collection, raw, indexes, writeWhole);
          files.push(
            describeFile(backupDir, written.bson.file, written.bson.bytes, {
              kind: 'collection',
              subgraph,
              database,
              collection,
              records: raw.length,
            }),
            describeFile(backupDir, written.metadata.file, written.metadata.bytes, {
              kind: 'indexes',
              subgraph,
              database,
              collection,
              records: indexes.length,
            }),
          );
        }
        if (ids.size > 0) keyIds.set(subgraph, ids);
      }
    } finally {
      await session?.endSession();
    }
    return { files, keyIds, snapshot: session !== undefined };
  } finally {
    await client.close();
  }
}

const restoringName = (collection: string) => `${collection}${restoringSuffix}`;

/**
 * Loads the backup's collections into their databases, each into a collection of its own name
 * first (with its indexes) and then renamed into place, so no collection is ever half there
 * under its own name. Refuses, before writing, when any of the databases holds a document.
 */
export async function restoreMongoDatabases(config: MongoSettings, manifest: BackupManifest, backupDir: string): Promise<string[]> {
  const client = await connect(config.mongodbUri);
  try {
    const databases = [...new Set(manifest.subgraphs.map((subgraph) => mongoDatabaseName(config, subgraph)))];
    for (const database of databases) {
      // A collection left half loaded by an interrupted restore is not data: it is dropped and loaded again.
      for (const collection of (await collectionNames(client, database)).filter((name) => !name.endsWith(restoringSuffix))) {
        if ((await client.db(database).collection(collection).estimatedDocumentCount()) > 0) {
          throw new BackupError(
            `MongoDB database ${database} already holds data (collection ${collection}): restore writes only into empty databases. ` +
              `Drop them (or point MONGODB_URI at another server) and run restore again`,
          );
        }
      }
    }
    const lines: string[] = [];
    for (const entry of manifest.files.filter((file) => file.kind === 'collection')) {
      const database = mongoDatabaseName(config, entry.subgraph);
      const { documents, indexes } = readDumpedCollection(backupDir, entry.database ?? database, entry.collection!, {
        promoteValues: false,
        promoteLongs: false,
        promoteBuffers: false,
      });
      const db = client.db(database);
      const temporary = restoringName(entry.collection!);
      await db
        .collection(temporary)
        .drop()
        .catch(() => undefined); // left by an interrupted restore
      const target = await db.createCollection<Document>(temporary);
      const secondary = indexes.filter((index) => index.name !== '_id_').map(({ v: _v, ...index }) => index);
      if (secondary.length > 0) await target.createIndexes(secondary);
      for (let start = 0; start < documents.length; start += 1000) await target.insertMany(documents.slice(start, start + 1000));
      // An empty collection of that name (made by a hub's index creation) gives way; one with data stops the restore.
      if ((await collectionNames(client, database)).includes(entry.collection!)) {
        if ((await db.collection(entry.collection!).estimatedDocumentCount()) > 0) {
          throw new BackupError(
            `MongoDB collection ${database}.${entry.collection} received data during the restore: is a hub running on it?`,
          );
        }
        await db.collection(entry.collection!).drop();
      }
      await target.rename(entry.collection!, { dropTarget: false });
      lines.push(`${entry.subgraph}: ${entry.collection}: ${documents.length} documents restored to ${database}`);
    }
    return lines;
  } finally {
    await client.close();
  }
}
