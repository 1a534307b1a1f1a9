import { describe, expect, it } from 'vitest';
import { SharedFetches } from './sharedFetches.ts';

describe('SharedFetches', () => {
  it('runs identical calls in flight once, and a later call again', async () => {
    const shared = new SharedFetches<number>();
    let calls = 0;
    const fetch = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
    const answers = await Promise.all([shared.run('a', fetch), shared.run('a', fetch), shared.run('b', fetch)]);
    expect(answers).toEqual([1, 1, 2]);
    expect(await shared.run('a', fetch)).toBe(3);
  });

  it('shares a failure with the calls waiting on it, and forgets it', async () => {
    const shared = new SharedFetches<number>();
    const failing = () => Promise.reject(new Error('down'));
    await expect(Promise.all([shared.run('a', failing), shared.run('a', failing)])).rejects.toThrow('down');
    expect(await shared.run('a', async () => 7)).toBe(7);
  });
});
