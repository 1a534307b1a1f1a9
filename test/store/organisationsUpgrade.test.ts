import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../platform/auth/identity.ts';
import { gatewayCallHeaders, internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { scopesByRole } from '../../platform/auth/roles.ts';
import { coordinationSubgraph } from '../../subgraphs/coordination/index.ts';
import { createdOrganisationNote, upgradeToOrganisationRecords } from '../../subgraphs/coordination/organisations/upgradeStore.ts';
import { openRepositories } from '../../subgraphs/kit/repository.ts';
import { createNedbStore } from '../../subgraphs/kit/store/nedbStore.ts';
import type { Collection, Store, StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { upgradeLedger, type RunningSubgraph } from '../../subgraphs/kit/subgraph.ts';
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

  it('records every upgrade it finished, so later starts do not run them again', async () => {
    const store = createNedbStore({ directory: coordination.folder });
    try {
      const finished = await store.collection(upgradeLedger).find({}, { sort: { _id: 1 } });
      expect(finished.map((record) => record._id)).toEqual(coordinationSubgraph.upgrades!.map((upgrade) => upgrade.name).sort());
    } finally {
      await store.close();
    }
  });
});

/** The demo store of Bangladesh in memory, rewritten in the old shape, with names the demo data does not know. */
async function oldShapeStore(): Promise<Store> {
  const store = createNedbStore({});
  const repos = await openRepositories(store, coordinationSubgraph.documents);
  const data = coordinationSubgraph.seed('bangladesh');
  await repos.organisations.insertMany(data.organisations!);
  await repos.coordinationBodies.insertMany(data.coordinationBodies!);
  await repos.frameworks.insertMany(data.frameworks!);
  await rewriteAsBeforeOrganisations(store, {
    'Ministry of Information': 'Ministry of Information and Broadcasting',
    'Planning and Development': 'Planning  Commission',
  });
  return store;
}

/** The same store, whose writes fail once `writes` have been made, as when the disk fills or the process is killed. */
function failingAfter(store: Store, writes: number): Store {
  let left = writes;
  const spend = () => {
    if (left <= 0) throw new Error('the disk is full');
    left -= 1;
  };
  return {
    kind: store.kind,
    soleWriter: store.soleWriter,
    queries: store.queries,
    resetQueryCount: () => store.resetQueryCount(),
    ping: () => store.ping(),
    location: (name) => store.location(name),
    onFailure: (listener) => store.onFailure(listener),
    close: () => store.close(),
    collection<T extends StoredDocument>(name: string): Collection<T> {
      const inner = store.collection<T>(name);
      return {
        name: inner.name,
        find: (filter, options) => inner.find(filter, options),
        count: (filter) => inner.count(filter),
        findFields: (filter, fields) => inner.findFields(filter, fields),
        insertMany: async (docs) => (spend(), inner.insertMany(docs)),
        replaceOne: async (filter, doc) => (spend(), inner.replaceOne(filter, doc)),
        deleteMany: async (filter) => (spend(), inner.deleteMany(filter)),
        ensureIndexes: (indexes) => inner.ensureIndexes(indexes),
      };
    },
  };
}

const upgrade = async (store: Store, logger = pino({ level: 'silent' })) =>
  upgradeToOrganisationRecords(await openRepositories(store, coordinationSubgraph.documents), 'bangladesh', logger);

async function contents(store: Store) {
  const read = async (name: string) => (await store.collection<Doc>(name).find({})).sort((a, b) => a._id.localeCompare(b._id));
  return { organisations: await read('organisations'), bodies: await read('coordinationBodies'), frameworks: await read('frameworks') };
}

describe('the upgrade itself', () => {
  it('logs each thing it upgraded with its counts, and finds nothing to do the second time', async () => {
    const store = await oldShapeStore();
    const lines: Record<string, any>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const counts = await upgrade(store, logger);
    const bodies = (await contents(store)).bodies;
    expect(counts).toMatchObject({ bodies: bodies.length, frameworks: 1, organisationsCreated: 2 });
    expect(counts.seats).toBe(bodies.reduce((n, b) => n + b.seats.length, 0));
    expect(lines.map((l) => l.msg)).toEqual([
      'upgrade: wrote an organisation for each name in the member lists and the lead ministry',
      ...bodies.map(() => 'upgraded a coordination body: seats made from its member list, which it keeps'),
      'upgraded the framework: its lead ministry is now an organisation; the name is kept',
      'upgraded the coordination store to organisation records',
    ]);
    expect(lines[0]!.ids).toContain('bd-planning-commission');
    const planning = (await contents(store)).organisations.find((o) => o._id === 'bd-planning-commission');
    // Not a ministry by its name: its kind is left for a person to check. Runs of spaces are one.
    expect(planning).toMatchObject({ name: 'Planning Commission', kind: 'OTHER', parentId: null, addedForDemo: createdOrganisationNote });

    const upgraded = await contents(store);
    expect(await upgrade(store)).toEqual({ organisationsFromDemoData: 0, organisationsCreated: 0, bodies: 0, seats: 0, frameworks: 0 });
    expect(await contents(store)).toEqual(upgraded);
  });

  it('stopped after any number of writes, finishes on the next run with the same result as one run', async () => {
    const clean = await oldShapeStore();
    await upgrade(clean);
    const expected = await contents(clean);
    let stops = 0;
    for (let writes = 0; ; writes += 1) {
      const store = await oldShapeStore();
      const stopped = await upgrade(failingAfter(store, writes)).then(
        () => false,
        (error: Error) => (expect(error.message).toMatch(/^The upgrade to organisation records could not .* \(the disk is full\)/), true),
      );
      if (!stopped) break;
      stops += 1;
      await upgrade(store);
      expect(await contents(store)).toEqual(expected);
    }
    // The organisations, each body, the framework, and the revisions they bump.
    expect(stops).toBeGreaterThan(expected.bodies.length + 1);
  });
});

describe('a store the upgrade cannot finish', () => {
  it('stops start with the reason, leaving the body it could not upgrade as it was', async () => {
    const store = await oldShapeStore();
    const bodies = store.collection<Doc>('coordinationBodies');
    const [body] = await bodies.find({ _id: 'bd-steering' });
    const unchaired = { ...body!, members: body!.members.map((m: Doc) => ({ ...m, role: 'MEMBER' })) };
    await bodies.replaceOne({ _id: 'bd-steering' }, unchaired);
    const error = await coordination.start(store).then(
      async (running) => (await running.stop(), undefined),
      (e: Error) => e,
    );
    expect(error?.message).toBe(
      'The upgrade to organisation records could not turn the member list of the coordination body "bd-steering" into ' +
        'seats (Invalid coordination body: seats must include one CHAIR, or two or more CO_CHAIRs and no CHAIR). Nothing ' +
        'stored was deleted, and the next start goes on from where this one stopped.',
    );
    expect(await bodies.find({ _id: 'bd-steering' })).toEqual([unchaired]);
  });
});
