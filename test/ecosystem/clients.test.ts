import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { auditor, newCase, officer } from '../cases/caseFixtures.ts';

/*
 * The clients people already use, each with its defaults (only the gateway's URL and the
 * caller's token), register a case and read it back through the gateway; the GraphQL-over-HTTP
 * spec's own audit passes without a warning. urql sends its queries by GET: the read it makes is
 * in the audit log as any other.
 */

let hub: TestHub;
let authorization: string;
beforeAll(async () => {
  hub = await startTestHub();
  authorization = `Bearer ${await hub.tokenFor(officer('health'))}`;
});
afterAll(() => hub?.stop());

const caseFields = 'id holdingSector { id } consent { referralSectorIds }';
const registerCase = `mutation RegisterCase($input: RegisterCaseInput!) { registerCase(input: $input) { ${caseFields} } }`;
const readCase = `query ReadCase($id: ID!, $purpose: String) { case(id: $id, purpose: $purpose) { ${caseFields} } }`;

interface Registered {
  registerCase: { id: string; holdingSector: { id: string }; consent: { referralSectorIds: string[] } };
}
interface Read {
  case: { id: string; holdingSector: { id: string }; consent: { referralSectorIds: string[] } } | null;
}

/** A client's two calls: register a case, then read it with `purpose`; what each answered. */
type Calls = (purpose: string) => Promise<{ registered: Registered; read: Read }>;

const clients: Record<string, () => Calls> = {
  'Apollo Client': () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: hub.gateway.url, headers: { authorization } }),
      cache: new InMemoryCache(),
    });
    return async (purpose) => {
      const registered = await client.mutate<Registered>({ mutation: gql(registerCase), variables: { input: newCase } });
      const id = registered.data!.registerCase.id;
      const read = await client.query<Read>({ query: gql(readCase), variables: { id, purpose } });
      return { registered: registered.data!, read: read.data! };
    };
  },
  urql: () => {
    const client = new Client({
      url: hub.gateway.url,
      exchanges: [cacheExchange, fetchExchange],
      fetchOptions: { headers: { authorization } },
    });
    return async (purpose) => {
      const registered = await client.mutation<Registered>(registerCase, { input: newCase }).toPromise();
      expect(registered.error).toBeUndefined();
      const read = await client.query<Read>(readCase, { id: registered.data!.registerCase.id, purpose }).toPromise();
      expect(read.error).toBeUndefined();
      return { registered: registered.data!, read: read.data! };
    };
  },
  'graphql-request': () => {
    const client = new GraphQLClient(hub.gateway.url, { headers: { authorization } });
    return async (purpose) => {
      const registered = await client.request<Registered>(registerCase, { input: newCase });
      const read = await client.request<Read>(readCase, { id: registered.registerCase.id, purpose });
      return { registered, read };
    };
  },
};

describe('GraphQL clients with their default settings', () => {
  it.each(Object.keys(clients))('%s registers a case and reads it back, and the read is audited', async (name) => {
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
    const { registered, read } = answers;
    expect(registered.registerCase).toMatchObject({
      holdingSector: { id: 'health' },
      consent: { referralSectorIds: ['police', 'social-welfare'] },
    });
    expect(read.case).toMatchObject(registered.registerCase);
    // urql reads by GET, the others by POST; writes always go by POST.
    expect(calls.map((c) => c.method)).toEqual(['POST', name === 'urql' ? 'GET' : 'POST']);
    if (name === 'urql') expect(new URL(calls[1]!.url).searchParams.get('operationName')).toBe('ReadCase');

    const { data } = await hub.query(
      `query($id: ID) { auditLog { id entries(caseId: $id, limit: 10) { action subject purpose } } }`,
      { id: registered.registerCase.id },
      auditor,
    );
    const coordination = data!.auditLog.find((log: { id: string }) => log.id === 'coordination').entries;
    expect(coordination).toContainEqual({ action: 'case.read', subject: 'officer@health', purpose });
  });
});

describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  it('passes every check, the SHOULDs and MAYs included', async () => {
    const withToken = (input: RequestInfo | URL, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization } });
    const results = await Promise.all(serverAudits({ url: hub.gateway.url, fetchFn: withToken }).map((audit) => audit.fn()));
    const notOk = results.filter((result) => result.status !== 'ok').map(({ id, name, status, reason }) => ({ id, name, status, reason }));
    expect(notOk).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });
});
