import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedLookup, isLinkLocalAddress, isNonPublicAddress, resolvedAddressProblem, urlProblem } from './destination.ts';
import { attemptDelivery } from './send.ts';

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.9',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    // Translation prefixes that carry an IPv4 address inside: metadata, through NAT64, SIIT, the old compatible form, 6to4.
    '64:ff9b:1::a9fe:a9fe',
    '::ffff:0:a9fe:a9fe',
    '::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
    'fec0::1',
  ])('refuses %s', (address) => expect(isNonPublicAddress(address)).toBe(true));
  it.each(['8.8.8.8', '203.0.114.1', '2606:4700:4700::1111'])('allows %s', (address) => expect(isNonPublicAddress(address)).toBe(false));
});

describe('urlProblem', () => {
  it('refuses link-local addresses, where clouds serve instance metadata, in every mode', () => {
    expect(urlProblem('http://169.254.169.254/latest/meta-data/', 'development')).toMatch(/link-local/);
    expect(urlProblem('http://[fe80::1]/hook', 'development')).toMatch(/link-local/);
    expect(isLinkLocalAddress('::ffff:169.254.169.254')).toBe(true);
    expect(isLinkLocalAddress('127.0.0.1')).toBe(false);
  });

  it('allows http and local receivers in development only', () => {
    expect(urlProblem('http://127.0.0.1:8080/hook', 'development')).toBeNull();
    expect(urlProblem('http://127.0.0.1:8080/hook', 'production')).toMatch(/https URL in production/);
    expect(urlProblem('https://127.0.0.1/hook', 'production')).toMatch(/loopback, private or link-local/);
    expect(urlProblem('https://[::ffff:7f00:1]/hook', 'production')).toMatch(/loopback, private or link-local/);
    expect(urlProblem('https://receiver.example.org/hook', 'production')).toBeNull();
  });
});

describe('the resolved address', () => {
  const connections: string[] = [];
  const server = http.createServer((_, res) => res.writeHead(204).end());
  server.on('connection', (socket) => connections.push(String(socket.remoteAddress)));
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is what counts at subscription, not the name', async () => {
    // Not which address: that would tell a caller what an internal name resolves to.
    expect(await resolvedAddressProblem('https://localhost/hook', 'production')).toBe('resolves to a non-public address');
    expect(await resolvedAddressProblem('https://localhost/hook', 'development')).toBeNull();
  });

  it('is checked again at every connection: a name that now resolves to loopback is never reached in production', async () => {
    const request = { headers: { 'content-type': 'application/json' }, body: '{}' };
    const refused = await attemptDelivery(`http://localhost:${port}/hook`, request, 'production');
    expect(refused).toMatchObject({ statusCode: null, error: expect.stringMatching(/non-public address \(127\.0\.0\.1\)/) });
    const literal = await attemptDelivery(`http://127.0.0.1:${port}/hook`, request, 'production');
    expect(literal).toMatchObject({ statusCode: null, error: expect.stringMatching(/not a public address/) });
    expect(connections).toEqual([]);
    // The same receiver in development is reached: the refusals above were the guard's, not the network's.
    expect(await attemptDelivery(`http://localhost:${port}/hook`, request, 'development')).toMatchObject({ statusCode: 204, error: null });
    expect(connections).toHaveLength(1);
  });

  it('is refused by the lookup the sockets use', async () => {
    const error = await new Promise<Error | null>((resolve) => guardedLookup('production')('localhost', {}, (e) => resolve(e)));
    expect(error?.message).toMatch(/non-public address/);
  });
});
