import fs from 'node:fs';
import path from 'node:path';
import type { SignedTreeHead } from './auditSignatures.ts';

/*
 * A witness keeps every signed tree head a subgraph has made, somewhere the store's owner does
 * not control, so that a log later shortened or rewritten in the store no longer matches what
 * was witnessed. The file witness appends one JSON line per head to a file of its own.
 */

export interface WitnessedHead {
  /** The line of the witness file (or the position in memory), counted from 1, to name it in reports. */
  line: number;
  head: SignedTreeHead;
}

export interface WitnessRecord {
  heads: WitnessedHead[];
  /** Lines that are not a head: something other than the hub wrote there. */
  unreadable: number[];
}

export interface Witness {
  /** Keeps one head. Synchronous, so heads are kept in the order they were signed. */
  record(head: SignedTreeHead): void;
  read(): WitnessRecord;
  close(): Promise<void>;
}

/** Heads kept in memory: for a store kept in memory, which no witness could outlive. */
export function memoryWitness(): Witness {
  const heads: SignedTreeHead[] = [];
  return {
    record: (head) => void heads.push(head),
    read: () => ({ heads: heads.map((head, i) => ({ line: i + 1, head })), unreadable: [] }),
    close: async () => {},
  };
}

/** How often the witness file is flushed to disk; see fileWitness. */
export const witnessSyncMs = 1000;

/**
 * Heads appended to `file`, one JSON line each, through a descriptor opened with O_APPEND, so
 * each line is written whole at the end whoever else writes the file (replicas sharing it).
 * Each head is written when it is signed, which survives the process stopping; the file is
 * fsync'd once a second rather than per batch, because a flush per batch would add a disk
 * round trip to every audited request, and losing the last second of heads to a power cut
 * leaves the log ahead of its witness (which verification accepts), never behind it.
 */
export function fileWitness(file: string): Witness {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, 'a', 0o600);
  let unsynced = false;
  // The flush runs off the event loop, one at a time; a failed one is tried again at the next
  // tick, and close waits for the last.
  let syncing: Promise<void> = Promise.resolve();
  const flush = () =>
    new Promise<void>((resolve, reject) =>
      fs.fsync(fd, (error) => {
        if (error) unsynced = true;
        return error ? reject(error) : resolve();
      }),
    );
  const sync = () => {
    if (unsynced) {
      unsynced = false;
      syncing = syncing.catch(() => {}).then(flush);
    }
    return syncing;
  };
  const timer = setInterval(() => void sync().catch(() => {}), witnessSyncMs);
  timer.unref();
  return {
    record(head) {
      fs.writeSync(fd, `${JSON.stringify(head)}\n`);
      unsynced = true;
    },
    read: () => readWitnessFile(file),
    async close() {
      clearInterval(timer);
      try {
        await sync();
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

const isHead = (value: unknown): value is SignedTreeHead => {
  const head = value as SignedTreeHead;
  return (
    typeof head === 'object' &&
    head !== null &&
    typeof head.subgraph === 'string' &&
    Number.isInteger(head.size) &&
    typeof head.root === 'string' &&
    typeof head.at === 'string' &&
    typeof head.keyId === 'string' &&
    typeof head.signature === 'string'
  );
};

/**
 * The heads in a witness file; none when it does not exist. A last line without its newline was
 * cut short by a crash while being written and is left out; any other line that is not a head
 * is reported.
 */
export function readWitnessFile(file: string): WitnessRecord {
  if (!fs.existsSync(file)) return { heads: [], unreadable: [] };
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.pop(); // what follows the last newline: empty, or a line cut short
  const record: WitnessRecord = { heads: [], unreadable: [] };
  lines.forEach((text, i) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isHead(parsed)) record.heads.push({ line: i + 1, head: parsed });
    else record.unreadable.push(i + 1);
  });
  return record;
}
