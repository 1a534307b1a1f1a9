/**
 * When to try a failed delivery again: the wait doubles with each failure from `firstMs`, capped
 * at an hour, and is drawn at random from its upper half ("equal jitter"), so that subscribers
 * failing together are not all retried in the same instant. `random` is injectable for tests.
 */
export function retryDelayMs(failures: number, firstMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(firstMs * 2 ** Math.max(0, failures - 1), 3_600_000);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
