import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import { outsideAddresses, startExtraGateway, urlAt } from '../operations/opsHub.ts';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.ts';

/*
 * In development the gateway mints tokens from its local issuer for the IDE and the dashboard.
 * Only a caller on the gateway's own machine may have one: the gateway here listens on every
 * interface, as in a container, and is reached through the machine's own network addresses, so
 * the connection comes from an address that is not loopback, as another machine's would.
 */

const outside = outsideAddresses();

let hub: TestHub;
let gateway: RunningGateway;
const minted: string[] = [];
beforeAll(async () => {
  hub = await startTestHub();
  gateway = await startExtraGateway(hub, {
    // Both families on every interface: IPv4 callers arrive as ::ffff:a.b.c.d.
    host: '::',
    mintDevelopmentToken: async (request) => {
      const token = await hub.tokenFor({ role: request.role, sector: request.sector ?? undefined }, request);
      minted.push(token);
      return token;
    },
  });
});
afterAll(async () => {
  await gateway?.stop();
  await hub?.stop();
});

const at = (host: string, path: string, headers: Record<string, string> = {}) =>
  fetch(urlAt(host, gateway.port, path), { headers: { accept: 'text/html', ...headers } });

describe('the development token', () => {
  it('this machine has an address other than loopback to be called on', () => {
    expect(outside.length, 'no non-loopback address: the attack below cannot be tried').toBeGreaterThan(0);
  });

  it.each(['127.0.0.1', '::1'])('is in the IDE and at /dashboard/token for a caller on loopback (%s)', async (host) => {
    const before = minted.length;
    const page = await (await at(host, '/')).text();
    expect(minted.length).toBe(before + 1);
    expect(page).toContain(minted.at(-1));

    const answer = await at(host, '/dashboard/token', { accept: 'application/json' });
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    expect(token).toBe(minted.at(-1));
    const { data, errors } = await postGraphQL(hub.gateway.url, '{ sectors { id } }', undefined, { authorization: `Bearer ${token}` });
    expect(errors).toBeUndefined();
    expect(data?.sectors.length).toBeGreaterThan(0);
  });

  it.each(outside)('is neither in the IDE nor at /dashboard/token for a caller from %s', async (host) => {
    const before = minted.length;
    const ide = await at(host, '/');
    expect(ide.status).toBe(200);
    const page = await ide.text();
    expect(page).toContain('GraphiQL');
    expect(page).not.toMatch(/Bearer eyJ/);
    expect(page).toContain('npm run token');

    // A header naming loopback changes nothing: only the connection's own address counts.
    const answer = await at(host, '/dashboard/token', {
      accept: 'application/json',
      'x-forwarded-for': '127.0.0.1',
      forwarded: 'for=127.0.0.1',
    });
    expect(answer.status).toBe(403);
    const body = (await answer.json()) as { token?: string; errors: { message: string }[] };
    expect(body.token).toBeUndefined();
    expect(body.errors[0]!.message).toMatch(/only to callers on the gateway's own machine/);
    expect(body.errors[0]!.message).toContain('npm run token -- --role dashboard');
    expect(minted.length).toBe(before);
  });
});
