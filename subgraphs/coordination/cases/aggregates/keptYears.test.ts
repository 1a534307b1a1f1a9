import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../../../../test/operations/opsHub.ts';
import { KeptYears } from './keptYears.ts';

/*
 * When a kept year is read whole again, on a time source the test moves. The kept value here is
 * a stand-in for a tally: which whole read made it, and how many updates it has had since.
 */

interface Kept {
  read: number;
  updates: number;
}

function setUp(rereadAfterMs: number) {
  let now = 0;
  let wholeReads = 0;
  let failNextWholeRead = false;
  const waiting: (() => void)[] = [];
  let holdWholeReads = false;
  const { logger, lines } = capturingLogger();
  const kept = new KeptYears<Kept>({ rereadAfterMs, now: () => now });
  const bringUpToDate = async (k: Kept | undefined): Promise<Kept> => {
    if (k) return { ...k, updates: k.updates + 1 };
    wholeReads += 1;
    const read = wholeReads;
    if (holdWholeReads) await new Promise<void>((resolve) => waiting.push(resolve));
    if (failNextWholeRead) {
      failNextWholeRead = false;
      throw new Error('store unavailable');
    }
    return { read, updates: 0 };
  };
  return {
    kept,
    lines,
    get: () => kept.get(2026, bringUpToDate, logger),
    rereads: () => Promise.all(kept.running),
    advance: (ms: number) => (now += ms),
    wholeReads: () => wholeReads,
    failNextWholeRead: () => (failNextWholeRead = true),
    holdWholeReads: (hold: boolean) => (holdWholeReads = hold),
    releaseWholeReads: () => waiting.splice(0).forEach((release) => release()),
  };
}

describe('kept years', () => {
  it('are read whole once, then brought up to date while younger than the re-read age', async () => {
    const t = setUp(60_000);
    expect(await t.get()).toEqual({ read: 1, updates: 0 });
    t.advance(59_999);
    expect(await t.get()).toEqual({ read: 1, updates: 1 });
    await t.rereads();
    expect(t.wholeReads()).toBe(1);
  });

  it('past the age, answer from what is kept while one re-read runs, then from the re-read', async () => {
    const t = setUp(60_000);
    await t.get();
    t.advance(60_000);
    t.holdWholeReads(true);
    // Answered from the kept year; the re-read runs beside it, and only one at a time.
    expect(await t.get()).toEqual({ read: 1, updates: 1 });
    expect(await t.get()).toEqual({ read: 1, updates: 2 });
    expect(t.wholeReads()).toBe(2);
    t.releaseWholeReads();
    await t.rereads();
    // The re-read replaces it; later requests bring the re-read up to date.
    expect(await t.get()).toEqual({ read: 2, updates: 1 });
    // And the age counts from the re-read.
    t.advance(59_999);
    await t.get();
    await t.rereads();
    expect(t.wholeReads()).toBe(2);
  });

  it('keep what they hold when a re-read fails, log it, and try again a full age later', async () => {
    const t = setUp(60_000);
    await t.get();
    t.advance(60_000);
    t.failNextWholeRead();
    await t.get();
    await t.rereads();
    expect(t.lines).toContainEqual(expect.objectContaining({ year: 2026, error: 'store unavailable', level: 50 }));
    expect(await t.get()).toEqual({ read: 1, updates: 2 });
    await t.rereads();
    expect(t.wholeReads()).toBe(2);
    t.advance(60_000);
    await t.get();
    await t.rereads();
    expect(t.wholeReads()).toBe(3);
    expect(await t.get()).toEqual({ read: 3, updates: 1 });
  });

  it('are never read whole again when the age is 0', async () => {
    const t = setUp(0);
    await t.get();
    t.advance(365 * 86_400_000);
    await t.get();
    await t.rereads();
    expect(t.wholeReads()).toBe(1);
  });
});
