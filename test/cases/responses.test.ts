import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { envPrefix, sectorIds, subgraphCatalog, typePrefix } from '../../platform/catalog.ts';
import { readSdl, subgraphSchemaFiles } from '../../platform/schemaFiles.ts';
import { caseAccessTokenHeader } from '../../platform/auth/internalToken.ts';
import { analyst, graphqlBody, postGraphQL, startTestHub, type TestHub } from '../support/hub.ts';
import { admin, auditor, dashboard, officer, referCase, registered, snapshot, updateReferralStatus } from './caseFixtures.ts';

/*
 * Each sector's response to a case through one query (pattern 1), who may read it, and the
 * survivor's identifying details, which never leave the sector that collected them.
 */

let hub: TestHub;
let caseId: string;
const contact = { name: 'Survivor 9917', phone: '+880 1700 000000', address: 'Synthetic Lane 1, Dhaka', collectedOn: '2026-11-20' };

const recordHealth = `mutation($input: HealthCaseResponseInput!) { recordHealthCaseResponse(input: $input) { id recorded startedOn summary } }`;
const recordPolice = `mutation($input: PoliceCaseResponseInput!) { recordPoliceCaseResponse(input: $input) { id recorded summary } }`;
const recordContact = `mutation($input: SurvivorContactInput!) { recordHealthSurvivorContact(input: $input) { caseId name } }`;

beforeAll(async () => {
  hub = await startTestHub();
  caseId = await registered(hub, 'health');
  const contactResult = await hub.query(recordContact, { input: { caseId, ...contact } }, officer('health'));
  expect(contactResult.errors).toBeUndefined();
  const referral = (
    await hub.query(
      referCase,
      { input: { caseId, toSectorId: 'police', reason: 'She wants to report', followUpBy: '2026-11-30' } },
      officer('health'),
    )
  ).data!.referCase;
  await hub.query(
    updateReferralStatus,
    { input: { referralId: referral.id, expectedVersion: referral.version, status: 'ACCEPTED' } },
    officer('police'),
  );
  const health = await hub.query(
    recordHealth,
    { input: { caseId, examinedOn: '2026-11-20', postExposureTreatmentGivenOn: '2026-11-20', forensicEvidenceCollected: true } },
    officer('health'),
  );
  expect(health.errors).toBeUndefined();
  const police = await hub.query(
    recordPolice,
    { input: { caseId, reportRegisteredOn: '2026-11-21', investigationStage: 'OPEN' } },
    officer('police'),
  );
  expect(police.errors).toBeUndefined();
});
afterAll(() => hub?.stop());

const wholeCase = /* GraphQL */ `
  query ($id: ID!) {
    case(id: $id, purpose: "case conference") {
      id
      incidentType
      firstReportedOn
      referrals {
        id
        from {
          id
          name
        }
        to {
          id
          name
        }
        status
        followUpBy
        escalated
      }
      responses {
        __typename
        id
        sector {
          id
          name
        }
        recorded
        startedOn
        summary
        lastUpdatedAt
      }
    }
  }
`;

describe("one query shows a case's referrals and every sector's response", () => {
  it('lists the referrals and each engaged sector’s response, from its own subgraph, with no fragments', async () => {
    const { data, errors } = await hub.query(wholeCase, { id: caseId }, officer('police'));
    expect(errors).toBeUndefined();
    const c = data!.case;
    expect(c.referrals).toEqual([
      expect.objectContaining({ from: { id: 'health', name: 'Health' }, to: { id: 'police', name: 'Police' }, status: 'ACCEPTED' }),
    ]);
    expect(c.responses.map((r: { __typename: string }) => r.__typename)).toEqual(['HealthCaseResponse', 'PoliceCaseResponse']);
    const [health, police] = c.responses;
    expect(health).toMatchObject({ id: `${caseId}/health`, recorded: true, startedOn: '2026-11-20' });
    expect(health.summary).toContain('post-exposure treatment started');
    expect(police).toMatchObject({ id: `${caseId}/police`, recorded: true, startedOn: '2026-11-21' });
    expect(police.summary).toContain('investigation open');
  });

  it('writes an audit entry in every subgraph the query read case data from', async () => {
    await hub.query(wholeCase, { id: caseId }, officer('health'));
    for (const subgraph of ['coordination', 'health', 'police']) {
      const entries = await hub.stores.get(subgraph)!.collection<any>('auditLog').find({ caseIds: caseId });
      expect(
        entries.some((e: { action: string; sector: string }) => e.action.endsWith('.read') && e.sector === 'health'),
        subgraph,
      ).toBe(true);
    }
  });

  it('records the reading of many responses in one request as one audit entry per sector, naming every case', async () => {
    const log = hub.stores.get('health')!.collection<any>('auditLog');
    const before = await log.count({});
    const { data, errors } = await hub.query(`{ cases(limit: 60) { id responses { summary } } }`, {}, officer('health'));
    expect(errors).toBeUndefined();
    const healthResponses = data!.cases.filter((c: { responses: { summary: string | null }[] }) => c.responses.length > 0);
    expect(healthResponses.length).toBeGreaterThan(20);
    expect(await log.count({})).toBe(before + 1);
    const [entry] = await log.find({}, { sort: { seq: -1 }, limit: 1 });
    expect(entry).toMatchObject({ action: 'response.read', sector: 'health', fields: ['summary'] });
    expect(entry.caseIds).toHaveLength(data!.cases.length);
  });

  it('serves a response only to the sectors engaged in the case, whatever a representation sent straight to it claims', async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on HealthCaseResponse { summary } } }`;
    // The representation claims the asking sector is engaged: a sector subgraph must not believe it.
    const asked = (sector: string, id = caseId) =>
      hub.askSubgraph(
        'health',
        entities,
        { r: [{ __typename: 'HealthCaseResponse', id: `${id}/health`, engagedSectorIds: ['health', sector] }] },
        { role: 'sector-officer', sector },
      );
    expect((await asked('police')).data!._entities[0].summary).toContain('examined');
    const refused = await asked('education');
    const missing = await asked('education', 'CASE-BD-2026-999999');
    expect(refused.data!._entities).toEqual([null]);
    expect(refused).toEqual(missing);
  });

  it("refuses a case-access token of another caller put in a call's header on the way, which made the registry decide by that caller's sector", async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on HealthCaseResponse { summary } } }`;
    const variables = { r: [{ __typename: 'HealthCaseResponse', id: `${caseId}/health`, engagedSectorIds: [] }] };
    const body = graphqlBody(entities, variables);
    const education = await hub.gatewayHeaders('health', body, { role: 'sector-officer', sector: 'education' });
    const police = await hub.gatewayHeaders('health', body, { role: 'sector-officer', sector: 'police' });
    const url = hub.subgraphs.get('health')!.url;
    expect((await postGraphQL(url, entities, variables, police)).data!._entities[0].summary).toContain('examined');

    const swapped = await postGraphQL(url, entities, variables, { ...education, [caseAccessTokenHeader]: police[caseAccessTokenHeader]! });
    expect(JSON.stringify(swapped)).not.toContain('examined');
    expect(swapped.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(swapped.errors![0]!.message).toContain('the case-access token names another caller than the gateway token');
  });
});

describe("the survivor's identifying details", () => {
  const readContact = `query($id: ID!) { healthSurvivorContact(caseId: $id, purpose: "call back") { caseId name phone address } }`;

  it('are served to the collecting sector’s own officers', async () => {
    const { data, errors } = await hub.query(readContact, { id: caseId }, officer('health'));
    expect(errors).toBeUndefined();
    expect(data!.healthSurvivorContact).toMatchObject({ caseId, name: contact.name, phone: contact.phone });
  });

  it('are refused to every other caller: another engaged sector, its administrator, the analyst, dashboards, auditors', async () => {
    for (const caller of [officer('police'), admin('police'), analyst, dashboard, auditor]) {
      const { data, errors } = await hub.query(readContact, { id: caseId }, caller);
      expect(data?.healthSurvivorContact ?? null).toBeNull();
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('appear in no other subgraph’s schema: not in coordination, and each sector has only its own', async () => {
    const identifying = /\b(name|phone|address)\b/;
    for (const { name, role } of subgraphCatalog) {
      const { sdl } = readSdl(subgraphSchemaFiles(name, role));
      const contactTypes = [...sdl.matchAll(/type (\w+SurvivorContact)\b/g)].map((m) => m[1]);
      expect(contactTypes, name).toEqual(role === 'sector' ? [`${typePrefix(name)}SurvivorContact`] : []);
    }
    const coordination = readSdl(subgraphSchemaFiles('coordination', 'coordination')).sdl;
    for (const type of ['SurvivorCase', 'Referral', 'CaseResponse', 'CaseConsent', 'CaseMilestone']) {
      const body = coordination.match(new RegExp(`(?:type|interface) ${type}\\b[^{]*\\{([^}]*)\\}`))?.[1] ?? '';
      const fields = body
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^\w+[(:]/.test(line));
      expect(fields.length, `${type} in coordination has fields`).toBeGreaterThan(0);
      expect(
        fields.filter((f) => identifying.test(f.split(/[(:]/)[0]!)),
        `${type} in coordination`,
      ).toEqual([]);
    }
    expect(sectorIds.length).toBe(5);
    // And the composed graph reaches each sector's contact type only through that sector's own field.
    const supergraph = readSupergraph();
    for (const id of sectorIds) {
      const type = `${typePrefix(id)}SurvivorContact`;
      const uses = supergraph.match(new RegExp(`: ${type}\\b.*`, 'g')) ?? [];
      expect(uses, type).toHaveLength(2);
      for (const use of uses) expect(use).toContain(`@join__field(graph: ${envPrefix(id)})`);
    }
  });

  it('appear in no answer about the case and in no other subgraph’s store', async () => {
    const { data } = await hub.query(wholeCase, { id: caseId }, officer('health'));
    const answer = JSON.stringify(data);
    for (const value of [contact.name, contact.phone, contact.address]) expect(answer).not.toContain(value);
    for (const [name, store] of hub.stores) {
      if (name === 'health') continue;
      for (const collection of [
        'cases',
        'referrals',
        `${name.replace(/-(\w)/, (_, c) => c.toUpperCase())}Responses`,
        'auditLog',
        'survivorContacts',
      ]) {
        const stored = JSON.stringify(await store.collection(collection).find({}));
        expect(stored, `${name}.${collection}`).not.toContain(contact.name);
      }
    }
  });
});

describe('recording responses and contacts', () => {
  it('refuses another sector’s officer, and roles acting for no sector', async () => {
    const before = await snapshot(hub, 'police', 'policeResponses');
    for (const caller of [officer('health'), analyst, dashboard]) {
      const { errors } = await hub.query(recordPolice, { input: { caseId, investigationStage: 'OPEN' } }, caller);
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const contactByPolice = await hub.query(recordContact, { input: { caseId, ...contact } }, officer('police'));
    expect(contactByPolice.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await snapshot(hub, 'police', 'policeResponses')).toBe(before);
  });

  it('refuses bad input whole, naming every field', async () => {
    const other = await registered(hub, 'police');
    const before = await snapshot(hub, 'police', 'policeResponses');
    const bad = await hub.query(
      recordPolice,
      { input: { caseId: other, investigationStage: 'OPEN', dnaResult: 'MATCH' } },
      officer('police'),
    );
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toContain('dnaResult needs dnaSampleSentOn');
    const badCode = await hub.query(recordPolice, { input: { caseId: 'Jane Doe', investigationStage: 'OPEN' } }, officer('police'));
    expect(badCode.errors![0]!.message).toContain('caseId must be a case code');
    expect(await snapshot(hub, 'police', 'policeResponses')).toBe(before);
    const badPhone = await hub.query(recordContact, { input: { caseId, ...contact, phone: 'call me' } }, officer('health'));
    expect(badPhone.errors![0]!.message).toContain('phone must be a telephone number');
  });

  it('changes a response only at the version read: a second first record gets CONFLICT', async () => {
    const again = await hub.query(recordHealth, { input: { caseId, forensicEvidenceCollected: false } }, officer('health'));
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
    const stale = await hub.query(
      recordHealth,
      { input: { caseId, expectedVersion: 7, forensicEvidenceCollected: false } },
      officer('health'),
    );
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});
