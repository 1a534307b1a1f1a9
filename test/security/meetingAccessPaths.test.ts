import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { supergraphForPlanning } from '../../platform/auth/policy.ts';
import { startTestHub, TODAY, type TestCaller, type TestHub } from '../support/hub.ts';
import { snapshotAll } from './support.ts';

/*
 * Every path from Query and Mutation to a meeting or a decision, read from the supergraph, tried
 * by the roles that must never read them (the dashboard and the alerts service). A path added to
 * any subgraph later is tried here without anyone editing this test; a root field whose arguments
 * cannot be built fails it, naming the argument. A committee member asks some of the same queries,
 * to show that they do reach a meeting or a decision (the test is not vacuous).
 */

const sdl = readSupergraph();
const schema = Supergraph.build(supergraphForPlanning(sdl)).apiSchema().toGraphQLJSSchema();
const guarded = new Set(['Meeting', 'Decision']);
const maxDepth = 4;

interface Path {
  selection: string;
  /** The last step, `Parent.field`, whose type is a meeting or a decision. */
  edge: string;
  steps: number;
}

/**
 * One selection set for each path from `type` to a meeting or a decision within `depth`: each is
 * asked on its own, since a refused field anywhere in an operation would hide what the others give.
 */
function paths(type: GraphQLNamedType, depth: number, visiting: readonly string[]): Path[] {
  if (depth >= maxDepth || visiting.includes(type.name)) return [];
  const found: Path[] = [];
  const step = (prefix: string, next: GraphQLNamedType, edge: string) => {
    if (guarded.has(next.name)) found.push({ selection: `{ ${prefix} { __typename id } }`, edge, steps: depth + 1 });
    else
      for (const inner of paths(next, depth + 1, [...visiting, type.name]))
        found.push({ ...inner, selection: `{ ${prefix} ${inner.selection} }` });
  };
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const f of Object.values(type.getFields())) {
      if (!f.args.some(isRequiredArgument)) step(f.name, getNamedType(f.type), `${type.name}.${f.name}`);
    }
  }
  if (isUnionType(type) || isInterfaceType(type)) {
    for (const possible of schema.getPossibleTypes(type)) step(`... on ${possible.name}`, possible, `${type.name}:${possible.name}`);
  }
  return found;
}

/** Values for required arguments, by `Owner.name`, where the type alone does not say what a valid one is. */
const chosen: Record<string, unknown> = {
  'meeting.id': 'bd-steering-2026-06-18',
  'decision.id': 'bd-steering-2026-06-18-d1',
  'DecisionUpdateInput.id': 'bd-steering-2026-06-18-d1',
  'DecisionUpdateInput.status': 'IN_PROGRESS',
  'ActionItemUpdateInput.id': 'bd-steering-2026-06-18-ai1',
  'ActionItemUpdateInput.status': 'IN_PROGRESS',
  'MeetingInput.bodyId': 'bd-steering',
  'MeetingInput.sectorsPresent': ['police'],
  'MeetingInput.actionItems': [],
  'MeetingInput.heldOn': TODAY,
};

function valueFor(type: GraphQLInputType, name: string, owner: string): unknown {
  if (`${owner}.${name}` in chosen) return chosen[`${owner}.${name}`];
  if (isNonNullType(type)) return valueFor(type.ofType, name, owner);
  if (isListType(type)) return [valueFor(type.ofType, name, owner)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter(isRequiredInputField)
        .map((f) => [f.name, valueFor(f.type, f.name, type.name)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  switch (type.name) {
    case 'ID':
      return 'none';
    case 'String':
      return 'Test';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return TODAY;
    default:
      throw new Error(`no value for ${owner}.${name} of type ${type.name}: teach this test how to call it`);
  }
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, selection: string) {
  const required = field.args.filter(isRequiredArgument);
  const variables = Object.fromEntries(required.map((a) => [a.name, valueFor(a.type, a.name, field.name)]));
  const definitions = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  return { text: `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`, variables };
}

/**
 * Each root field returning a meeting or a decision, and the shortest path to each other field
 * that does: the gateway decides a field by its parent type and name, so one path through it
 * stands for all of them (asking all 300-odd would cost minutes).
 */
const roots = (() => {
  const found = new Map<string, { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown>; selection: string; steps: number }>();
  for (const kind of ['query', 'mutation'] as const) {
    const type = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      const reached = guarded.has(returned.name)
        ? [{ selection: '{ __typename id }', edge: `${type.name}.${field.name}`, steps: 0 }]
        : paths(returned, 0, []);
      for (const path of reached) {
        const known = found.get(path.edge);
        if (!known || path.steps < known.steps) found.set(path.edge, { kind, field, selection: path.selection, steps: path.steps });
      }
    }
  }
  return [...found].map(([edge, root]) => ({ ...root, edge, label: `${edge}: ${root.field.name} ${root.selection}` }));
})();

const guardedTypename = /"__typename":"(Meeting|Decision)"/;
const member: TestCaller = { role: 'committee-member', subject: 'secretary@steering' };
const outsiders: TestCaller[] = [
  { role: 'dashboard', subject: 'dashboard@lead-ministry' },
  { role: 'alerts-service', subject: 'alerts@hub' },
];

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ limits: { maxCost: 1_000_000, maxTokens: 100_000, maxAliases: 1000, maxDepth: 20 } });
});
afterAll(() => hub?.stop());

/** The attack as it was found: a dashboard token reading every meeting through the bodies' action items. */
const throughActionItems = `{ coordinationBodies { actionItems { meeting { minutesRef recordedBy attendance { sector { id } present }
  decisions { id text status updates { note by } } } } } }`;

describe('every path to a meeting or a decision, for the dashboard and the alerts service', () => {
  it('finds the paths in the schema', () => {
    expect(roots.map((r) => r.edge)).toEqual(
      expect.arrayContaining([
        'ActionItem.meeting',
        'MeetingEdge.node',
        'MeetingPack.openDecisions',
        'CoordinationBody.decisions',
        'Query.meeting',
        'Query.decisions',
        'Mutation.updateDecision',
        'Mutation.recordMeeting',
      ]),
    );
  });

  it("the bodies' action items lead a committee member to their meetings and decisions", async () => {
    const answer = await hub.query(throughActionItems, {}, member);
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).toContain('"recordedBy"');
    expect(JSON.stringify(answer.data)).toContain('"updates"');
  });

  for (const outsider of outsiders) {
    it(`the bodies' action items lead the ${outsider.role} to no meeting`, async () => {
      const answer = await hub.query(throughActionItems, {}, outsider);
      expect(JSON.stringify(answer.data ?? null)).not.toContain('recordedBy');
      expect(JSON.stringify(answer.data ?? null)).not.toContain('"updates"');
      expect(answer.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    });
  }

  it.each(['ActionItem.meeting', 'Query.meeting', 'Query.decision', 'Query.decisions'])(
    'the path through %s reaches one for a committee member',
    async (edge) => {
      const root = roots.find((r) => r.edge === edge)!;
      const { text, variables } = operation(root.kind, root.field, root.selection);
      const answer = await hub.query(text, variables, member);
      expect(JSON.stringify(answer.data)).toMatch(guardedTypename);
    },
  );

  for (const outsider of outsiders) {
    it.each(roots)(`$label gives the ${outsider.role} none`, async ({ kind, field, selection }) => {
      const { text, variables } = operation(kind, field, selection);
      const before = await snapshotAll(hub);
      const answer = await hub.query(text, variables, outsider);
      expect(JSON.stringify(answer.data ?? null)).not.toMatch(guardedTypename);
      expect(answer.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
      expect(await snapshotAll(hub)).toBe(before);
    });
  }

  it('a meeting asked of the coordination subgraph by reference gives the dashboard nothing', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { id minutesRef recordedBy } } }`;
    const representations = [{ __typename: 'Meeting', id: 'bd-steering-2026-06-18' }];
    const asMember = await hub.askSubgraph('coordination', query, { r: representations }, member);
    expect(asMember.data).toMatchObject({ _entities: [{ id: 'bd-steering-2026-06-18' }] });
    const asDashboard = await hub.askSubgraph('coordination', query, { r: representations }, outsiders[0]);
    expect(JSON.stringify(asDashboard.data ?? null)).not.toContain('recordedBy');
    expect(JSON.stringify(asDashboard.data ?? null)).not.toContain('bd-steering-2026-06-18');
    expect(asDashboard.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});
