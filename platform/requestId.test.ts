import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestIdOf } from './requestId.ts';

const withId = (value?: string | string[]) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as http.IncomingMessage;

describe('requestIdOf', () => {
  it("keeps a caller's plain id", () => {
    expect(requestIdOf(withId('dash-01:refresh.7'))).toBe('dash-01:refresh.7');
  });

  it('makes a fresh id when none is given, and a different one each time', () => {
    const a = requestIdOf(withId());
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(requestIdOf(withId())).not.toBe(a);
  });

  it('replaces ids that are too long, repeated, or carry spaces, quotes or line breaks', () => {
    for (const bad of ['x'.repeat(129), 'a b', 'a"b', 'a\nb', '-leading', '', ['a', 'b']]) {
      expect(requestIdOf(withId(bad))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });
});
