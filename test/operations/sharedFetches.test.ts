import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.ts';
import { originOf, sample } from './opsHub.ts';

describe('identical subgraph calls in flight', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => hub?.stop());

  const fetches = async (subgraph: string) =>
    sample(await (await fetch(`${originOf(hub.gateway.url)}/metrics`)).text(), 'crg_subgraph_fetch_duration_seconds_count', { subgraph }) ??
    0;
  const burst = async (query: string) => {
    const headers = { authorization: `Bearer ${await hub.tokenFor({ role: 'analyst' })}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => postGraphQL(hub.gateway.url, query, undefined, headers)));
    for (const result of results) expect(result.errors).toBeUndefined();
    return results;
  };

  it('share one answer when the query reads aggregates only, and every caller gets it whole', async () => {
    const before = await fetches('health');
    const results = await burst(`query Burst { sectors { id delivery { total overdue } } }`);
    expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
    expect(results[0]!.data!.sectors).toHaveLength(5);
    expect((await fetches('health')) - before).toBeLessThan(10);
  });

  it('are each made when the query reads more than aggregates', async () => {
    const before = await fetches('coordination');
    await burst(`query Contacts { sectors { id focalPoint { name email } } }`);
    expect((await fetches('coordination')) - before).toBe(10);
  });
});
