import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/hub.ts';

/*
 * One ministry's system going down, or hanging, must not take the national picture with it:
 * the gateway answers with every other sector's data and an error naming the missing sector.
 */

const statusQuery = `{ sectors { id name responsibilities { id } delivery { total overdue } } }`;

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

function expectOnlySectorMissing(data: any, errors: any[] | undefined, missing: string) {
  expect(data.sectors).toHaveLength(5);
  for (const sector of data.sectors) expect(sector.name).toMatch(/\w/); // from coordination, always there
  const down = data.sectors.filter((sector: any) => sector.id === missing);
  expect(down).toEqual([{ id: missing, name: expect.stringMatching(/\w/), responsibilities: null, delivery: null }]);
  for (const sector of data.sectors.filter((s: any) => s.id !== missing)) {
    expect(sector.responsibilities.length, sector.id).toBeGreaterThan(0);
    expect(sector.delivery.total, sector.id).toBeGreaterThan(0);
  }
  expect(errors).toBeDefined();
  expect(errors!.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions?.subgraph === missing)).toBe(true);
  expect(errors![0]!.message).toContain(`The ${missing} sector subgraph did not answer`);
}

describe('when one sector subgraph is down or slow', () => {
  it('returns every other sector and names the one that is down', async () => {
    hub = await startTestHub();
    await hub.stopSubgraph('police');
    const { data, errors } = await hub.query(statusQuery);
    expectOnlySectorMissing(data, errors, 'police');
    expect(errors![0]!.message).toContain('connection refused');
  });

  describe('with a subgraph that accepts connections but never answers', () => {
    const sockets = new Set<net.Socket>();
    const hanging = net.createServer((socket) => sockets.add(socket));
    afterAll(() => {
      for (const socket of sockets) socket.destroy();
      hanging.close();
    });

    it('gives up on it after the configured timeout and still answers', async () => {
      await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
      const port = (hanging.address() as net.AddressInfo).port;
      hub = await startTestHub({ subgraphTimeoutMs: 400, subgraphUrlOverrides: { justice: `http://127.0.0.1:${port}/graphql` } });
      const started = Date.now();
      const { data, errors } = await hub.query(statusQuery);
      expect(Date.now() - started).toBeLessThan(5000);
      expectOnlySectorMissing(data, errors, 'justice');
      expect(errors![0]!.message).toContain('no answer within 400 ms');
    });
  });

  describe('with a subgraph that answers something that is not GraphQL', () => {
    let answer = { type: '', body: '' };
    const garbage = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': answer.type }).end(answer.body);
    });
    let garbageHub: TestHub;
    beforeAll(async () => {
      await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
      const port = (garbage.address() as net.AddressInfo).port;
      garbageHub = await startTestHub({ subgraphUrlOverrides: { education: `http://127.0.0.1:${port}/graphql` } });
    });
    afterAll(async () => {
      await garbageHub.stop();
      garbage.close();
    });

    const answers = [
      { type: 'text/html', body: '<html><body>Service temporarily unavailable</body></html>', said: 'text/html' },
      { type: 'application/json', body: '{"data": {"_entities": [', said: 'starting' },
      { type: 'application/json', body: '[1, 2, 3]', said: 'starting' },
    ];
    for (const each of answers) {
      it(`names the sector when it answers ${each.type} ${JSON.stringify(each.body.slice(0, 12))}`, async () => {
        answer = each;
        const { data, errors } = await garbageHub.query(statusQuery);
        expectOnlySectorMissing(data, errors, 'education');
        expect(errors![0]!.message).toContain('it answered something that is not a GraphQL response');
        expect(errors![0]!.message).toContain(each.said);
      });
    }
  });

  it('names the lead ministry when coordination itself is down', async () => {
    hub = await startTestHub();
    await hub.stopSubgraph('coordination');
    const { data, errors } = await hub.query(`{ sectors { id } }`);
    expect(data).toBeNull();
    expect(errors![0]!.message).toContain('The lead ministry (coordination) subgraph did not answer');
  });
});
