import mongoose from 'mongoose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectorIds } from '../../platform/catalog.ts';
import { loadSubgraphDefinition } from '../../subgraphs/definitions.ts';
import { internalTokenAlgorithm } from '../../platform/auth/internalToken.ts';
import { importKey } from '../../platform/auth/keys.ts';
import { fixedClock } from '../../subgraphs/kit/clock.ts';
import { generateKeyring } from '../../subgraphs/kit/fieldEncryption/keyring.ts';
import { createLogger } from '../../platform/logger.ts';
import { createMongoStore } from '../../subgraphs/kit/store/mongoStore.ts';
import type { StoredDocument } from '../../subgraphs/kit/store/port.ts';
import { startSubgraph } from '../../subgraphs/kit/subgraph.ts';
import type { SurvivorContactDoc } from '../../subgraphs/sector-core/caseResponses/models.ts';
import { graphqlBody, postGraphQL, startTestHub, TODAY, type TestHub } from '../support/hub.ts';
import { officer, registered } from './caseFixtures.ts';

/*
 * Identifying details at rest: the whole hub on the embedded store in a folder of its own, demo
 * data and new records written through GraphQL, then every file in the folder searched for every
 * name, telephone, address and free text used. Served back in clear to the sector's own
 * officers, after a restart too; a stored ciphertext altered, moved or read with another key is
 * reported as damaged, naming the record.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crg-at-rest-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const contact = {
  name: 'Nasrin Akter Hidden',
  phone: '+880 1799 424242',
  address: '7 Quiet Lane, Mirpur, Dhaka',
  collectedOn: '2026-11-20',
};
const charge = 'Penal Code s.375, the accused named by Nasrin Akter Hidden';
const schoolSupport = 'moved from Mirpur Girls High School, counsellor contact';

const recordContact = `mutation($input: SurvivorContactInput!) { recordHealthSurvivorContact(input: $input) { caseId name phone address } }`;
const readContact = `query($caseId: ID!) { healthSurvivorContact(caseId: $caseId, purpose: "follow-up call") { caseId name phone address collectedOn } }`;
const recordJustice = `mutation($input: JusticeCaseResponseInput!) { recordJusticeCaseResponse(input: $input) { id charge } }`;
const recordEducation = `mutation($input: EducationCaseResponseInput!) { recordEducationCaseResponse(input: $input) { id summary } }`;

/** Every demo survivor's name, telephone and address, from each sector's seed. */
async function demoIdentifyingValues(): Promise<string[]> {
  const values: string[] = [];
  for (const sector of sectorIds) {
    const seed = (await loadSubgraphDefinition(sector)).seed('bangladesh') as { survivorContacts?: SurvivorContactDoc[] };
    for (const c of seed.survivorContacts ?? []) values.push(c.name, c.phone!, c.address!);
  }
  return values;
}

/** Every file under `dir`, with its path, as text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    if (!entry.isFile()) return [];
    const file = path.join(entry.parentPath, entry.name);
    return [{ file: path.relative(dir, file), text: fs.readFileSync(file, 'latin1') }];
  });
}

describe('identifying details on the embedded store', () => {
  let hub: TestHub;
  let caseId: string;
  let justiceCase: string;
  let educationCase: string;
  let demoValues: string[];

  beforeAll(async () => {
    demoValues = await demoIdentifyingValues();
    hub = await startTestHub({ dataDir });
    caseId = await registered(hub, 'health');
    justiceCase = await registered(hub, 'justice');
    educationCase = await registered(hub, 'education');
  });
  afterAll(() => hub?.stop());

  it('are written through GraphQL, validated in clear, and read back in clear by the sector’s own officers', async () => {
    const written = await hub.query(recordContact, { input: { caseId, ...contact } }, officer('health'));
    expect(written.errors).toBeUndefined();
    expect(written.data!.recordHealthSurvivorContact).toEqual({
      caseId,
      name: contact.name,
      phone: contact.phone,
      address: contact.address,
    });
    const read = await hub.query(readContact, { caseId }, officer('health'));
    expect(read.errors).toBeUndefined();
    expect(read.data!.healthSurvivorContact).toEqual({ caseId, ...contact });

    for (const [input, field] of [
      [{ name: 'x'.repeat(201) }, 'name must be at most 200 characters long'],
      [{ phone: 'call her at home' }, 'phone must be a telephone number'],
      [{ address: 'y'.repeat(501) }, 'address must be at most 500 characters long'],
    ] as const) {
      const bad = await hub.query(recordContact, { input: { caseId, ...contact, ...input } }, officer('health'));
      expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.message).toContain(field);
    }
    expect((await hub.query(readContact, { caseId }, officer('health'))).data!.healthSurvivorContact.name).toBe(contact.name);

    const justice = await hub.query(
      recordJustice,
      { input: { caseId: justiceCase, charge, chargedOn: '2026-11-22', protectionOrder: 'NONE' } },
      officer('justice'),
    );
    expect(justice.errors).toBeUndefined();
    expect(justice.data!.recordJusticeCaseResponse.charge).toBe(charge);
    const education = await hub.query(
      recordEducation,
      { input: { caseId: educationCase, schoolSupport, schoolSupportStartedOn: '2026-11-23' } },
      officer('education'),
    );
    expect(education.errors).toBeUndefined();
    expect(education.data!.recordEducationCaseResponse.summary).toContain(schoolSupport);
  });

  it('are in no file under the data folder once the hub has stopped, and are served again after a restart', async () => {
    await hub.stop();
    const files = filesUnder(dataDir);
    // The search means something only if the records are there: each sector's contacts, by case code, under a key id.
    const contacts = files.find((f) => f.file === path.join('bangladesh', 'health', 'survivorContacts.db'))!;
    expect(contacts.text).toContain(caseId);
    expect(files.find((f) => f.file === path.join('bangladesh', 'justice', 'justiceResponses.db'))!.text).toContain(justiceCase);
    expect(demoValues.length).toBeGreaterThan(30);

    for (const value of [...demoValues, contact.name, contact.phone, contact.address, charge, schoolSupport, 'Nasrin', 'Mirpur Girls']) {
      const holding = files.filter((f) => f.text.includes(value)).map((f) => f.file);
      expect(holding, `"${value}" in clear`).toEqual([]);
    }

    expect(contacts.text).toMatch(/"encrypted":\{"v":1,"alg":"A256GCM","kid":"health-/);

    hub = await startTestHub({ dataDir });
    const read = await hub.query(readContact, { caseId }, officer('health'));
    expect(read.errors).toBeUndefined();
    expect(read.data!.healthSurvivorContact).toEqual({ caseId, ...contact });
  });

  it('that were altered in the store, moved to another record or field, or replaced by text in clear, are reported as damaged, naming the record', async () => {
    const raw = hub.stores.get('health')!.collection<StoredDocument & Record<string, any>>('survivorContacts');
    const [stored] = await raw.find({ _id: caseId });
    const [demo] = await raw.find({ _id: { $ne: caseId } }, { limit: 1 });
    const fields = stored!.encrypted.fields as Record<string, string>;
    const flipped = Buffer.from(fields.phone!, 'base64url');
    flipped[20]! ^= 0x01;
    const { encrypted: _envelope, ...bare } = stored!;
    const cases = [
      // another record's name, this record's address as its name, one bit of the telephone flipped
      { ...stored!, encrypted: { ...stored!.encrypted, fields: { ...fields, name: demo!.encrypted.fields.name } } },
      { ...stored!, encrypted: { ...stored!.encrypted, fields: { ...fields, name: fields.address } } },
      { ...stored!, encrypted: { ...stored!.encrypted, fields: { ...fields, phone: flipped.toString('base64url') } } },
      // the envelope dropped and another telephone written in clear
      { ...bare, name: contact.name, phone: '+880 1999 666666', address: contact.address },
    ];
    try {
      for (const altered of cases) {
        expect(await raw.replaceOne({ _id: caseId }, altered)).toBe(true);
        const { data, errors } = await hub.query(readContact, { caseId }, officer('health'));
        expect(data?.healthSurvivorContact ?? null).toBeNull();
        expect(errors![0]!.extensions!.code).toBe('DAMAGED_DATA');
        expect(errors![0]!.message).toMatch(new RegExp(`survivor contact "${caseId}" \\(survivorContacts\\) cannot be decrypted`));
      }
    } finally {
      await raw.replaceOne({ _id: caseId }, stored!);
    }
    expect((await hub.query(readContact, { caseId }, officer('health'))).data!.healthSurvivorContact.name).toBe(contact.name);
  });

  it('cannot be read by a service holding another key', async () => {
    const stranger = await startSubgraph(await loadSubgraphDefinition('health'), {
      config: { ...hub.subgraphConfig, store: 'memory' },
      port: 0,
      store: hub.stores.get('health')!,
      clock: fixedClock(TODAY),
      logger: createLogger('silent'),
      gatewayPublicKey: await importKey(hub.keys.gatewayPublic, internalTokenAlgorithm),
      encryptionKeys: generateKeyring('health'),
      caseRegistryUrl: hub.subgraphs.get('coordination')!.url,
    });
    try {
      const { data, errors } = await postGraphQL(
        stranger.url,
        readContact,
        { caseId },
        await hub.gatewayHeaders('health', graphqlBody(readContact, { caseId }), officer('health')),
      );
      expect(data?.healthSurvivorContact ?? null).toBeNull();
      expect(errors![0]!.extensions!.code).toBe('DAMAGED_DATA');
      expect(errors![0]!.message).toMatch(new RegExp(`"${caseId}".*names key "health-[^"]+", which this service's keyring does not hold`));
    } finally {
      await stranger.stop();
    }
  });
});

describe.skipIf(!process.env.MONGODB_URI)('identifying details on MongoDB', () => {
  it('are in no stored document, and are read back in clear', async () => {
    const hub = await startTestHub();
    const database = `crg_at_rest_${process.pid}_${Date.now()}`;
    const store = await createMongoStore({ uri: process.env.MONGODB_URI!, database });
    const health = await startSubgraph(await loadSubgraphDefinition('health'), {
      config: hub.subgraphConfig,
      port: 0,
      store,
      clock: fixedClock(TODAY),
      logger: createLogger('silent'),
      gatewayPublicKey: await importKey(hub.keys.gatewayPublic, internalTokenAlgorithm),
      encryptionKeys: generateKeyring('health'),
      caseRegistryUrl: hub.subgraphs.get('coordination')!.url,
    });
    try {
      const caseId = await registered(hub, 'health');
      const asHealth = async (query: string, variables: Record<string, unknown>) =>
        postGraphQL(health.url, query, variables, await hub.gatewayHeaders('health', graphqlBody(query, variables), officer('health')));
      expect((await asHealth(recordContact, { input: { caseId, ...contact } })).errors).toBeUndefined();
      expect((await asHealth(readContact, { caseId })).data!.healthSurvivorContact).toEqual({ caseId, ...contact });
      const documents = JSON.stringify(await store.collection('survivorContacts').find({}));
      expect(documents).toContain(caseId);
      for (const value of [...(await demoIdentifyingValues()), contact.name, contact.phone, contact.address])
        expect(documents).not.toContain(value);
    } finally {
      await health.stop();
      await store.close();
      await hub.stop();
      const connection = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName: database }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
  });
});
