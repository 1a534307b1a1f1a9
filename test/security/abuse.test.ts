import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { expectRefused, send, snapshotAll } from './support.ts';

/*
 * Requests built to exhaust the hub, or to smuggle store operators in, are refused before any
 * subgraph is asked, with an error that says which limit; nothing stored changes.
 */

let hub: TestHub;
let token: string;
let before: string;
beforeAll(async () => {
  hub = await startTestHub();
  token = await hub.tokenFor({ role: 'analyst' });
  before = await snapshotAll(hub);
});
afterAll(async () => {
  expect(await snapshotAll(hub)).toBe(before);
  await hub?.stop();
});

const auth = () => ({ authorization: `Bearer ${token}` });
// Asked as application/graphql-response+json, whose status says that an operation was refused;
// under application/json a refused operation is answered 200 with the same errors (docs/http.md).
const refusable = { accept: 'application/graphql-response+json' };
const post = (body: unknown, headers: Record<string, string> = {}) => send(hub.gateway.url, body, { ...auth(), ...refusable, ...headers });
const get = (query: string, params: Record<string, string> = {}, headers: Record<string, string> = { ...auth(), ...refusable }) =>
  fetch(`${hub.gateway.url}?${new URLSearchParams({ query, ...params })}`, { headers }).then(async (response) => ({
    status: response.status,
    headers: response.headers,
    json: await response.json(),
  }));
const nested = (depth: number): string => (depth === 0 ? 'id' : `id ledActions { leadSector { ${nested(depth - 1)} } }`);

async function expectNoStoreQueries(run: () => Promise<unknown>) {
  for (const store of hub.stores.values()) store.resetQueryCount();
  await run();
  expect([...hub.stores.values()].reduce((n, store) => n + store.queries.total, 0)).toBe(0);
}

describe('abuse limits at the gateway', () => {
  it('refuses a query nested deeper than the limit', async () => {
    await expectNoStoreQueries(async () => {
      expectRefused(await post({ query: `{ sectors { ${nested(8)} } }` }), 400, 'GRAPHQL_VALIDATION_FAILED', /depth limit of 12/i);
    });
    expect((await post({ query: `{ sectors { ${nested(3)} } }` })).json.errors).toBeUndefined();
  });

  it('refuses alias flooding', async () => {
    const flood = Array.from({ length: 40 }, (_, i) => `a${i}: sectors { id }`).join(' ');
    expectRefused(await post({ query: `{ ${flood} }` }), 400, 'GRAPHQL_VALIDATION_FAILED', /aliases limit of 30/i);
  });

  it('refuses a wide query whose cost is over the limit, though each part is allowed', async () => {
    const wide = Array.from({ length: 25 }, (_, i) => `a${i}: sectors { ${nested(4)} }`).join(' ');
    expectRefused(await post({ query: `{ ${wide} }` }), 400, 'GRAPHQL_VALIDATION_FAILED', /cost limit of 5000/i);
  });

  it('refuses directive flooding and documents with too many tokens', async () => {
    const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
    expectRefused(await post({ query: `{ sectors { id ${directives} } }` }), 400, 'GRAPHQL_VALIDATION_FAILED', /directives limit/i);
    const tokens = `{ sectors { ${Array.from({ length: 6000 }, () => 'id').join(' ')} } }`;
    expectRefused(await post({ query: tokens }), 400, 'GRAPHQL_VALIDATION_FAILED', /contains more th[ae][nt] 5000 tokens/);
  });

  it('refuses the aliases the gateway reserves for completing answers', async () => {
    for (const alias of ['__crgType', '__crgPlaceholder']) {
      expectRefused(await post({ query: `{ sectors { ${alias}: name } }` }), 400, 'GRAPHQL_VALIDATION_FAILED', /are reserved/);
    }
  });

  it('refuses a document whose operation cannot be chosen as the request error it is, not an internal one', async () => {
    await expectNoStoreQueries(async () => {
      const unknown = await post({ query: 'query A { sectors { id } }', operationName: 'B' });
      expectRefused(unknown, 400, 'OPERATION_RESOLUTION_FAILURE', /no operation named "B"/);
      const unnamed = await post({ query: 'query A { sectors { id } } query B { framework { id } }' });
      expectRefused(unnamed, 400, 'OPERATION_RESOLUTION_FAILURE', /several operations: name the one to run/);
    });
  });

  it('answers a refused operation 200 with the same error under application/json', async () => {
    const asJson = await post({ query: `{ sectors { ${nested(8)} } }` }, { accept: 'application/json' });
    expectRefused(asJson, 200, 'GRAPHQL_VALIDATION_FAILED', /depth limit of 12/i);
    expect(asJson.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses batched requests and bodies over the size limit', async () => {
    expectRefused(
      await post([{ query: '{ sectors { id } }' }, { query: '{ sectors { id } }' }]),
      400,
      'BATCH_NOT_ACCEPTED',
      /Batched requests are not accepted/,
    );
    const huge = await post({ query: '{ sectors { id } }', variables: { padding: 'x'.repeat(300 * 1024) } });
    expectRefused(huge, 413, 'PAYLOAD_TOO_LARGE', /larger than 262144 bytes/);
  });

  it('refuses a cross-site form post (CSRF)', async () => {
    const form = await send(hub.gateway.url, 'query={ sectors { id } }', {
      ...auth(),
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    expect(form.json.data).toBeUndefined();
  });

  it('never lets an operator reach a store query: objects where ids and text are expected are refused', async () => {
    const byId = await post({ query: 'query($id: ID!) { crisisCentre(id: $id) { id name } }', variables: { id: { $ne: null } } });
    expect(byId.json.data).toBeUndefined();
    expect(byId.json.errors[0].message).toContain('ID cannot represent value');
    const byDistrict = await post({ query: 'query($d: String) { crisisCentres(district: $d) { id } }', variables: { d: { $gt: '' } } });
    expect(byDistrict.json.data).toBeUndefined();
    const literal = await post({
      query: '{ crisisCentres(district: "{\\"$gt\\": \\"\\"}") { id } crisisCentre(id: "{\\"$ne\\": null}") { id } }',
    });
    expect(literal.json.data).toEqual({ crisisCentres: [], crisisCentre: null });
    const write = await post({
      query: 'mutation($i: FocalPointInput!) { updateFocalPoint(sectorId: "health", input: $i) { id } }',
      variables: { i: { name: { $set: { role: 'x' } }, title: 'T' } },
    });
    expect(write.json.data).toBeUndefined();
    expect(write.json.errors[0].message).toContain('String cannot represent a non string value');
  });
});

describe('GraphQL over GET', () => {
  const reopen =
    'mutation Reopen { reopenPolicePeriod(input: { dataSetId: "bd-police-monthly", period: "2026-06", reason: "x", openUntil: "2026-12-04" }) { period locked } }';

  it('takes a query through the same limits as a POST, refused before any subgraph is asked', async () => {
    await expectNoStoreQueries(async () => {
      expectRefused(await get(`{ sectors { ${nested(8)} } }`), 400, 'GRAPHQL_VALIDATION_FAILED', /depth limit of 12/i);
      const flood = Array.from({ length: 40 }, (_, i) => `a${i}: sectors { id }`).join(' ');
      expectRefused(await get(`{ ${flood} }`), 400, 'GRAPHQL_VALIDATION_FAILED', /aliases limit of 30/i);
      const wide = Array.from({ length: 25 }, (_, i) => `a${i}: sectors { ${nested(4)} }`).join(' ');
      expectRefused(await get(`{ ${wide} }`), 400, 'GRAPHQL_VALIDATION_FAILED', /cost limit of 5000/i);
    });
    const answered = await get(`{ sectors { ${nested(3)} } }`);
    expect(answered.status).toBe(200);
    expect(answered.json.errors).toBeUndefined();
    expect(answered.json.data.sectors).toHaveLength(5);
  });

  it('never runs a mutation: 405 with Allow: POST, before any subgraph is asked, for a caller who may make it by POST', async () => {
    await expectNoStoreQueries(async () => {
      const refused = await get(reopen);
      expectRefused(refused, 405, 'BAD_REQUEST', /GET requests only support query operations/);
      expect(refused.headers.get('allow')).toBe('POST');
      // The same when the document also holds a query and the mutation is chosen by name.
      const chosen = await get(`query Read { sectors { id } } ${reopen}`, { operationName: 'Reopen' });
      expectRefused(chosen, 405, 'BAD_REQUEST', /not mutation operations/);
      expect(chosen.headers.get('allow')).toBe('POST');
    });
  });

  it('answers 405 with the methods GraphQL takes in Allow to any other method', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const refused = await send(hub.gateway.url, { query: '{ sectors { id } }' }, auth(), method);
      expectRefused(refused, 405, 'METHOD_NOT_ALLOWED', /by POST with a JSON body, or a query by GET/);
      expect(refused.headers.get('allow')).toBe('GET, POST');
      // No CORS preflight is answered: no other site's page may send the Authorization header.
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('is safe from other sites: the token comes only from the Authorization header, which a cross-site request cannot send unasked', async () => {
    // A page on another site can make a browser send a GET with the hub's cookies, never with
    // an Authorization header: such a request is refused before the caller is even looked for.
    const crossSite = await get('{ sectors { id } }', {}, { cookie: `authorization=Bearer ${token}; token=${token}` });
    expectRefused(crossSite, 400, 'BAD_REQUEST', /Cross-Site Request Forgery/);
    // And a token in a cookie is no credential, even on a request a browser would have preflighted.
    const cookieOnly = await get(
      '{ sectors { id } }',
      {},
      { cookie: `authorization=Bearer ${token}; token=${token}`, 'apollo-require-preflight': '1' },
    );
    expectRefused(cookieOnly, 401, 'UNAUTHENTICATED', /./);
  });
});

describe('per-caller rate limit', () => {
  let limited: TestHub;
  beforeAll(async () => {
    limited = await startTestHub({ limits: { requestsPerMinute: 3 } });
  });
  afterAll(() => limited?.stop());

  it('answers 429 with Retry-After once a caller has used its requests, and keeps serving others', async () => {
    const dashboard = { authorization: `Bearer ${await limited.tokenFor({ role: 'dashboard' })}` };
    const statuses = [];
    // GET and POST draw on the same budget.
    for (const method of ['POST', 'GET', 'POST', 'GET']) {
      const query = '{ sectors { id } }';
      const url = method === 'GET' ? `${limited.gateway.url}?query=${encodeURIComponent(query)}` : limited.gateway.url;
      statuses.push((await send(url, { query }, dashboard, method)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await send(limited.gateway.url, { query: '{ sectors { id } }' }, dashboard);
    expectRefused(refused, 429, 'RATE_LIMITED', /Too many requests/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const analyst = { authorization: `Bearer ${await limited.tokenFor({ role: 'analyst' })}` };
    expect((await send(limited.gateway.url, { query: '{ sectors { id } }' }, analyst)).status).toBe(200);
  });
});

describe('production mode', () => {
  let production: TestHub;
  beforeAll(async () => {
    production = await startTestHub({ mode: 'production' });
  });
  afterAll(() => production?.stop());

  it('turns off introspection and the IDE', async () => {
    const analyst = { authorization: `Bearer ${await production.tokenFor({ role: 'analyst' })}` };
    const introspection = await send(production.gateway.url, { query: '{ __schema { types { name } } }' }, analyst);
    expect(introspection.json.data).toBeUndefined();
    expect(introspection.json.errors[0].message).toMatch(/introspection/i);
    const ide = await fetch(production.gateway.url, { headers: { accept: 'text/html' } });
    expect(ide.status).toBe(404);
  });
});
