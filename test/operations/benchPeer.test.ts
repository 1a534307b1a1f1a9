import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, stopAll, type Service } from '../../scripts/bench/processes.ts';
import { serviceEnvironment } from '../support/serviceEnvironment.ts';
import { postGraphQL, startTestHub, type TestCaller, type TestHub } from '../support/hub.ts';
import { benchOperations, type BenchOperation } from '../../scripts/bench/operations.ts';

/*
 * `npm run bench` compares our gateway with Hive Gateway serving the same committed supergraph.
 * This runs that peer over the test hub's subgraphs and checks it gives the same answers as ours
 * for every bench operation, so a supergraph change the peer cannot serve fails here, not in
 * the middle of a benchmark.
 */
let hub: TestHub;
let peer: Service;
let environment: ReturnType<typeof serviceEnvironment>;

beforeAll(async () => {
  hub = await startTestHub();
  environment = serviceEnvironment(hub, 'peer');
  peer = await launch('peer', 'scripts/bench/peerGateway.ts', [], { ...environment.env, PEER_PORT: '0' });
}, 60_000);

afterAll(async () => {
  await stopAll(peer ? [peer] : []);
  await hub?.stop();
  environment?.remove();
});

const peerHeaders = (op: BenchOperation, as: TestCaller) => ({
  'x-bench-role': as.role,
  ...(as.sector ? { 'x-bench-sector': as.sector } : {}),
  ...(op.caseLevel ? { 'x-bench-case-level': '1' } : {}),
});

async function variablesFor(op: BenchOperation, as: TestCaller) {
  return op.prepare ? op.prepare(async (query) => (await hub.query(query, {}, as)).data!) : (op.variables ?? {});
}

describe('the benchmark peer gateway', () => {
  for (const op of benchOperations) {
    it(`answers ${op.name} as our gateway does`, async () => {
      const as: TestCaller = op.as ?? { role: 'analyst' };
      const variables = await variablesFor(op, as);
      const ours = await hub.query(op.query, variables, as);
      expect(ours.errors).toBeUndefined();
      const theirs = await postGraphQL(peer.url, op.query, variables, peerHeaders(op, as));
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data).toEqual(ours.data);
    });
  }

  it('sends every case-level read to the subgraph that audits it, however many arrive at once', async () => {
    const op = benchOperations.find((o) => o.caseLevel)!;
    const as = op.as!;
    const variables = await variablesFor(op, as);
    const auditLog = hub.stores.get(as.sector!)!.collection('auditLog');
    const before = await auditLog.count({});
    const answers = await Promise.all(Array.from({ length: 20 }, () => postGraphQL(peer.url, op.query, variables, peerHeaders(op, as))));
    expect(answers.every((a) => a.data && !a.errors)).toBe(true);
    expect((await auditLog.count({})) - before).toBe(20);
  });
});
