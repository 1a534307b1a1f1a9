import { describe, expect, it } from 'vitest';
import { splitUrl } from './http.ts';

/*
 * The HTTP layer splits a plain request target instead of parsing it as a WHATWG URL: for every
 * target, what it routes on and what it hands on as the query must be what the URL parser gives.
 */
describe('splitUrl', () => {
  const targets = [
    '/',
    '/graphql',
    '/graphql/',
    '/graphql?',
    '/graphql?query=%7B%20sectors%20%7B%20id%20%7D%20%7D&variables=%7B%7D',
    '/graphql?query={sectors{id}}&x="y"',
    "/graphql?q='x'",
    '/graphql?query=é',
    '/graphql#fragment',
    '/graphql?query=a#fragment',
    '/a/../graphql',
    '/./graphql',
    '//graphql',
    '/a\\b',
    '/.well-known/x',
    '/dashboard/app.js?v=1',
    '/x%2Fy',
    '/x/%2e%2e/graphql',
    '/%2E/graphql',
    '/x/.%2E/graphql',
    '/a b',
    'http://elsewhere/graphql?x=1',
  ];
  it.each(targets)('%s: the path and the query the URL parser gives', (target) => {
    const url = new URL(target, 'http://localhost');
    const split = splitUrl(target);
    expect(split.pathname).toBe(url.pathname);
    expect([...new URLSearchParams(split.search)]).toEqual([...new URLSearchParams(url.search)]);
  });
});
