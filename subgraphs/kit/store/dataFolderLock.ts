import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Another live process holds the folder: a second hub, or a second copy of one subgraph. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly holder: string,
  ) {
    super(
      `${directory} is in use by another ${holder} (its lock ${path.join(directory, 'in-use.lock')} is kept fresh). ` +
        `Two processes writing the same files would corrupt them: stop the other one, or give this one another CRG_DATA_DIR.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

/**
 * How long a lock may go without being refreshed before it counts as left behind by a process
 * that died; the holder refreshes it every half of this. Short, so that a supervised service
 * killed outright is back within seconds; not so short that a busy machine loses a live lock.
 */
const staleAfterMs = 4_000;

/**
 * Takes the folder for this process until `release` is called or the process ends. The lock is
 * a directory whose age the holder keeps fresh (not a pid, which a container restart reuses), so
 * one left by a killed process is taken over once stale; a starting process waits that long for
 * it before giving up. A lock this process can no longer refresh ends the process: carrying on
 * would let a second writer in.
 */
export async function lockDataFolder(
  directory: string,
  holder: string,
  options: { waitMs?: number } = {},
): Promise<{ release(): Promise<void> }> {
  fs.mkdirSync(directory, { recursive: true });
  const waitMs = options.waitMs ?? staleAfterMs + 2_000;
  try {
    const release = await lockfile.lock(directory, {
      lockfilePath: path.join(directory, 'in-use.lock'),
      stale: staleAfterMs,
      retries: { retries: Math.max(0, Math.ceil(waitMs / 500)), factor: 1, minTimeout: 500, maxTimeout: 500 },
      realpath: false,
      onCompromised: (error) => {
        console.error(`Lost the lock on ${directory} (${error.message}); stopping so that no second writer can corrupt it.`);
        process.exit(1);
      },
    });
    return { release: () => release().catch(() => undefined) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataFolderLockedError(directory, holder);
    throw error;
  }
}
