import fs from 'node:fs';
import path from 'node:path';
import { BSON, type Document, type IndexDescriptionInfo } from 'mongodb';
import { BackupError } from './manifest.ts';

/*
 * mongodump's folder layout, which `mongorestore` loads: <root>/<database>/<collection>.bson, the
 * collection's documents as BSON one after another, and <collection>.metadata.json, its indexes
 * (and options) in MongoDB Extended JSON.
 */

export const bsonFile = (root: string, database: string, collection: string) => path.join(root, database, `${collection}.bson`);
export const metadataFile = (root: string, database: string, collection: string) =>
  path.join(root, database, `${collection}.metadata.json`);

/** Concatenates documents, each already BSON (as the driver returns them with `raw: true`) or an object. */
export function encodeDocuments(documents: Iterable<Buffer | Document>): Buffer {
  return Buffer.concat([...documents].map((doc) => (Buffer.isBuffer(doc) ? doc : Buffer.from(BSON.serialize(doc)))));
}

/**
 * The documents of a .bson file, one by one, each checked to be a whole BSON document; a bad one
 * is named by file and byte offset. `name` names the file in errors.
 */
export function decodeDocuments(bytes: Buffer, name: string, options: BSON.DeserializeOptions = {}): Document[] {
  const documents: Document[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const size = bytes.length - offset >= 4 ? bytes.readInt32LE(offset) : -1;
    if (size < 5 || offset + size > bytes.length) {
      throw new BackupError(`${name}: the document at byte ${offset} is cut short or not BSON (document ${documents.length + 1})`);
    }
    try {
      documents.push(BSON.deserialize(bytes.subarray(offset, offset + size), options));
    } catch (error) {
      throw new BackupError(
        `${name}: the document at byte ${offset} is not BSON (document ${documents.length + 1}: ${(error as Error).message})`,
      );
    }
    offset += size;
  }
  return documents;
}

/** An index as mongodump describes it: without the namespace, which mongorestore sets itself. */
export type DumpedIndex = Omit<IndexDescriptionInfo, 'ns'> & { key: Document; name: string };

/** The metadata.json of a collection. */
export function encodeMetadata(collection: string, indexes: readonly DumpedIndex[]): Buffer {
  const metadata = {
    options: {},
    indexes: indexes.map(({ ns: _ns, ...index }: DumpedIndex & { ns?: string }) => index),
    collectionName: collection,
    type: 'collection',
  };
  return Buffer.from(BSON.EJSON.stringify(metadata, { relaxed: false }));
}

/** The indexes a metadata.json describes; `name` names the file in errors. */
export function decodeMetadata(bytes: Buffer, name: string): DumpedIndex[] {
  let metadata: { indexes?: unknown };
  try {
    metadata = BSON.EJSON.parse(bytes.toString('utf8'), { relaxed: true }) as { indexes?: unknown };
  } catch (error) {
    throw new BackupError(`${name} is not Extended JSON (${(error as Error).message})`);
  }
  const indexes = metadata?.indexes;
  const described = (index: unknown) => {
    const { name, key } = (index ?? {}) as Record<string, unknown>;
    return typeof name === 'string' && typeof key === 'object';
  };
  if (!Array.isArray(indexes) || !indexes.every(described)) {
    throw new BackupError(`${name} does not describe the collection's indexes (each with a name and a key)`);
  }
  return indexes as DumpedIndex[];
}

/** Writes one collection in the mongodump layout; returns what was written, to describe it. */
export function writeDumpedCollection(
  root: string,
  database: string,
  collection: string,
  documents: Iterable<Buffer | Document>,
  indexes: readonly DumpedIndex[],
  write: (file: string, bytes: Buffer) => void = (file, bytes) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  },
): { bson: { file: string; bytes: Buffer }; metadata: { file: string; bytes: Buffer } } {
  const bson = { file: bsonFile(root, database, collection), bytes: encodeDocuments(documents) };
  const metadata = { file: metadataFile(root, database, collection), bytes: encodeMetadata(collection, indexes) };
  write(bson.file, bson.bytes);
  write(metadata.file, metadata.bytes);
  return { bson, metadata };
}

/** Reads one collection back from the mongodump layout. */
export function readDumpedCollection(
  root: string,
  database: string,
  collection: string,
  options: BSON.DeserializeOptions = {},
): { documents: Document[]; indexes: DumpedIndex[] } {
  const bson = bsonFile(root, database, collection);
  const metadata = metadataFile(root, database, collection);
  return {
    documents: decodeDocuments(fs.readFileSync(bson), bson, options),
    indexes: fs.existsSync(metadata) ? decodeMetadata(fs.readFileSync(metadata), metadata) : [],
  };
}
