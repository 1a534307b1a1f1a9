import fs from 'node:fs';
import path from 'node:path';
import { flushFolder, replaceFileDurably, writeFlushed } from '../../subgraphs/kit/store/collectionFile.ts';

export { flushFolder };

/** Writes a file whole or not at all (the store's own replaceFileDurably), making its folder first. */
export function writeWhole(file: string, bytes: Buffer | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  replaceFileDurably(file, bytes);
}

/** Writes a file under its staging name and flushes it, for renaming into place once every file is written. */
export function writeStaged(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFlushed(file, bytes, 0o600);
}
