import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { postGraphQL, startTestHub, type TestHub } from '../support/hub.ts';
import { originOf, sample, startExtraGateway } from './opsHub.ts';

const original = readSupergraph();
const description = 'The current framework: the one in force (adopted, not superseded).';
const revised = description.replace(/\.$/, ' (revised).');
const frameworkLine = 'framework: Framework! @join__field(graph: COORDINATION) @requiresScopes(scopes: [["framework:read"]])';
// The same graph with one description changed and the framework closed to the analyst's scopes:
// a reload must swap the schema and the authorization policy together.
const changed = original
  .replace(`"""${description}"""`, `"""${revised}"""`)
  .replace(frameworkLine, frameworkLine.replace('framework:read', 'sector:write'));

const describeQuery = `{ __type(name: "Query") { fields { name description } } }`;
const streamed = `query Stream { sectors { id delivery { total } } }`;

describe('supergraph reload', () => {
  let hub: TestHub;
  let gateway: RunningGateway;
  let dir: string;
  let file: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    expect(changed).not.toBe(original);
    expect(changed).toContain('sector:write"]])\n');
    hub = await startTestHub();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-supergraph-'));
    file = path.join(dir, 'supergraph.graphql');
    fs.writeFileSync(file, original);
    gateway = await startExtraGateway(hub, { supergraphFile: file, supergraphPollMs: 50 });
    headers = { authorization: `Bearer ${await hub.tokenFor({ role: 'analyst' })}` };
  });
  afterAll(async () => {
    await gateway?.stop();
    await hub?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const frameworkDescription = async () => {
    const { data } = await postGraphQL(gateway.url, describeQuery, undefined, headers);
    return data!.__type.fields.find((f: { name: string }) => f.name === 'framework').description as string;
  };

  it('picks up a changed file while a stream of requests runs, and none of them fails', async () => {
    expect(await frameworkDescription()).toBe(description);
    const failures: unknown[] = [];
    let answered = 0;
    let streaming = true;
    const worker = async () => {
      while (streaming) {
        try {
          const result = await postGraphQL(gateway.url, streamed, undefined, headers);
          if (result.errors || result.data?.sectors?.length !== 5) failures.push(result);
          else answered++;
        } catch (error) {
          failures.push(error);
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (answered < 16) await new Promise((r) => setTimeout(r, 10));
    // Written aside and renamed into place, as a deploy step or a ConfigMap update does.
    fs.writeFileSync(`${file}.next`, changed);
    fs.renameSync(`${file}.next`, file);
    const deadline = Date.now() + 5000;
    while ((await frameworkDescription()) !== revised && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const answeredBeforeSwap = answered;
    while (answered < answeredBeforeSwap + 16) await new Promise((r) => setTimeout(r, 10));
    streaming = false;
    await Promise.all(workers);
    expect(failures).toEqual([]);
    expect(await frameworkDescription()).toBe(revised);
  });

  it("applies the new graph's authorization rules with it", async () => {
    const { data, errors } = await postGraphQL(gateway.url, `{ framework { title } }`, undefined, headers);
    expect(data?.framework ?? null).toBeNull();
    expect(errors?.[0]?.message).toMatch(/sector:write/);
    // The hub's own gateway still serves the committed graph.
    expect((await hub.query(`{ framework { title } }`)).errors).toBeUndefined();
  });

  it('refuses a broken file and keeps serving the graph it has; reload() reports the outcome', async () => {
    fs.writeFileSync(file, 'type Query { this is not a supergraph');
    expect(gateway.reloadSupergraph()).toBe('rejected');
    expect((await postGraphQL(gateway.url, streamed, undefined, headers)).errors).toBeUndefined();
    expect(await frameworkDescription()).toBe(revised);
    fs.writeFileSync(file, original);
    expect(gateway.reloadSupergraph()).toBe('applied');
    expect(gateway.reloadSupergraph()).toBe('unchanged');
    expect(await frameworkDescription()).toBe(description);
    const metrics = await (await fetch(`${originOf(gateway.url)}/metrics`)).text();
    expect(sample(metrics, 'crg_supergraph_reloads_total', { outcome: 'rejected' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'crg_supergraph_reloads_total', { outcome: 'applied' })).toBeGreaterThanOrEqual(2);
  });
});
