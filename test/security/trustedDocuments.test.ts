import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardManifest } from '../../dashboard/persistedDocuments.ts';
import type { PersistedQueryManifest } from '../../platform/persistedQueryManifest.ts';
import { analyst, graphqlBody, startTestHub, type GraphQLResponse, type TestCaller, type TestHub } from '../support/hub.ts';

/*
 * Trusted documents in production: the dashboard role runs only the operations registered in the
 * manifest built from the dashboard's sources, by id; analysts keep their own queries. The hub
 * requires registered documents of the dashboard role, as the production deploy does.
 */

const dashboard: TestCaller = { role: 'dashboard' };
const ownQuery = '{ sectors { id name } }';

let hub: TestHub;
let manifest: PersistedQueryManifest;
let manifestFile: string;
/** The coordination bodies view's operation, as registered. */
let registered: { id: string; text: string };

async function post(as: TestCaller | null, body: unknown): Promise<{ status: number; answer: GraphQLResponse }> {
  const response = await fetch(hub.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${await hub.tokenFor(as)}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, answer: (await response.json()) as GraphQLResponse };
}

const codes = (answer: GraphQLResponse) => (answer.errors ?? []).map((e) => e.extensions?.code);
const variables = { withMeetings: false, withDecisions: false };

beforeAll(async () => {
  manifest = await dashboardManifest();
  manifestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crg-manifest-')), 'persisted-query-manifest.json');
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  // Coordination alone serves the coordination bodies, the operation asked by id below.
  hub = await startTestHub({ only: [], trustedDocuments: { manifestFile, requiredFor: ['dashboard'] } });
  const operation = manifest.operations.find((o) => o.name === 'DashboardBodies')!;
  registered = { id: operation.id, text: operation.body };
});

afterAll(async () => {
  await hub?.stop();
  if (manifestFile) fs.rmSync(path.dirname(manifestFile), { recursive: true, force: true });
});

describe('registered documents required of the dashboard role', () => {
  it('refuses a query of the dashboard role’s own, with 403 and a code naming the problem', async () => {
    const { status, answer } = await post(dashboard, { query: ownQuery });
    expect(status).toBe(403);
    expect(answer.data).toBeUndefined();
    expect(codes(answer)).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
    expect(answer.errors![0]!.message).toMatch(/dashboard role may run registered documents only/);
  });

  it('runs a registered operation sent by id, with the answer its text gets', async () => {
    // The registered text is the same document, so the dashboard role may send it whole too.
    const byText = await post(dashboard, { query: registered.text, variables });
    expect(byText.status).toBe(200);
    expect(byText.answer.data!.coordinationBodies.length).toBeGreaterThan(0);
    for (const documentId of [`sha256:${registered.id}`, registered.id]) {
      const { status, answer } = await post(dashboard, { documentId, variables });
      expect(status).toBe(200);
      expect(answer).toEqual(byText.answer);
    }
    // Apollo's clients send the id as the persisted-query extension.
    const apollo = await post(dashboard, { variables, extensions: { persistedQuery: { version: 1, sha256Hash: registered.id } } });
    expect(apollo.status).toBe(200);
    expect(apollo.answer).toEqual(byText.answer);
    // And an analyst, who may send anything, gets the same figures for the same text.
    expect((await post(analyst, { query: registered.text, variables })).answer.data).toEqual(byText.answer.data);
  });

  it('keeps analysts’ own queries', async () => {
    const { status, answer } = await post(analyst, { query: ownQuery });
    expect(status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.sectors.length).toBeGreaterThan(0);
  });

  it('refuses an id no document has, to every role, with 404', async () => {
    const unknown = 'a'.repeat(64);
    for (const as of [dashboard, analyst]) {
      const { status, answer } = await post(as, { documentId: `sha256:${unknown}` });
      expect(status).toBe(404);
      expect(codes(answer)).toEqual(['PERSISTED_DOCUMENT_NOT_FOUND']);
      expect(answer.errors![0]!.message).toContain(unknown);
    }
  });

  it('refuses an id sent with another text, and still asks a caller without a token to sign in', async () => {
    const mismatch = await post(analyst, { documentId: registered.id, query: ownQuery });
    expect(mismatch.status).toBe(400);
    expect(codes(mismatch.answer)).toEqual(['PERSISTED_DOCUMENT_MISMATCH']);
    const anonymous = await post(null, graphqlBody(ownQuery));
    expect(anonymous.status).toBe(401);
    expect(codes(anonymous.answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('registers nothing from a manifest it cannot read, and keeps answering', async () => {
    // An operation whose body is not the one its id names: the whole manifest is refused.
    const operations = manifest.operations.map((o) => (o.id === registered.id ? { ...o, body: `${o.body} ` } : o));
    try {
      fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, operations }));
      const byId = await post(dashboard, { documentId: registered.id, variables });
      expect(byId.status).toBe(404);
      expect(codes((await post(dashboard, { query: registered.text, variables })).answer)).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
      expect((await post(analyst, { query: ownQuery })).answer.data!.sectors.length).toBeGreaterThan(0);
    } finally {
      fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    }
    expect((await post(dashboard, { documentId: registered.id, variables })).status).toBe(200);
  });
});
