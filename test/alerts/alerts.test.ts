import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAlertsDigest } from '../../scripts/report/alertsDigest.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { createLogger } from '../../platform/logger.ts';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';
import { generateKeyring } from '../../subgraphs/kit/fieldEncryption/keyring.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Collection, Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import type { DeliveryDoc } from '../../subgraphs/alerts/models.ts';
import { startSubgraph, upgradeLedger, type RunningSubgraph, type StartOptions } from '../../subgraphs/kit/subgraph.ts';
import { conditionsQuery, conditionsVariables } from '../../subgraphs/alerts/conditions.ts';
import { graphqlBody, postGraphQL, startTestHub, TODAY, type TestHub } from '../support/hub.ts';
import { waitFor } from '../support/waitFor.ts';
import { Receiver, TricklingReceiver } from './receiver.ts';

/*
 * The alerts service end to end: a real hub on ephemeral ports, the alerts subgraph asking the
 * real gateway, and receivers that are real HTTP servers verifying each delivery's signature as
 * a receiving system would. Retries and give-up are shortened so the test takes seconds.
 */

const overdue = 'crg.action.overdue';
const paused = 'crg.subscription.paused';

const subscribe = /* GraphQL */ `
  mutation ($input: AlertSubscriptionInput!) {
    createAlertSubscription(input: $input) {
      secret
      subscription {
        id
        url
        eventTypes
        status
        createdBy
      }
    }
  }
`;
const check = 'mutation { runAlertCheck { raised { id type subject summary data } problems } }';
const deliveries = /* GraphQL */ `
  query ($subscriptionId: ID, $status: AlertDeliveryStatus) {
    alertDeliveries(subscriptionId: $subscriptionId, status: $status, limit: 500) {
      id
      subscriptionId
      status
      nextAttemptAt
      deliveredAt
      gaveUpAt
      event {
        id
        type
      }
      attempts {
        at
        statusCode
        error
        ms
      }
    }
  }
`;

let hub: TestHub;
const receiver = new Receiver();
let subscriptionId: string;

async function subscribeReceiver(target: Receiver, eventTypes: string[], description: string) {
  const answer = await hub.query(subscribe, { input: { url: target.url, eventTypes, description } });
  expect(answer.errors).toBeUndefined();
  const created = answer.data!.createAlertSubscription;
  target.secret = created.secret;
  return created.subscription.id as string;
}

async function runCheck() {
  const answer = await hub.query(check);
  expect(answer.errors).toBeUndefined();
  return answer.data!.runAlertCheck as { raised: { id: string; type: string; data: string }[]; problems: string[] };
}

/**
 * Another alerts service of this hub, on a store of its own (a new one, one written before, one
 * shared with another writer) or on the hub's own after a restart; a new keyring unless given.
 */
async function startAlerts(store: Store | undefined, options: Partial<Pick<StartOptions, 'config' | 'port' | 'encryptionKeys'>> = {}) {
  return startSubgraph(await loadSubgraphDefinition('alerts'), {
    config: hub.subgraphConfig,
    port: 0,
    encryptionKeys: generateKeyring('alerts'),
    ...options,
    store,
    clock: hub.clock,
    logger: createLogger('silent'),
    gatewayPublicKey: await importKey(hub.keys.gatewayPublic, internalTokenAlgorithm),
    graph: hub.graph,
  });
}

/** Sends one operation straight to an alerts service started by a test, signed as the gateway signs it for the analyst. */
async function askAlerts(alerts: RunningSubgraph, query: string, variables?: Record<string, unknown>) {
  return postGraphQL(alerts.url, query, variables, await hub.gatewayHeaders('alerts', graphqlBody(query, variables)));
}

/** Replays to the subscription every event of its types raised in the last hour and more. */
async function replayLastHour(id: string) {
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const answer = await hub.query(
    'mutation ($s: ID!, $since: DateTime!) { replayAlertEvents(subscriptionId: $s, since: $since) { event { id } } }',
    { s: id, since },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.replayAlertEvents.map((d: { event: { id: string } }) => d.event.id) as string[];
}

beforeAll(async () => {
  hub = await startTestHub({ alerts: { retryFirstMs: 200, giveUpAfterMs: 4000, sweepMs: 100, attemptTimeoutMs: 3000 } });
  await receiver.start();
  // What is overdue on the first day is raised before anyone subscribes.
  const first = await runCheck();
  expect(first.raised.map((e) => e.id)).toContain('action-overdue:bd-a1-1:2026-06-30');
  subscriptionId = await subscribeReceiver(receiver, [overdue], 'Lead ministry duty desk');
}, 60_000);

afterAll(async () => {
  await receiver.stop();
  await hub?.stop();
});

describe('alerts', () => {
  it('delivers a signed CloudEvent within seconds of an action turning overdue when the clock moves', async () => {
    // bd-a3-4 (justice) is due on 2026-12-10: at risk today, overdue the day after.
    hub.moveClockTo('2026-12-11');
    const asked = Date.now();
    const { raised, problems } = await runCheck();
    expect(problems).toEqual([]);
    const id = 'action-overdue:bd-a3-4:2026-12-10';
    expect(raised.filter((e) => e.type === overdue).map((e) => e.id)).toEqual([id]);

    const got = await waitFor('the overdue action at the receiver', () => receiver.kept.get(id));
    expect(Date.now() - asked).toBeLessThan(5000);
    expect(receiver.refused).toEqual([]);
    expect(got.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    expect(got.headers['webhook-signature']).toMatch(/^v1,/);
    expect(got.event).toMatchObject({
      specversion: '1.0',
      id,
      type: overdue,
      source: '/crg/bangladesh/alerts',
      subject: 'bd-a3-4',
      datacontenttype: 'application/json',
      data: { actionId: 'bd-a3-4', code: 'A3.4', leadSectorId: 'justice', dueDate: '2026-12-10' },
    });
    // Only what turned overdue after it subscribed: the older ones were raised before.
    expect(receiver.keptOfType(overdue).map((r) => r.id)).toEqual([id]);

    // Seen again, it is the same happening: no second event.
    expect((await runCheck()).raised).toEqual([]);
    const events = await hub.query('{ alertEvents(type: "crg.action.overdue", limit: 500) { id } }');
    expect(events.data!.alertEvents.filter((e: { id: string }) => e.id === id)).toHaveLength(1);
  });

  it('gets it again after it was down, from the store across a restart, once per event id', async () => {
    await receiver.stop();
    // bd-a2-3 is due on 2026-12-15.
    hub.moveClockTo('2026-12-16');
    const id = 'action-overdue:bd-a2-3:2026-12-15';
    expect((await runCheck()).raised.map((e) => e.id)).toContain(id);
    const failing = await waitFor('a failed attempt in the delivery log', async () => {
      const log = await hub.query(deliveries, { subscriptionId, status: 'PENDING' });
      return log.data!.alertDeliveries.find((d: any) => d.event.id === id && d.attempts.length > 0);
    });
    expect(failing.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(Date.parse(failing.nextAttemptAt)).toBeGreaterThan(Date.parse(failing.attempts[0].at));

    // The alerts service stops and starts again on its store: the pending delivery is kept there.
    const before = hub.subgraphs.get('alerts')!;
    await before.stop();
    const again = await startAlerts(hub.stores.get('alerts'), { port: before.port, encryptionKeys: hub.encryptionKeys.get('alerts') });
    hub.subgraphs.set('alerts', again);

    await receiver.start();
    const got = await waitFor('the event once the receiver is back', () => receiver.kept.get(id));
    expect(got.headers['webhook-id']).toBe(id);
    expect(got.event.id).toBe(id);
    // The restarted service sees the same overdue action: the same id, so nothing new.
    expect((await runCheck()).raised.filter((e) => e.type === overdue)).toEqual([]);

    // Replayed, it arrives again under the same id, and the receiver keeps it once.
    const log = await hub.query(deliveries, { subscriptionId, status: 'DELIVERED' });
    const delivered = log.data!.alertDeliveries.find((d: any) => d.event.id === id);
    expect(delivered.attempts.at(-1)).toMatchObject({ statusCode: 204, error: null });
    expect(delivered.attempts.slice(0, -1).every((a: any) => a.error !== null)).toBe(true);
    const replay = await hub.query('mutation ($id: ID!) { replayAlertDelivery(id: $id) { id status } }', { id: delivered.id });
    expect(replay.data!.replayAlertDelivery).toEqual({ id: delivered.id, status: 'PENDING' });
    await waitFor('the replayed delivery', () => (receiver.received.filter((r) => r.id === id).length === 2 ? true : undefined));
    // Received twice, under one webhook-id: what the receiver's deduplication keys on.
    expect(receiver.received.filter((r) => r.id === id).map((r) => r.headers['webhook-id'])).toEqual([id, id]);
    const events = await hub.query('{ alertEvents(type: "crg.action.overdue", limit: 500) { id } }');
    expect(events.data!.alertEvents.filter((e: { id: string }) => e.id === id)).toHaveLength(1);
  });

  it("watches last year's referrals past their follow-up day after the new year, an event per year, day and count", async () => {
    hub.moveClockTo('2027-01-20');
    const answer = await hub.query('{ pathwayAggregates(year: 2026) { overdueFollowUps { rows { key count } } } }');
    const published = (answer.data!.pathwayAggregates.overdueFollowUps.rows as { key: string; count: number | null }[]).filter(
      (row) => row.count !== null && row.count > 0,
    );
    expect(published.length, "2026's cases have referrals past their follow-up day").toBeGreaterThan(0);
    // A new alerts store in the new year: its first check raises what is already true, last year's cases included.
    const store = createNedbStore({});
    const alerts = await startAlerts(store);
    const check = async () => {
      const checked = await askAlerts(alerts, 'mutation { runAlertCheck { raised { id type data } problems } }');
      expect(checked.errors).toBeUndefined();
      expect(checked.data!.runAlertCheck.problems).toEqual([]);
      return (checked.data!.runAlertCheck.raised as { id: string; type: string; data: string }[]).filter(
        (e) => e.type === 'crg.referrals.past-follow-up',
      );
    };
    try {
      const raised = await check();
      // The watch of each count is new: the version it had before is 0.
      expect(raised.map((e) => e.id).sort()).toEqual(
        published.map((row) => `referrals-past-follow-up:${row.key}:2026:2027-01-20:${row.count}:0`).sort(),
      );
      for (const event of raised) expect(JSON.parse(event.data)).toMatchObject({ year: 2026, day: '2027-01-20' });
      // The count falls by one and rises again the same day: the rise is new, though its count was seen.
      const watches = store.collection<{ _id: string; version: number; count: number }>('alertWatches');
      const [row] = published;
      const [watch] = await watches.find({ _id: `referrals-past-follow-up:${row!.key}:2026` });
      expect(watch!.count).toBe(row!.count);
      // As a check that saw the lower count writes it.
      expect(await watches.replaceOne({ _id: watch!._id }, { ...watch!, count: row!.count! - 1, version: watch!.version + 1 })).toBe(true);
      const again = await check();
      expect(again.map((e) => e.id)).toEqual([`referrals-past-follow-up:${row!.key}:2026:2027-01-20:${row!.count}:${watch!.version + 1}`]);
      // Checked again with nothing changed, it raises nothing.
      expect(await check()).toEqual([]);
    } finally {
      await alerts.stop();
    }
  });

  it('replays the events a subscription missed, raised before it subscribed, through the graph', async () => {
    const replayed = await replayLastHour(subscriptionId);
    expect(replayed).toContain('action-overdue:bd-a1-1:2026-06-30');
    // Only the types it subscribed to.
    expect(replayed.every((eventId: string) => eventId.startsWith('action-overdue:'))).toBe(true);
    await waitFor('the replayed first-day event', () => receiver.kept.get('action-overdue:bd-a1-1:2026-06-30'));
  });

  it('replays a page of events at a time, oldest first, and refuses a limit out of range', async () => {
    const replay = /* GraphQL */ `
      mutation ($s: ID!, $since: DateTime!, $after: ID, $limit: Int) {
        replayAlertEvents(subscriptionId: $s, since: $since, after: $after, limit: $limit) {
          event {
            id
            raisedAt
          }
        }
      }
    `;
    const since = new Date(Date.now() - 3_600_000);
    const events = hub.stores.get('alerts')!.collection<{ _id: string; version: number; type: string; raisedAt: Date }>('alertEvents');
    // One check can raise many events within a millisecond: here all of them share one.
    const ofType = (await events.find({})).filter((e) => e.type === overdue && e.raisedAt >= since);
    const instant = new Date(Math.min(...ofType.map((e) => e.raisedAt.getTime())));
    for (const e of ofType) expect(await events.replaceOne({ _id: e._id }, { ...e, raisedAt: instant, version: e.version + 1 })).toBe(true);
    const stored = await events.find({});
    const oldest = stored
      .filter((e) => e.type === overdue && e.raisedAt >= since)
      .sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a._id.localeCompare(b._id))
      .map((e) => e._id);
    expect(oldest.length).toBeGreaterThanOrEqual(3);
    const page = async (from: string, limit: number, after?: string) => {
      const answer = await hub.query(replay, { s: subscriptionId, since: from, after, limit });
      expect(answer.errors).toBeUndefined();
      return answer.data!.replayAlertEvents.map((d: { event: { id: string; raisedAt: string } }) => d.event) as {
        id: string;
        raisedAt: string;
      }[];
    };
    const first = await page(since.toISOString(), 2);
    expect(first.map((e) => e.id)).toEqual(oldest.slice(0, 2));
    // The next page starts after the last one, by moment and then id.
    const next = await page(first[1]!.raisedAt, 2, first[1]!.id);
    expect(next.map((e) => e.id)).toEqual(oldest.slice(2, 4));
    // Paging one at a time through events of one moment still reaches each once, in order.
    const walked: string[] = [];
    let last = (await page(since.toISOString(), 1))[0];
    while (last && walked.length <= oldest.length) {
      walked.push(last.id);
      last = (await page(last.raisedAt, 1, last.id))[0];
    }
    expect(walked).toEqual(oldest);
    for (const limit of [0, 501]) {
      const answer = await hub.query(replay, { s: subscriptionId, since: since.toISOString(), limit });
      expect(answer.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'limit', problem: `must be from 1 to 500 (got ${limit})` }],
      });
    }
  });

  it('resumes and deletes a subscription whole when another writer changes one of its deliveries meanwhile', async () => {
    // The alerts store, with another writer (a second replica claiming a delivery) slipping its
    // write in before the next write to a delivery, once each time it is armed.
    const store = createNedbStore({});
    let armed = false;
    const contended: Store = {
      ...store,
      collection<T extends StoredDocument>(name: string): Collection<T> {
        const inner = store.collection<T>(name);
        if (name !== 'alertDeliveries') return inner;
        return {
          ...inner,
          name: inner.name,
          find: (filter, options) => inner.find(filter, options),
          count: (filter) => inner.count(filter),
          findFields: (filter, fields) => inner.findFields(filter, fields),
          insertMany: (docs) => inner.insertMany(docs),
          deleteMany: (filter) => inner.deleteMany(filter),
          ensureIndexes: (indexes) => inner.ensureIndexes(indexes),
          async replaceOne(filter, doc) {
            if (armed) {
              armed = false;
              const [current] = await inner.find({ _id: doc._id });
              const claimed = { ...current!, version: current!.version + 1, nextAttemptAt: new Date(Date.now() + 60_000) };
              await inner.replaceOne({ _id: doc._id, version: current!.version }, claimed);
            }
            return inner.replaceOne(filter, doc);
          },
        };
      },
    };
    const at = new Date(Date.now() - 7_200_000);
    const subscription = 'sub-contended';
    await store.collection('alertSubscriptions').insertMany([
      {
        _id: subscription,
        version: 1,
        url: 'http://127.0.0.1:9/crg-events',
        eventTypes: [overdue],
        description: 'A paused receiver',
        secret: `whsec_${Buffer.from('contended subscription secret 32b').toString('base64')}`,
        status: 'PAUSED',
        pausedReason: 'paused by analyst@lead-ministry',
        createdAt: at,
        createdBy: 'analyst@lead-ministry',
        changedAt: at,
      } as any,
    ]);
    const eventIds = ['action-overdue:bd-a1-1:2026-06-30', 'action-overdue:bd-a1-2:2026-06-30', 'action-overdue:bd-a1-3:2026-06-30'];
    await store.collection('alertEvents').insertMany(
      eventIds.map((id) => ({
        _id: id,
        version: 1,
        type: overdue,
        subject: id.split(':')[1],
        summary: 'An action is overdue',
        day: at,
        raisedAt: at,
        data: '{}',
        handedOut: true,
        notTo: null,
      })),
    );
    await store.collection('alertDeliveries').insertMany(
      eventIds.map((eventId, i) => ({
        _id: `${subscription}~${eventId}`,
        version: 1,
        subscriptionId: subscription,
        eventId,
        status: i === 0 ? 'GAVE_UP' : 'PENDING',
        attempts: [],
        nextAttemptAt: i === 0 ? null : at,
        giveUpAt: new Date(at.getTime() + 3_600_000),
        createdAt: at,
        deliveredAt: null,
        gaveUpAt: i === 0 ? at : null,
      })),
    );
    // No sweep of its own meanwhile: only the writes the mutations make, and the one slipped in.
    const alerts = await startAlerts(contended, {
      config: { ...hub.subgraphConfig, alerts: { ...hub.subgraphConfig.alerts!, sweepMs: 3_600_000 } },
    });
    const ask = (query: string) => askAlerts(alerts, query, { id: subscription });
    const stored = () => store.collection<DeliveryDoc & { version: number }>('alertDeliveries').find({ subscriptionId: subscription });
    try {
      armed = true;
      const resumed = await ask('mutation ($id: ID!) { resumeAlertSubscription(id: $id) { status } }');
      expect(resumed.errors).toBeUndefined();
      expect(armed, 'the other write was slipped in').toBe(false);
      expect(resumed.data!.resumeAlertSubscription).toEqual({ status: 'ACTIVE' });
      // Every delivery that waited, and the one given up on, is due again: none left behind.
      expect((await stored()).map((d) => d.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);

      armed = true;
      const deleted = await ask('mutation ($id: ID!) { deleteAlertSubscription(id: $id) { status } }');
      expect(deleted.errors).toBeUndefined();
      expect(armed, 'the other write was slipped in').toBe(false);
      expect(deleted.data!.deleteAlertSubscription).toEqual({ status: 'DELETED' });
      await waitFor('no delivery left pending', async () => ((await stored()).every((d) => d.status === 'CANCELLED') ? true : undefined));
    } finally {
      await alerts.stop();
    }
  });

  it('ends an attempt a receiver holds open by trickling its answer, records it, and retries once under the same webhook-id', async () => {
    const trickler = await new TricklingReceiver(1).start();
    const answer = await hub.query(subscribe, {
      input: { url: trickler.url, eventTypes: [overdue], description: 'A receiver that trickles' },
    });
    expect(answer.errors).toBeUndefined();
    const tricklerId = answer.data!.createAlertSubscription.subscription.id as string;
    try {
      expect((await replayLastHour(tricklerId)).length).toBeGreaterThan(0);
      const held = await waitFor('a request at the trickling receiver', () => trickler.ids[0]);
      const delivery = await waitFor(
        'the held delivery, delivered by its second attempt',
        async () => {
          const log = await hub.query(deliveries, { subscriptionId: tricklerId, status: 'DELIVERED' });
          return log.data!.alertDeliveries.find((d: any) => d.event.id === held);
        },
        15_000,
      );
      // The first attempt ended at its deadline and is in the log; the second was answered.
      expect(delivery.attempts).toMatchObject([
        { statusCode: null, error: expect.stringMatching(/no answer within 3 s/) },
        { statusCode: 204, error: null },
      ]);
      expect(delivery.attempts[0].ms).toBeLessThan(10_000);
      // Sent twice, one after the other, under the event's id both times.
      expect(trickler.ids.filter((id) => id === held)).toEqual([held, held]);
      expect(trickler.mostOpen).toBe(1);
    } finally {
      await hub.query('mutation ($id: ID!) { deleteAlertSubscription(id: $id) { id } }', { id: tricklerId });
      await trickler.stop();
    }
  }, 30_000);

  it('pauses a subscriber that keeps failing, shows it in the graph and tells the other subscribers', async () => {
    const broken = new Receiver();
    broken.status = 500;
    await broken.start();
    try {
      const brokenId = await subscribeReceiver(broken, [overdue], 'A receiver that answers 500');
      // bd-a5-1 is due on 2027-03-31.
      hub.moveClockTo('2027-04-01');
      const raised = (await runCheck()).raised.filter((e) => e.type === overdue);
      expect(raised.length).toBeGreaterThan(0);

      // The retry span is 4 s; on a busy machine the sweeps after it may take as long again.
      const report = await waitFor(
        'the pause report at the other subscriber',
        () => receiver.keptOfType(paused).find((r) => r.event.data.subscriptionId === brokenId),
        20_000,
      );
      // Which subscription and when, nothing of its address or the errors it met.
      expect(Object.keys(report.event.data as object).sort()).toEqual(['pausedAt', 'subscriptionId']);
      expect(broken.keptOfType(paused)).toEqual([]);
      const subscriptions = await hub.query('{ alertSubscriptions { id status pausedReason } }');
      expect(subscriptions.data!.alertSubscriptions.find((s: { id: string }) => s.id === brokenId)).toMatchObject({
        status: 'PAUSED',
        pausedReason: expect.stringMatching(/failed for 4 s \(last: answered HTTP 500\)/),
      });
      const gaveUp = await hub.query(deliveries, { subscriptionId: brokenId, status: 'GAVE_UP' });
      expect(gaveUp.data!.alertDeliveries.length).toBeGreaterThan(0);
      const attempts = gaveUp.data!.alertDeliveries[0].attempts;
      expect(attempts.length).toBeGreaterThan(2);
      expect(attempts.every((a: { statusCode: number }) => a.statusCode === 500)).toBe(true);
      // Backoff: each wait longer than the first.
      const waits = attempts.slice(1).map((a: { at: string }, i: number) => Date.parse(a.at) - Date.parse(attempts[i].at));
      expect(waits.at(-1)).toBeGreaterThan(waits[0] ?? 0);

      // While paused, nothing more goes to it: what it subscribed to waits.
      const before = broken.connections;
      hub.moveClockTo('2027-07-01');
      const whilePaused = (await runCheck()).raised.filter((e) => e.type === overdue).map((e) => e.id);
      expect(whilePaused.length, 'an action turned overdue while it was paused').toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(broken.connections).toBe(before);

      // Mended and resumed, it gets what waited, and what the hub gave up on when it paused it.
      broken.status = 204;
      const resumed = await hub.query(`mutation($id: ID!) { resumeAlertSubscription(id: $id) { status } }`, { id: brokenId });
      expect(resumed.data!.resumeAlertSubscription).toEqual({ status: 'ACTIVE' });
      for (const id of [...whilePaused, ...raised.map((e) => e.id)])
        await waitFor(`${id} after resuming`, () => broken.kept.get(id), 20_000);
    } finally {
      await broken.stop();
    }
  }, 30_000);

  it('carries no case-level data in any event, and its role cannot read a case', async () => {
    const events = await hub.query('{ alertEvents(limit: 500) { id type subject summary data } }');
    const all = events.data!.alertEvents as { id: string; data: string; summary: string }[];
    expect(all.map((e) => e.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^referrals-past-follow-up:/)]));
    const text = JSON.stringify([all, receiver.received.map((r) => r.event)]);
    expect(text).not.toMatch(/CASE-[A-Z]{2}-\d{4}/);
    // Every field any event carries is one of these: framework status, published counts, the hub's own state.
    const fields = new Set(all.flatMap((e) => Object.keys(JSON.parse(e.data) as object)));
    const allowed = [
      ...['actionId', 'code', 'title', 'leadSectorId', 'dueDate', 'bodyId', 'bodyName', 'nextMeetingDue', 'daysOverdue'],
      ...['sectorId', 'dataSetId', 'period', 'timelyUntil', 'receivedAt', 'toSectorId', 'count', 'year', 'day'],
      ...['subgraph', 'since', 'subscriptionId', 'pausedAt'],
    ];
    expect([...fields].filter((field) => !allowed.includes(field))).toEqual([]);
    expect(fields.has('count')).toBe(true);
  });

  it("reads, with the alerts service's own role, what its check asks and nothing beyond framework status and published counts", async () => {
    const asService = { role: 'alerts-service' as const };
    const checked = await hub.query(conditionsQuery, conditionsVariables(new Date(`${TODAY}T00:00:00Z`)), asService);
    expect(checked.errors).toBeUndefined();
    expect(checked.data!.framework.actions.length).toBeGreaterThan(0);
    expect(checked.data!.thisYear.overdueFollowUps.rows.length).toBeGreaterThan(0);
    const refused: [string, string][] = [
      ['{ cases(purpose: "probe") { id } }', 'Query.cases'],
      ['{ meeting(id: "bd-steering-2026-06-18") { id } }', 'Query.meeting'],
      ['{ meetingPack(bodyId: "bd-steering") { preparedOn } }', 'Query.meetingPack'],
      ['{ auditLog { id } }', 'Query.auditLog'],
      // Its own store's subscriptions and log are the lead ministry's to read and change, not the checker's.
      ['{ alertSubscriptions { id url } }', 'Query.alertSubscriptions'],
      ['{ alertEvents { id } }', 'Query.alertEvents'],
      ['mutation { runAlertCheck { problems } }', 'Mutation.runAlertCheck'],
      [
        'mutation { createAlertSubscription(input: { url: "http://127.0.0.1:9/x", eventTypes: ["crg.action.overdue"], description: "x" }) { secret } }',
        'Mutation.createAlertSubscription',
      ],
    ];
    for (const [query, field] of refused) {
      const answer = await hub.query(query, undefined, asService);
      expect(answer.errors?.[0]?.extensions, query).toMatchObject({ code: 'FORBIDDEN', field });
    }
  });

  it('keeps subscription secrets encrypted in the store, and shows one only when it is made', async () => {
    const stored = await hub.stores
      .get('alerts')!
      .collection<Record<string, any> & { _id: string; version: number }>('alertSubscriptions')
      .find({});
    expect(stored.map((s) => s._id)).toContain(subscriptionId);
    expect(JSON.stringify(stored)).not.toContain(receiver.secret.slice('whsec_'.length));
    for (const record of stored) {
      expect(record).not.toHaveProperty('secret');
      expect(record.encrypted).toMatchObject({ alg: 'A256GCM', fields: { secret: expect.any(String) } });
    }
    const asked = await hub.query('{ alertSubscriptions { id secret } }');
    expect(asked.errors![0]!.message).toMatch(/Cannot query field "secret" on type "AlertSubscription"/);
    expect(asked.data).toBeUndefined();
  });

  it('encrypts the secrets a store kept in clear from before, once, and signs with them as before', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-alerts-clear-'));
    const store = createNedbStore({ directory });
    const old = new Receiver();
    await old.start();
    old.secret = `whsec_${Buffer.from('a secret kept in clear by an earlier version!').toString('base64')}`;
    const at = new Date('2026-11-20T09:00:00Z');
    await store.collection('alertSubscriptions').insertMany([
      {
        _id: 'sub-kept-in-clear',
        version: 3,
        url: old.url,
        eventTypes: [overdue],
        description: 'Subscribed before secrets were encrypted',
        secret: old.secret,
        status: 'ACTIVE',
        pausedReason: null,
        createdAt: at,
        createdBy: 'analyst@lead-ministry',
        changedAt: at,
      } as any,
    ]);
    // An event raised but not yet handed out when the earlier version stopped.
    const eventId = 'action-overdue:bd-a1-1:2026-06-30';
    await store.collection('alertEvents').insertMany([
      {
        _id: eventId,
        version: 1,
        type: overdue,
        subject: 'bd-a1-1',
        summary: 'Action A1.1 is overdue',
        day: at,
        raisedAt: at,
        data: JSON.stringify({ actionId: 'bd-a1-1' }),
        handedOut: false,
        notTo: null,
      } as any,
    ]);
    const upgraded = await startAlerts(store);
    try {
      const [record] = await store.collection<Record<string, any> & { _id: string; version: number }>('alertSubscriptions').find({});
      expect(record).not.toHaveProperty('secret');
      expect(JSON.stringify(record)).not.toContain(old.secret.slice('whsec_'.length));
      // Written again as it was: the same subscription, one version on.
      expect(record).toMatchObject({ _id: 'sub-kept-in-clear', version: 4, status: 'ACTIVE', url: old.url, encrypted: { alg: 'A256GCM' } });
      // The data file was rewritten before serving: no line of it holds the secret in clear any more.
      const file = fs.readFileSync(store.location('alertSubscriptions'), 'utf8');
      expect(file).toContain('sub-kept-in-clear');
      expect(file).not.toContain(old.secret.slice('whsec_'.length));
      expect((await store.collection(upgradeLedger).find({})).map((r) => r._id)).toContain('alerts: subscription secrets encrypted');
      // The receiver verifies the delivery with the secret it was given before the upgrade.
      const got = await waitFor('the event signed with the secret kept from before', () => old.kept.get(eventId));
      expect(got.headers['webhook-id']).toBe(eventId);
      expect(old.refused).toEqual([]);
    } finally {
      await upgraded.stop();
      await old.stop();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it("rotates a subscription's secret, shown once, and signs later deliveries with it under the same webhook-id", async () => {
    const rotated = new Receiver();
    await rotated.start();
    try {
      const id = await subscribeReceiver(rotated, [overdue], 'Rotated after the upgrade');
      const eventId = 'action-overdue:bd-a1-1:2026-06-30';
      const replayedFirst = await replayLastHour(id);
      expect(replayedFirst).toContain(eventId);
      // Every replayed event delivered before the rotation: one still on its way would arrive
      // signed with the first secret after the receiver has taken the new one.
      await waitFor('every replayed event, signed with the first secret', () =>
        replayedFirst.every((replayed) => rotated.kept.has(replayed)) ? true : undefined,
      );
      const first = rotated.secret;
      const answer = await hub.query(
        'mutation ($id: ID!) { rotateAlertSubscriptionSecret(id: $id) { subscription { id status } secret } }',
        { id },
      );
      expect(answer.errors).toBeUndefined();
      const { subscription, secret } = answer.data!.rotateAlertSubscriptionSecret;
      expect(subscription).toEqual({ id, status: 'ACTIVE' });
      expect(secret).toMatch(/^whsec_/);
      expect(secret).not.toBe(first);
      rotated.secret = secret;
      rotated.kept.delete(eventId);
      const replayed = await hub.query('mutation ($id: ID!) { replayAlertDelivery(id: $id) { id } }', { id: `${id}~${eventId}` });
      expect(replayed.errors).toBeUndefined();
      const got = await waitFor('the event signed with the new secret', () => rotated.kept.get(eventId));
      expect(got.headers['webhook-id']).toBe(eventId);
      expect(rotated.refused).toEqual([]);
    } finally {
      await rotated.stop();
    }
  });

  it('refuses bad input with errors that name the field, storing nothing', async () => {
    const before = (await hub.query('{ alertSubscriptions { id } }')).data!.alertSubscriptions.length;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ url: 'not a url', eventTypes: [overdue] }, 'url', /must be an absolute URL/],
      [{ url: 'ftp://example.org/x', eventTypes: [overdue] }, 'url', /http or https/],
      [{ url: 'https://user:pw@example.org/x', eventTypes: [overdue] }, 'url', /user name or password/],
      [{ url: receiver.url, eventTypes: ['crg.action.late'] }, 'eventTypes', /unknown event type "crg.action.late"/],
      [{ url: receiver.url, eventTypes: [] }, 'eventTypes', /at least one/],
    ];
    for (const [input, field, problem] of cases) {
      const answer = await hub.query(subscribe, { input: { description: 'probe', ...input } });
      const error = answer.errors![0]!;
      expect(error.extensions!.code).toBe('BAD_USER_INPUT');
      expect(error.extensions!.fields).toEqual([{ field, problem: expect.stringMatching(problem) }]);
    }
    const notFound = await hub.query('mutation { pauseAlertSubscription(id: "sub-none") { id } }');
    expect(notFound.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const dashboard = await hub.query(
      subscribe,
      { input: { url: receiver.url, eventTypes: [overdue], description: 'x' } },
      { role: 'dashboard' },
    );
    expect(dashboard.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await hub.query('{ alertSubscriptions { id } }')).data!.alertSubscriptions).toHaveLength(before);
  });

  it("writes a body's weekly digest of the events that concern it, and only that week's", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-digest-'));
    const token = await hub.tokenFor({ role: 'analyst' });
    const run = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/digest.ts',
        '--body',
        'bd-steering',
        '--until',
        TODAY,
        '--out',
        dir,
        '--url',
        hub.gateway.url,
        '--token',
        token,
      ],
      { cwd: path.resolve(import.meta.dirname, '../..') },
    );
    const file = path.join(dir, `alerts-digest-${TODAY}.html`);
    expect(run.stdout).toContain(file);
    const html = fs.readFileSync(file, 'utf8');
    const send = (query: string, variables: Record<string, unknown>) => hub.query(query, variables);
    const { digest } = await writeAlertsDigest(send, 'bd-steering', TODAY, dir);
    const ids = digest.events.map((e) => e.id);
    expect(ids).toContain('body-meeting-overdue:bd-steering:2026-09-18');
    expect(ids).toContain('action-overdue:bd-a3-1:2026-09-30');
    // Raised on 2026-12-11, after the week.
    expect(ids).not.toContain('action-overdue:bd-a3-4:2026-12-10');
    expect(digest.events.every((e) => e.day >= '2026-11-18' && e.day <= TODAY)).toBe(true);
    expect(html).toContain('Alerts digest: Steering Committee');
    expect(html).toContain('body-meeting-overdue:bd-steering:2026-09-18');
    expect(html).not.toMatch(/CASE-[A-Z]{2}-\d{4}/);

    // Another body's digest leaves out what is the steering committee's alone.
    const local = await writeAlertsDigest(send, 'bd-district-committee-dhaka', TODAY, dir);
    expect(local.digest.events.map((e) => e.id)).toContain('body-meeting-overdue:bd-district-committee-dhaka:2026-11-12');
    expect(local.digest.events.map((e) => e.id)).not.toContain('body-meeting-overdue:bd-steering:2026-09-18');
    await expect(writeAlertsDigest(send, 'no-such-body', TODAY, dir)).rejects.toThrow('No coordination body with id "no-such-body"');
  });

  it('makes no token of its own for the digest in production mode: the caller brings one from the identity provider', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-digest-'));
    const { CRG_TOKEN: _, ...environment } = process.env;
    // A production configuration short of its issuer settings: no local token, whatever else is missing.
    const production = [{ ...environment, CRG_MODE: 'production' }];
    const runs = await Promise.allSettled(
      production.map((env) =>
        promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', 'scripts/digest.ts', '--body', 'bd-steering', '--until', TODAY, '--out', dir, '--url', hub.gateway.url],
          { cwd: path.resolve(import.meta.dirname, '../..'), env },
        ),
      ),
    );
    for (const run of runs) {
      expect(run.status).toBe('rejected');
      expect((run as PromiseRejectedResult).reason).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^--token \(or CRG_TOKEN\) is required: /),
      });
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('raises a sector that stopped answering, once per outage', async () => {
    await hub.stopSubgraph('education');
    const first = await runCheck();
    const down = first.raised.filter((e) => e.type === 'crg.sector.unavailable');
    expect(down.map((e) => e.id)).toEqual([expect.stringMatching(/^sector-unavailable:education:\d{4}-\d{2}-\d{2}T/)]);
    // Which subgraph and since when; what the gateway said of it stays in the hub's log.
    expect(JSON.parse(down[0]!.data)).toEqual({ subgraph: 'education', since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    // Still down at the next check: the same outage, no second event.
    expect((await runCheck()).raised.filter((e) => e.type === 'crg.sector.unavailable')).toEqual([]);
  });
});
