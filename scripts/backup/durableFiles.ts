import fs from 'node:fs';
import path from 'node:path';

/** Writes a file whole or not at all: beside it first, flushed, then renamed over it. */
export function writeFileDurably(file: string, bytes: Buffer | string, temporarySuffix = '.partial'): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}${temporarySuffix}`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** Flushes a folder, so that the names renamed into it survive a power cut. */
export function syncFolder(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
