import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { sectorIds, typePrefix } from '../../platform/catalog.ts';
import { readAuthorizationPolicy, supergraphForPlanning } from '../../platform/auth/policy.ts';
import { milestoneSectors } from '../../subgraphs/coordination/cases/models.ts';
import { startTestHub, TODAY, type TestHub } from '../support/hub.ts';
import { officer, referCase, registered, updateReferralStatus } from '../cases/caseFixtures.ts';

/*
 * Every path from Query and Mutation to case-level data, read from the supergraph, tried by a
 * sector whose consent the survivor has withdrawn. Case-level types are the types the schema
 * marks as needing `cases:read` on every use; a root field that reaches one (at any depth below
 * it, through interfaces and unions too) is tried with the arguments its types call for. So a
 * path added to any subgraph later is tried here without anyone editing this test, and a root
 * field whose arguments cannot be built fails it, naming the field.
 *
 * For each root field, on two cases set up alike (held by one sector, referred with consent to
 * the sector under test, which accepted and recorded the survivor's contact):
 * - while the sector is engaged, the answer must differ from the answer to a missing case code
 *   (so the operation does reach the case: the test is not vacuous);
 * - once the survivor has withdrawn consent for it, the answer must be exactly the answer to a
 *   missing case code, or, for a list, must not name the case at all.
 */

const missingCase = 'CASE-BD-2026-999999';
const sdl = readSupergraph();
const schema = Supergraph.build(supergraphForPlanning(sdl)).apiSchema().toGraphQLJSSchema();
const policy = readAuthorizationPolicy(sdl);
const caseLevel = new Set(
  [...policy.types]
    .filter(([, requirements]) => requirements.some((r) => r.kind === 'scopes' && r.anyOf.some((all) => all.includes('cases:read'))))
    .map(([name]) => name),
);
const maxDepth = 3;

/** A selection set reaching every case-level type below `type` within `depth`, or null if none is reached. */
function reach(type: GraphQLNamedType, depth: number, visiting: readonly string[]): string | null {
  if (!isObjectType(type) && !isInterfaceType(type) && !isAbstractType(type)) return null;
  const parts: string[] = [];
  const fields = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
  const plain = (f: GraphQLField<unknown, unknown>) => !f.args.some(isRequiredArgument);
  if (caseLevel.has(type.name)) {
    parts.push('__typename');
    for (const f of fields.filter(plain))
      if (!isObjectType(getNamedType(f.type)) && !isAbstractType(getNamedType(f.type))) parts.push(f.name);
  }
  if (depth < maxDepth && !visiting.includes(type.name)) {
    for (const f of fields.filter(plain)) {
      const inner = reach(getNamedType(f.type), depth + 1, [...visiting, type.name]);
      if (inner) parts.push(`${f.name} ${inner}`);
    }
    if (isAbstractType(type)) {
      for (const possible of schema.getPossibleTypes(type)) {
        const inner = reach(possible, depth + 1, [...visiting, type.name]);
        if (inner) parts.push(`... on ${possible.name} ${inner}`);
      }
    }
  }
  return parts.length > 0 ? `{ ${[...new Set(parts)].join(' ')} }` : null;
}

/** A page of a list (a cursor connection, `edges { cursor node }`): a list to this test. */
function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

interface Fixture {
  caseId: string;
  referralId: string;
  actor: string;
  holder: string;
  /** A third sector the survivor consents to throughout. */
  third: string;
}

/** Values for arguments, by input field where the type alone does not say what a valid one is. */
const chosen: Record<string, (fx: Fixture) => unknown> = {
  'CaseMilestoneInput.kind': (fx) => Object.entries(milestoneSectors).find(([, sector]) => sector === fx.actor)![0],
  'ReferralStatusInput.status': () => 'IN_PROGRESS',
  'CaseConsentInput.referralConsent': (fx) => [fx.actor, fx.third],
  'ReferCaseInput.toSectorId': (fx) => fx.third,
};

async function versionOf(collection: 'cases' | 'referrals', id: string): Promise<number> {
  const [doc] = await hub.stores.get('coordination')!.collection(collection).find({ _id: id });
  return (doc as { version?: number } | undefined)?.version ?? 1;
}

async function valueFor(type: GraphQLInputType, name: string, owner: string, fx: Fixture): Promise<unknown> {
  const override = chosen[`${owner}.${name}`];
  if (override) return override(fx);
  if (isNonNullType(type)) return valueFor(type.ofType, name, owner, fx);
  if (isListType(type)) return [await valueFor(type.ofType, name, owner, fx)];
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(isRequiredInputField);
    const entries = await Promise.all(fields.map(async (f) => [f.name, await valueFor(f.type, f.name, type.name, fx)] as const));
    return Object.fromEntries(entries);
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (name === 'caseId' || name === 'id') return fx.caseId;
  if (name === 'referralId') return fx.referralId;
  if (name === 'expectedVersion')
    return owner === 'ReferralStatusInput' ? versionOf('referrals', fx.referralId) : versionOf('cases', fx.caseId);
  switch (type.name) {
    case 'ID':
      return fx.actor;
    case 'String':
      return 'Test';
    case 'Int':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return TODAY;
    default:
      throw new Error(`no value for ${owner}.${name} of type ${type.name}: teach this test how to call it`);
  }
}

/** The sector whose own field this is (`healthSurvivorContact` → health), or police for the registry's. */
function actorFor(fieldName: string): string {
  const camel = (s: string) => typePrefix(s).charAt(0).toLowerCase() + typePrefix(s).slice(1);
  return sectorIds.find((s) => fieldName.includes(typePrefix(s)) || fieldName.startsWith(camel(s))) ?? 'police';
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ limits: { maxCost: 1_000_000, maxTokens: 100_000, maxAliases: 1000, maxDepth: 20 } });
});
afterAll(() => hub?.stop());

/** A case held by one sector, referred with consent to `actor`, accepted, overdue for follow-up, with the actor's contact record. */
async function engagedCase(actor: string): Promise<Fixture> {
  const holder = actor === 'health' ? 'police' : 'health';
  const third = actor === 'justice' ? 'social-welfare' : 'justice';
  const caseId = await registered(hub, holder, { referralConsent: [actor, third] });
  const referral = await hub.query(
    referCase,
    { input: { caseId, toSectorId: actor, reason: 'Needs the service', followUpBy: TODAY } },
    officer(holder),
  );
  const { id: referralId, version } = referral.data!.referCase as { id: string; version: number };
  const accepted = await hub.query(
    updateReferralStatus,
    { input: { referralId, expectedVersion: version, status: 'ACCEPTED' } },
    officer(actor),
  );
  expect(accepted.errors).toBeUndefined();
  const contact = await hub.query(
    `mutation($input: SurvivorContactInput!) { record${typePrefix(actor)}SurvivorContact(input: $input) { caseId } }`,
    { input: { caseId, name: 'Test Survivor', collectedOn: TODAY } },
    officer(actor),
  );
  expect(contact.errors).toBeUndefined();
  // Overdue for follow-up, so that the escalation list holds it too.
  const referrals = hub.stores.get('coordination')!.collection('referrals');
  const [stored] = await referrals.find({ _id: referralId });
  await referrals.replaceOne({ _id: referralId }, { ...stored!, followUpBy: new Date('2026-11-01T00:00:00Z') } as NonNullable<
    typeof stored
  >);
  return { caseId, referralId, actor, holder, third };
}

async function withdrawConsent(fx: Fixture) {
  const { errors } = await hub.query(
    `mutation($input: CaseConsentInput!) { updateCaseConsent(input: $input) { version } }`,
    {
      input: {
        caseId: fx.caseId,
        expectedVersion: await versionOf('cases', fx.caseId),
        referralConsent: [fx.third],
        reportingConsent: true,
      },
    },
    officer(fx.holder),
  );
  expect(errors).toBeUndefined();
}

async function run(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, selection: string, fx: Fixture, caseId = fx.caseId) {
  const required = field.args.filter(isRequiredArgument);
  const asCase: Fixture = { ...fx, caseId, referralId: fx.referralId.replace(fx.caseId, caseId) };
  const variables = Object.fromEntries(
    await Promise.all(required.map(async (a: GraphQLArgument) => [a.name, await valueFor(a.type, a.name, field.name, asCase)] as const)),
  );
  const definitions = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const text = `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`;
  return { answer: await hub.query(text, variables, officer(fx.actor)), variables };
}

const roots = (['query', 'mutation'] as const).flatMap((kind) => {
  const type = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  return Object.values(type.getFields()).flatMap((field) => {
    const selection = reach(getNamedType(field.type), 0, []);
    return selection ? [{ kind, field, selection, label: `${type.name}.${field.name}` }] : [];
  });
});

describe('every path to case-level data, for a sector whose consent was withdrawn', () => {
  it('finds the paths in the schema', () => {
    expect(caseLevel).toContain('SurvivorCase');
    expect(caseLevel).toContain('PoliceSurvivorContact');
    expect(roots.map((r) => r.label)).toEqual(
      expect.arrayContaining([
        'Query.case',
        'Query.cases',
        'Query.casesConnection',
        'Query.escalatedReferralsConnection',
        'Mutation.updateReferralStatus',
        'Query.healthSurvivorContact',
      ]),
    );
  });

  it.each(roots)('$label gives it nothing', async ({ kind, field, selection }) => {
    const isList = isListType(isNonNullType(field.type) ? field.type.ofType : field.type) || isConnection(getNamedType(field.type));
    const engaged = await engagedCase(actorFor(field.name));
    const whileEngaged = await run(kind, field, selection, engaged);
    const refersToCase = JSON.stringify(whileEngaged.variables).includes(engaged.caseId);
    if (!refersToCase && !isList) {
      // Only registerCase: it names no existing case, and answers with the new one it made.
      expect(`${kind} ${field.name}`).toBe('mutation registerCase');
      return;
    }
    const withdrawn = await engagedCase(actorFor(field.name));
    await withdrawConsent(withdrawn);
    const afterWithdrawal = await run(kind, field, selection, withdrawn);
    if (isList && !refersToCase) {
      expect(JSON.stringify(whileEngaged.answer)).toContain(engaged.caseId);
      expect(JSON.stringify(afterWithdrawal.answer)).not.toContain(withdrawn.caseId);
      return;
    }
    const missing = await run(kind, field, selection, withdrawn, missingCase);
    const asMissing = (answer: unknown, caseId: string) => JSON.stringify(answer).replaceAll(caseId, missingCase);
    expect(asMissing(whileEngaged.answer, engaged.caseId)).not.toBe(JSON.stringify(missing.answer));
    expect(asMissing(afterWithdrawal.answer, withdrawn.caseId)).toBe(JSON.stringify(missing.answer));
  });
});
