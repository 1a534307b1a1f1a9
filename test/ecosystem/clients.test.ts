import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Client, cacheExchange, fetchExchange, type OperationResult } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { auditor, newCase, officer } from '../cases/caseFixtures.ts';

/*
 * The clients people already use, given the gateway's URL and the caller's token, register a case,
 * read the framework and read the case back through the gateway; the GraphQL-over-HTTP spec's own
 * audit passes without a warning. Apollo Client and graphql-request need nothing else. urql sends
 * its queries by GET unless told otherwise, and the gateway takes a GET only from roles that read
 * nothing beyond framework and aggregate data: a sector officer's urql is set to POST
 * (`preferGetMethod: false`, as docs/http.md says), and one left with its defaults is refused on
 * its first, harmless query, naming that setting, so that it never sends a case id in a URL
 * (docs/adr/0021-get-for-aggregates-only.md). An analyst's urql works with its defaults.
 */

let hub: TestHub;
let authorization: string;
let analystAuthorization: string;
beforeAll(async () => {
  hub = await startTestHub();
  authorization = `Bearer ${await hub.tokenFor(officer('health'))}`;
  analystAuthorization = `Bearer ${await hub.tokenFor({ role: 'analyst' })}`;
});
afterAll(() => hub?.stop());

const caseFields = 'id holdingSector { id } consent { referralSectorIds }';
const registerCase = `mutation RegisterCase($input: RegisterCaseInput!) { registerCase(input: $input) { ${caseFields} } }`;
const readCase = `query ReadCase($id: ID!, $purpose: String) { case(id: $id, purpose: $purpose) { ${caseFields} } }`;
const readSectors = `query Sectors { sectors { id } }`;

interface Registered {
  registerCase: { id: string; holdingSector: { id: string }; consent: { referralSectorIds: string[] } };
}
interface Sectors {
  sectors: { id: string }[];
}
interface Read {
  case: { id: string; holdingSector: { id: string }; consent: { referralSectorIds: string[] } } | null;
}

/** A client's three calls: register a case, read the sectors, then read the case with `purpose`; what each answered. */
type Calls = (purpose: string) => Promise<{ registered: Registered; sectors: Sectors; read: Read }>;

const clients: Record<string, () => Calls> = {
  'Apollo Client': () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: hub.gateway.url, headers: { authorization } }),
      cache: new InMemoryCache(),
    });
    return async (purpose) => {
      const registered = await client.mutate<Registered>({ mutation: gql(registerCase), variables: { input: newCase } });
      const id = registered.data!.registerCase.id;
      const sectors = await client.query<Sectors>({ query: gql(readSectors) });
      const read = await client.query<Read>({ query: gql(readCase), variables: { id, purpose } });
      return { registered: registered.data!, sectors: sectors.data!, read: read.data! };
    };
  },
  urql: () => {
    const client = new Client({
      url: hub.gateway.url,
      exchanges: [cacheExchange, fetchExchange],
      fetchOptions: { headers: { authorization } },
      preferGetMethod: false,
    });
    return async (purpose) => {
      const registered = await client.mutation<Registered>(registerCase, { input: newCase }).toPromise();
      expect(registered.error).toBeUndefined();
      const sectors = await client.query<Sectors>(readSectors, {}).toPromise();
      expect(sectors.error).toBeUndefined();
      const read = await client.query<Read>(readCase, { id: registered.data!.registerCase.id, purpose }).toPromise();
      expect(read.error).toBeUndefined();
      return { registered: registered.data!, sectors: sectors.data!, read: read.data! };
    };
  },
  'graphql-request': () => {
    const client = new GraphQLClient(hub.gateway.url, { headers: { authorization } });
    return async (purpose) => {
      const registered = await client.request<Registered>(registerCase, { input: newCase });
      const sectors = await client.request<Sectors>(readSectors);
      const read = await client.request<Read>(readCase, { id: registered.registerCase.id, purpose });
      return { registered, sectors, read };
    };
  },
};

describe('GraphQL clients as a sector officer uses them', () => {
  it.each(Object.keys(clients))(
    '%s registers a case, reads the framework and reads the case back, and the read is audited',
    async (name) => {
      const fetchSpy = vi.spyOn(globalThis, 'fetch');
      const purpose = `checking ${name}`;
      let calls: { method: string; url: string }[];
      let answers: Awaited<ReturnType<Calls>>;
      try {
        answers = await clients[name]!()(purpose);
        calls = fetchSpy.mock.calls.map(([input, init]) => ({
          method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
          url: String(input instanceof Request ? input.url : input),
        }));
      } finally {
        fetchSpy.mockRestore();
      }
      const { registered, sectors, read } = answers;
      expect(sectors.sectors.map((s) => s.id)).toEqual(expect.arrayContaining(['health', 'police', 'justice']));
      expect(registered.registerCase).toMatchObject({
        holdingSector: { id: 'health' },
        consent: { referralSectorIds: ['police', 'social-welfare'] },
      });
      expect(read.case).toMatchObject(registered.registerCase);
      expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'POST']);

      const { data } = await hub.query(
        `query($id: ID) { auditLog { id entries(caseId: $id, limit: 10) { action subject purpose } } }`,
        { id: registered.registerCase.id },
        auditor,
      );
      const coordination = data!.auditLog.find((log: { id: string }) => log.id === 'coordination').entries;
      expect(coordination).toContainEqual({ action: 'case.read', subject: 'officer@health', purpose });
    },
  );
});

describe('urql with its defaults', () => {
  const withDefaults = (auth: string) =>
    new Client({ url: hub.gateway.url, exchanges: [fetchExchange], fetchOptions: { headers: { authorization: auth } } });

  it('reads the framework by GET as an analyst, whose role reads nothing a URL must not carry', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    let sectors: OperationResult<Sectors>;
    let calls: { method: string; url: string }[];
    try {
      sectors = await withDefaults(analystAuthorization).query<Sectors>(readSectors, {}).toPromise();
      calls = fetchSpy.mock.calls.map(([input, init]) => ({
        method: init?.method ?? 'GET',
        url: String(input instanceof Request ? input.url : input),
      }));
    } finally {
      fetchSpy.mockRestore();
    }
    expect(sectors.error).toBeUndefined();
    expect(sectors.data!.sectors.map((s) => s.id)).toEqual(expect.arrayContaining(['health', 'police', 'justice']));
    expect(calls.map((c) => c.method)).toEqual(['GET']);
    expect(new URL(calls[0]!.url).searchParams.get('operationName')).toBe('Sectors');
  });

  it("is refused on a sector officer's first, harmless query, naming the setting, before it can send a case read by GET", async () => {
    const sectors = await withDefaults(authorization).query<Sectors>(readSectors, {}).toPromise();
    expect(sectors.data).toBeUndefined();
    expect(sectors.error?.graphQLErrors.map((e) => e.extensions.code)).toEqual(['POST_REQUIRED']);
    expect(sectors.error?.message).toContain('Your role reads case-level data');
    expect(sectors.error?.message).toContain('preferGetMethod: false');

    const url = new URL(hub.gateway.url);
    url.searchParams.set('query', readSectors);
    const response = await fetch(url, { headers: { authorization } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('a case read by GET', () => {
  it('is refused with 405 and Allow: POST, naming the setting, before any subgraph reads or audits it', async () => {
    const registered = await hub.query(registerCase, { input: newCase }, officer('health'));
    const id = registered.data!.registerCase.id as string;
    const purpose = 'a read that must not reach a URL';
    const client = new Client({ url: hub.gateway.url, exchanges: [fetchExchange], fetchOptions: { headers: { authorization } } });
    const byDefault = await client.query<Read>(readCase, { id, purpose }).toPromise();
    expect(byDefault.data).toBeUndefined();
    expect(byDefault.error?.graphQLErrors.map((e) => e.extensions.code)).toEqual(['POST_REQUIRED']);
    expect(byDefault.error?.message).toContain('preferGetMethod: false');

    const url = new URL(hub.gateway.url);
    url.searchParams.set('query', readCase);
    url.searchParams.set('variables', JSON.stringify({ id, purpose }));
    const response = await fetch(url, { headers: { authorization, accept: 'application/graphql-response+json' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');

    const { data } = await hub.query(
      `query($id: ID) { auditLog { id entries(caseId: $id, limit: 10) { action purpose } } }`,
      { id },
      auditor,
    );
    const coordination = data!.auditLog.find((log: { id: string }) => log.id === 'coordination').entries;
    expect(coordination.map((e: { action: string }) => e.action)).toContain('case.register');
    expect(coordination.filter((e: { purpose: string | null }) => e.purpose === purpose)).toEqual([]);
  });
});

describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  it('passes every check, the SHOULDs and MAYs included, for a role that may send queries by GET', async () => {
    const withToken = (input: RequestInfo | URL, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: analystAuthorization } });
    const results = await Promise.all(serverAudits({ url: hub.gateway.url, fetchFn: withToken }).map((audit) => audit.fn()));
    const notOk = results.filter((result) => result.status !== 'ok').map(({ id, name, status, reason }) => ({ id, name, status, reason }));
    expect(notOk).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });
});
