import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/server.ts';
import type { RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { embeddedSector, type EmbeddedSector, type GatewayQuery } from './embeddedSector.ts';

/*
 * A write the disk refuses, for real: once the store is open, its progress reports file is made a
 * link to /dev/full, which NeDB opens on every append. NeDB has by then put the record in its
 * memory; the store must not serve that memory, and must say so to the caller and to /ready.
 */

const report = `mutation($input: ProgressReportInput!) {
  reportHealthActionProgress(input: $input) { id status progressHistory { sequence note } }
}`;
const history = `{ _entities(representations: [{ __typename: "HealthAction", id: "bd-a2-3" }]) { ... on HealthAction { progressHistory { note } } } }`;
const note = 'written while the disk was full';

let sector: EmbeddedSector;
let running: RunningSubgraph;
let gateway: RunningGateway;
let query: GatewayQuery;
let file: string;
let before: Buffer;
const failures: Error[] = [];

beforeAll(async () => {
  sector = await embeddedSector('health');
  running = await sector.start();
  running.store.onFailure((error) => failures.push(error));
  ({ gateway, query } = await sector.gatewayFor(running));
  file = sector.file('progressReports');
});
afterAll(async () => {
  await gateway?.stop();
  await running?.stop();
  sector?.remove();
});

const origin = () => running.url.replace(/\/graphql$/, '');

describe('a write that fails at the disk', () => {
  it('is answered with a clear STORE_UNAVAILABLE error naming the subgraph, the collection and the reason', async () => {
    const ok = await query(report, { input: { actionId: 'bd-a2-3', status: 'IN_PROGRESS', note: 'written before' } });
    expect(ok.errors).toBeUndefined();
    expect((await fetch(`${origin()}/ready`)).status).toBe(200);

    before = fs.readFileSync(file);
    fs.rmSync(file);
    fs.symlinkSync('/dev/full', file);
    const answer = await query(report, { input: { actionId: 'bd-a2-3', status: 'DELAYED', note } });
    expect(answer.data?.reportHealthActionProgress ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    const [error] = answer.errors!;
    expect(error!.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE', subgraph: 'health', collection: 'progressReports' });
    expect(error!.message).toContain(
      "The health subgraph's store failed to write to its progressReports collection (ENOSPC: no space left on device",
    );
    expect(error!.message).toContain('accepts nothing further until the subgraph restarts');
    expect(error!.message).not.toContain(sector.dataDir);
    expect(failures.map((f) => f.message)).toEqual([error!.message]);
  });

  it('never shows the record it could not keep: every later read is refused, and /ready says so', async () => {
    const read = await sector.askSubgraph(running, history);
    expect(JSON.stringify(read.data ?? null)).not.toContain(note);
    expect(read.errors?.map((e) => e.extensions?.code)).toContain('STORE_UNAVAILABLE');
    await expect(running.store.collection('progressReports').find({})).rejects.toThrow(/accepts nothing further/);
    await expect(running.store.collection('actionRecords').count({})).rejects.toThrow(/progressReports/);
    const ready = await fetch(`${origin()}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'store unavailable', subgraph: 'health' });
  });

  it('stops without writing its memory to the files, and starts again from what they hold', async () => {
    await gateway.stop();
    await running.stop();
    // Compacting on close would have put a file in place of the link, holding the lost record.
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    fs.rmSync(file);
    fs.writeFileSync(file, before);

    running = await sector.start();
    ({ gateway, query } = await sector.gatewayFor(running));
    const read = await sector.askSubgraph(running, history);
    expect(read.errors).toBeUndefined();
    const notes = JSON.stringify(read.data);
    expect(notes).toContain('written before');
    expect(notes).not.toContain(note);
    expect((await fetch(`${origin()}/ready`)).status).toBe(200);
  });
});
