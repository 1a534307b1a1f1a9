import { defaultPathwayRereadMinutes } from '../../../../platform/config.ts';
import type { Logger } from '../../../../platform/logger.ts';

/*
 * What one store's replica keeps per year (keptPathway.ts keeps the pathway tally), and when it
 * reads a year whole again. Requests for a year queue behind each other, so one at a time brings
 * it up to date. A kept year older than the re-read age is read whole again in the background,
 * one re-read per year at a time, while requests go on being answered from what is kept: a write
 * the revision counter never heard of (its bump lost when a process died between the write and
 * the bump) is then counted within that age, however long nobody writes that case again.
 */

/** Brings a kept year up to date with the store; given nothing, reads the year whole. */
export type BringUpToDate<T> = (kept: T | undefined) => Promise<T>;

export interface KeptYearsOptions {
  /** Age at which a kept year is read whole again; 0 means never. */
  rereadAfterMs: number;
  /** Milliseconds from any fixed origin: only differences are used. */
  now(): number;
}

export const defaultKeptYearsOptions: KeptYearsOptions = {
  rereadAfterMs: defaultPathwayRereadMinutes * 60_000,
  now: () => performance.now(),
};

export class KeptYears<T> {
  private readonly years = new Map<number, Promise<T>>();
  /** When the year's last whole read began (in the request path or in the background). */
  private readonly readSince = new Map<number, number>();
  private readonly rereading = new Set<number>();
  /** The background re-reads running now, for a test to wait for. */
  readonly running = new Set<Promise<void>>();

  constructor(public options: KeptYearsOptions = defaultKeptYearsOptions) {}

  /** The year brought up to date; starts a background re-read when it has grown too old. */
  async get(year: number, bringUpToDate: BringUpToDate<T>, logger: Logger): Promise<T> {
    // A request that failed leaves nothing trustworthy: the next one reads the year whole.
    const next = (this.years.get(year) ?? Promise.resolve(undefined))
      .catch(() => undefined)
      .then((kept) => {
        if (kept === undefined) this.readSince.set(year, this.options.now());
        return bringUpToDate(kept);
      });
    this.years.set(year, next);
    const kept = await next;
    if (this.isTooOld(year)) this.rereadInBackground(year, bringUpToDate, logger);
    return kept;
  }

  private isTooOld(year: number): boolean {
    const { rereadAfterMs, now } = this.options;
    const since = this.readSince.get(year);
    return rereadAfterMs > 0 && since !== undefined && now() - since >= rereadAfterMs && !this.rereading.has(year);
  }

  /**
   * Reads the year whole beside the requests; once read, it replaces what is kept, queued behind
   * the requests already bringing it up to date, and the next request applies what was written
   * since the re-read's revision. A failed re-read is logged, the kept year stays, and the next
   * attempt waits another full age.
   */
  private rereadInBackground(year: number, bringUpToDate: BringUpToDate<T>, logger: Logger) {
    this.rereading.add(year);
    const started = this.options.now();
    this.readSince.set(year, started);
    const reread = bringUpToDate(undefined).then(
      (fresh) => {
        const current = this.years.get(year) ?? Promise.resolve(undefined);
        this.years.set(
          year,
          current.catch(() => undefined).then(() => fresh),
        );
        logger.info({ year, ms: Math.round(this.options.now() - started) }, 'pathway aggregates read whole again');
      },
      (error: unknown) => {
        logger.error(
          { year, error: (error as Error).message },
          'reading the pathway aggregates whole again failed; keeping the current counts',
        );
      },
    );
    const tracked = reread.finally(() => {
      this.rereading.delete(year);
      this.running.delete(tracked);
    });
    this.running.add(tracked);
  }
}
