import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { hivePeers, startHivePeer } from '../../scripts/bench/hivePeers.ts';
import { benchOperations, type BenchOperation } from '../../scripts/bench/operations.ts';
import { stopAll, type Service } from '../../scripts/bench/processes.ts';
import { graphqlCallsAnswered } from '../../scripts/bench/subgraphCalls.ts';
import { serviceEnvironment } from '../support/serviceEnvironment.ts';
import { postGraphQL, startTestHub, testAudience, testIssuer, type TestCaller, type TestHub } from '../support/hub.ts';

/*
 * `npm run bench` compares our gateway with Hive Gateway's own command-line gateway serving the
 * same committed supergraph through scripts/bench/hive/gateway.config.ts. This starts that CLI over
 * the test hub's subgraphs, with its response cache on (the configuration of the other peers less
 * the cache), and checks that it verifies the caller's token itself, answers every bench operation
 * as ours does, and sends every case-level read to the subgraph that audits it, neither merged in
 * flight nor answered from its cache. A supergraph change the peer cannot serve, or a Hive release
 * that behaves otherwise, fails here, not in the middle of a benchmark. One CLI only, to keep the
 * file short; every bench run compares the answers of all three peers before it times anything.
 */
let hub: TestHub;
let environment: ReturnType<typeof serviceEnvironment>;
const peers: Service[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  environment = serviceEnvironment(hub, 'peer');
  const env = { ...environment.env, CRG_AUTH_ISSUER: testIssuer, CRG_AUTH_AUDIENCE: testAudience, LOG_LEVEL: 'warn' };
  const log = (name: string) => path.join(environment.dataDir, `${name}.log`);
  peers.push(await startHivePeer(hivePeers.hiveCached, env, log('hive-cached')));
}, 90_000);

afterAll(async () => {
  await stopAll(peers);
  await hub?.stop();
  environment?.remove();
});

const callerOf = (op: BenchOperation): TestCaller => ({ role: op.as?.role ?? 'analyst', sector: op.as?.sector, subject: 'reader@bench' });

async function variablesFor(op: BenchOperation, as: TestCaller) {
  return op.prepare ? op.prepare(async (query) => (await hub.query(query, {}, as)).data!) : (op.variables ?? {});
}

describe('the benchmark peers: Hive Gateway’s CLI with the bench configuration', () => {
  it('refuses a request without a valid caller token, as ours does', async () => {
    const answer = await postGraphQL(peers[0]!.url, '{ sectors { id } }', undefined, { authorization: 'Bearer not-a-token' });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.length).toBeGreaterThan(0);
  });

  for (const op of benchOperations) {
    it(`answers ${op.name} as our gateway does`, async () => {
      const as = callerOf(op);
      const variables = await variablesFor(op, as);
      const ours = await hub.query(op.query, variables, as);
      expect(ours.errors).toBeUndefined();
      for (const peer of peers) {
        const theirs = await postGraphQL(peer.url, op.query, variables, { authorization: `Bearer ${await hub.tokenFor(as)}` });
        expect(theirs.errors, peer.name).toBeUndefined();
        expect(theirs.data, peer.name).toEqual(ours.data);
      }
    });
  }

  it('sends every case-level read to the subgraph that audits it, at once or one after another', async () => {
    const op = benchOperations.find((o) => o.caseLevel)!;
    const as = callerOf(op);
    const variables = await variablesFor(op, as);
    const auditLog = hub.stores.get(as.sector!)!.collection('auditLog');
    for (const peer of peers) {
      const before = await auditLog.count({});
      const read = async () =>
        postGraphQL(peer.url, op.query, variables, {
          authorization: `Bearer ${await hub.tokenFor(as)}`,
          'x-request-id': crypto.randomUUID(),
        });
      const together = await Promise.all(Array.from({ length: 20 }, read));
      const after = [await read(), await read()];
      expect([...together, ...after].every((a) => a.data && !a.errors)).toBe(true);
      expect((await auditLog.count({})) - before, peer.name).toBe(22);
    }
  });

  // Hive merges identical subgraph calls in flight by default, as ours does; the bench's
  // configuration must leave calls of one role and sector identical (no caller's claims copied into
  // them), or it never merges a single one, and the subgraphs do work behind it that ours spares
  // them. Shown with a case read sent without its own request id, which its cache never keeps: one
  // read alone, then many officers of one sector at once, who must share calls.
  it('merges identical subgraph calls in flight of callers of one role and sector, as ours does', async () => {
    const op = benchOperations.find((o) => o.caseLevel)!;
    const variables = await variablesFor(op, callerOf(op));
    const urls = [...hub.subgraphs.values()].map((s) => s.url);
    const read = async (officer: number) =>
      postGraphQL(peers[0]!.url, op.query, variables, {
        authorization: `Bearer ${await hub.tokenFor({ ...callerOf(op), subject: `officer.${officer}@bench` })}`,
      });
    const before = await graphqlCallsAnswered(urls);
    expect((await read(0)).errors).toBeUndefined();
    const alone = (await graphqlCallsAnswered(urls)) - before;
    expect(alone).toBeGreaterThan(0);

    const together = await Promise.all(Array.from({ length: 40 }, (_, i) => read(i + 1)));
    expect(together.every((a) => a.data && !a.errors)).toBe(true);
    const calls = (await graphqlCallsAnswered(urls)) - before - alone;
    expect(calls).toBeLessThan(40 * alone);
  });

  it('never merges the calls of callers of another role or sector: each gets the answer it gets alone', async () => {
    const op = benchOperations.find((o) => o.caseLevel)!;
    const variables = await variablesFor(op, callerOf(op));
    const callers: TestCaller[] = [
      { role: 'sector-officer', sector: 'health', subject: 'officer@bench' },
      { role: 'sector-officer', sector: 'police', subject: 'officer@bench' },
      { role: 'analyst', subject: 'analyst@bench' },
    ];
    const read = async (as: TestCaller) =>
      JSON.stringify(await postGraphQL(peers[0]!.url, op.query, variables, { authorization: `Bearer ${await hub.tokenFor(as)}` }));
    const alone = new Map<TestCaller, string>();
    for (const as of callers) alone.set(as, await read(as));
    expect(new Set(alone.values()).size).toBe(callers.length);

    const mixed = Array.from({ length: 30 }, (_, i) => callers[i % callers.length]!);
    const answers = await Promise.all(mixed.map(read));
    expect(answers.filter((answer, i) => answer !== alone.get(mixed[i]!))).toEqual([]);
  });
});
