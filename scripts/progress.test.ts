import { describe, expect, it } from 'vitest';
import { nOf, progress, stopwatch } from './progress.ts';

describe('progress lines', () => {
  it('name the command and the time since it started, as minutes and seconds', () => {
    const lines: string[] = [];
    const say = progress('build', { write: (line: string) => lines.push(line) > 0 });
    say(`compiling the server code (${nOf(1, 2)})`);
    expect(lines).toEqual(['[build 0:00] compiling the server code (1 of 2)\n']);
  });

  it('count minutes past the hour as minutes', () => {
    expect(stopwatch(7_900)).toBe('0:07');
    expect(stopwatch(125_000)).toBe('2:05');
    expect(stopwatch(3_725_000)).toBe('62:05');
  });
});
