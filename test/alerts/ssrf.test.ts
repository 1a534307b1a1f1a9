import dns from 'node:dns';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNonPublicAddress } from '../../subgraphs/alerts/destination.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

/*
 * A subscriber's URL is chosen by a caller, so in production the hub refuses any that would make
 * it send into its own network: plain http, loopback, private and link-local addresses (a cloud
 * metadata endpoint among them), by name or by what the name resolves to.
 */

const subscribe =
  'mutation ($url: String!) { createAlertSubscription(input: { url: $url, eventTypes: ["crg.action.overdue"], description: "probe" }) { secret } }';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ mode: 'production', only: ['alerts'] });
}, 60_000);
afterAll(() => hub?.stop());

describe('alert subscriptions in production', () => {
  it.each([
    ['http://receiver.example.org/hook', /https URL in production/],
    ['https://127.0.0.1/hook', /loopback, private or link-local address in production \(got 127\.0\.0\.1\)/],
    ['https://localhost:4001/graphql', /loopback, private or link-local address in production \(got localhost\)/],
    ['https://10.0.0.12/hook', /got 10\.0\.0\.12/],
    ['https://192.168.1.10/hook', /got 192\.168\.1\.10/],
    ['https://172.16.5.4/hook', /got 172\.16\.5\.4/],
    // 127.0.0.1 written as one number, and 10.0.0.1 inside the NAT64 prefix.
    ['https://2130706433/hook', /got 127\.0\.0\.1/],
    ['https://[64:ff9b::a00:1]/hook', /got 64:ff9b::a00:1/],
    ['https://169.254.169.254/latest/meta-data/', /got 169\.254\.169\.254/],
    ['https://[::1]/hook', /got ::1/],
    ['https://[::ffff:127.0.0.1]/hook', /loopback, private or link-local/],
  ])('refuses %s, storing nothing', async (url, problem) => {
    const answer = await hub.query(subscribe, { url });
    expect(answer.data).toBeNull();
    expect(answer.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'url', problem: expect.stringMatching(problem) }],
    });
    expect((await hub.query('{ alertSubscriptions { id } }')).data!.alertSubscriptions).toEqual([]);
  });

  it('refuses a name that resolves to this machine, checked on what it resolves to, without saying what', async () => {
    // The machine's own name is not caught by its spelling, as `localhost` is: only by resolving it.
    const name = os.hostname().toLowerCase();
    const addresses = (await dns.promises.lookup(name, { all: true })).map((a) => a.address);
    expect(name).not.toMatch(/(^|\.)localhost$/);
    expect(addresses.length).toBeGreaterThan(0);
    expect(
      addresses.filter((address) => !isNonPublicAddress(address)),
      `${name} resolves to a public address here`,
    ).toEqual([]);
    const answer = await hub.query(subscribe, { url: `https://${name}:4001/graphql` });
    expect(answer.data).toBeNull();
    expect(answer.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'url', problem: 'resolves to a non-public address' }],
    });
    for (const address of addresses) expect(JSON.stringify(answer.errors)).not.toContain(address);
    expect((await hub.query('{ alertSubscriptions { id } }')).data!.alertSubscriptions).toEqual([]);
  });
});
