import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../platform/auth/identity.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { scopesByRole } from '../../platform/auth/roles.ts';
import { createdOrganisationNote } from '../../subgraphs/coordination/organisations/upgradeStore.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import type { RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
import { graphqlBody, postGraphQL } from '../support/hub.ts';
import { rewriteAsBeforeOrganisations } from './beforeOrganisations.ts';
import { embeddedSector, type EmbeddedSector } from './embeddedSector.ts';

/*
 * A coordination data folder written before organisations were records (bodies with member lists
 * naming organisations in words, the framework's lead ministry by name, meetings without attendance
 * per organisation) starts after the upgrade: its names become organisations, its members seats,
 * nothing stored is dropped, and a second start changes nothing.
 */

type Doc = StoredDocument & Record<string, any>;
const collections = ['coordinationBodies', 'frameworks', 'organisations', 'meetings'] as const;

let coordination: EmbeddedSector;
let before: Record<(typeof collections)[number], Doc[]>;

/** Every document of the upgraded collections, read straight from the folder. */
async function storedDocuments(): Promise<typeof before> {
  const store = createNedbStore({ directory: coordination.folder });
  try {
    const read = async (name: string) => (await store.collection<Doc>(name).find({})).sort((a, b) => a._id.localeCompare(b._id));
    return Object.fromEntries(await Promise.all(collections.map(async (c) => [c, await read(c)]))) as typeof before;
  } finally {
    await store.close();
  }
}

/** One operation straight to coordination, signed as the gateway signs it for a committee member. */
async function ask<T = any>(running: RunningSubgraph, query: string): Promise<T> {
  const identity: Identity = {
    subject: 'member@committee',
    role: 'committee-member',
    sector: null,
    scopes: scopesByRole['committee-member'],
  };
  const key = await importKey(coordination.keys.gatewayPrivate, internalTokenAlgorithm);
  const response = await postGraphQL<T>(
    running.url,
    query,
    undefined,
    await gatewayCallHeaders(identity, 'coordination', key, graphqlBody(query)),
  );
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

beforeAll(async () => {
  coordination = await embeddedSector('coordination');
  await (await coordination.start()).stop();
  const store = createNedbStore({ directory: coordination.folder });
  try {
    // The earlier demo data called the Ministry of Information by its older name.
    await rewriteAsBeforeOrganisations(store, { 'Ministry of Information': 'Ministry of Information and Broadcasting' });
  } finally {
    await store.close();
  }
  before = await storedDocuments();
});
afterAll(() => coordination?.remove());

const query = `{
  framework { leadMinistry leadOrganisation { id name kind leadsFramework } }
  coordinationBodies { id
    seats { role title sector { id } illustrative organisation { id name kind illustrative illustrativeNote source { title } } }
    meetings { id organisationAttendance { present } } } }`;

describe('a coordination store written before organisations were records', () => {
  it('is in the old shape to begin with', () => {
    expect(before.organisations).toEqual([]);
    expect(before.coordinationBodies.length).toBeGreaterThan(1);
    for (const body of before.coordinationBodies) {
      expect(body.seats).toBeUndefined();
      expect(body.members.length).toBeGreaterThan(0);
    }
    expect(before.frameworks[0]!.leadMinistry).toBe('Ministry of Women and Children Affairs');
    expect(before.meetings.length).toBeGreaterThan(0);
    expect(before.meetings.every((m) => !('organisationAttendance' in m))).toBe(true);
  });

  it('starts, and answers with seats held by organisations carrying the old names, titles, roles and sectors', async () => {
    const running = await coordination.start();
    let data: any;
    try {
      data = await ask(running, query);
    } finally {
      await running.stop();
    }
    expect(data.framework.leadMinistry).toBe('Ministry of Women and Children Affairs');
    expect(data.framework.leadOrganisation).toEqual({
      id: 'bd-mowca',
      name: 'Ministry of Women and Children Affairs',
      kind: 'MINISTRY',
      leadsFramework: true,
    });

    const oldBodies = new Map(before.coordinationBodies.map((b) => [b._id, b]));
    expect(data.coordinationBodies.map((b: Doc) => b.id).sort()).toEqual([...oldBodies.keys()].sort());
    for (const body of data.coordinationBodies) {
      const members = oldBodies.get(body.id)!.members as { organisation: string; title: string; role: string; sectorId?: string }[];
      expect(body.seats.map((s: any) => [s.organisation.name, s.title, s.role, s.sector?.id ?? null])).toEqual(
        members.map((m) => [m.organisation, m.title, m.role, m.sectorId ?? null]),
      );
      const meetings = before.meetings.filter((m) => m.bodyId === body.id).map((m) => m._id);
      expect(body.meetings.map((m: any) => m.id).sort()).toEqual(meetings.sort());
      for (const meeting of body.meetings) expect(meeting.organisationAttendance).toEqual([]);
    }
    const organisations = new Map(
      data.coordinationBodies.flatMap((b: any) => b.seats.map((s: any) => [s.organisation.name, s.organisation])),
    );
    // A name the demo data knows takes its record, source and all.
    expect(organisations.get('Ministry of Health and Family Welfare')).toMatchObject({
      id: 'bd-mohfw',
      kind: 'MINISTRY',
      illustrative: false,
      source: { title: expect.any(String) },
    });
    // A name it does not know becomes an organisation that says how it came to be.
    expect(organisations.get('Ministry of Information and Broadcasting')).toEqual({
      id: 'bd-ministry-of-information-and-broadcasting',
      name: 'Ministry of Information and Broadcasting',
      kind: 'MINISTRY',
      illustrative: true,
      illustrativeNote: createdOrganisationNote,
      source: null,
    });
  });

  it('keeps what was stored, and a second start changes nothing', async () => {
    const upgraded = await storedDocuments();
    for (const body of upgraded.coordinationBodies) {
      expect(body.members).toEqual(before.coordinationBodies.find((b) => b._id === body._id)!.members);
      expect(body.seats.length).toBe(body.members.length);
      expect(body.version).toBe(before.coordinationBodies.find((b) => b._id === body._id)!.version + 1);
    }
    expect(upgraded.frameworks[0]).toMatchObject({
      leadMinistry: 'Ministry of Women and Children Affairs',
      leadOrganisationId: 'bd-mowca',
    });
    expect(upgraded.meetings).toEqual(before.meetings);

    await (await coordination.start()).stop();
    expect(await storedDocuments()).toEqual(upgraded);
  });
});
