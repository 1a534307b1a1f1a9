import fs from 'node:fs';

/*
 * Appends to one file, each append on the disk before it resolves. The file is kept open with
 * O_DSYNC, so an append is one write through the thread pool, where opening, writing, flushing
 * and closing it were four: every audited read appends twice (its entry and the log's head), and
 * an append cost 0.40 ms of CPU so, 0.22 ms now (docs/embedded-store.md). O_DSYNC makes each write
 * return once its data, and the size that reaches it, are on the disk (as fdatasync would).
 *
 * The file is looked up by its path before every append (a synchronous stat, answered from the
 * kernel's cache): when the path names another file than the one held open (compaction renamed a
 * new file into place, or someone replaced or removed it), the append goes to the file the path
 * names now, as it would if opened anew, and is never written to one no longer in the folder.
 */

const flags = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | (fs.constants.O_DSYNC ?? 0);
/** Where the platform has no O_DSYNC, each append is opened, written, flushed and closed. */
const keptOpen = fs.constants.O_DSYNC !== undefined;

export class DurableAppendFile {
  private held: { handle: fs.promises.FileHandle; dev: number; ino: number } | undefined;

  constructor(
    private readonly file: string,
    private readonly mode: number,
  ) {}

  async append(text: string): Promise<void> {
    if (!keptOpen) return this.appendOnce(text);
    const held = await this.open();
    try {
      await held.handle.writeFile(text, 'utf8');
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Lets go of the file; the next append opens it again. */
  async close(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    await held?.handle.close().catch(() => undefined);
  }

  private async open() {
    if (this.held && this.pathStillNames(this.held)) return this.held;
    await this.close();
    const handle = await fs.promises.open(this.file, flags, this.mode);
    try {
      const { dev, ino } = await handle.stat();
      this.held = { handle, dev, ino };
      return this.held;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  private pathStillNames(held: { dev: number; ino: number }): boolean {
    const now = fs.statSync(this.file, { throwIfNoEntry: false });
    return now !== undefined && now.dev === held.dev && now.ino === held.ino;
  }

  private async appendOnce(text: string) {
    const handle = await fs.promises.open(this.file, 'a', this.mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
