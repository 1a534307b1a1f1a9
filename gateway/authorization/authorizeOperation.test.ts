import { buildSchema, execute, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../platform/auth/identity.ts';
import { readAuthorizationPolicy } from '../../platform/auth/policy.ts';
import type { Scope } from '../../platform/auth/roles.ts';
import { authorizeOperation } from './authorizeOperation.ts';
import { completeResult } from './completeResult.ts';

/*
 * The gateway's field filter on a small schema with every shape a caller could use to reach a
 * protected field: aliases, named and inline fragments, interfaces, non-null fields, protected
 * types. Each operation is really executed after filtering, then completed, as the gateway does.
 */

const sdl = `
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  type Query {
    public: String
    cases: [Case!]!
    nodes: [Node!]!
    secretRoot: String @requiresScopes(scopes: [["cases:read"]])
    record: Record
    audit: [AuditEntry!] 
  }
  type Mutation { erase: Boolean @requiresScopes(scopes: [["framework:write"]]) }
  type Case { id: ID! district: String survivorCode: String @requiresScopes(scopes: [["cases:read"]]) detail: Detail }
  type Detail { note: String! @requiresScopes(scopes: [["cases:read"]]) label: String }
  interface Node { id: ID! name: String }
  type Open implements Node { id: ID! name: String }
  type Guarded implements Node { id: ID! name: String @requiresScopes(scopes: [["cases:read"], ["audit:read", "cases:write"]]) }
  type Record { id: ID! required: String! @requiresScopes(scopes: [["cases:read"]]) }
  type AuditEntry @requiresScopes(scopes: [["audit:read"]]) { id: ID! }
`;
const schema = buildSchema(sdl);
const policy = readAuthorizationPolicy(sdl);

const rootValue = {
  public: 'hello',
  cases: [
    { id: 'c1', district: 'Dhaka', survivorCode: 'S-1', detail: { note: 'n1', label: 'l1' } },
    { id: 'c2', district: 'Khulna', survivorCode: 'S-2', detail: { note: 'n2', label: 'l2' } },
  ],
  nodes: [
    { __typename: 'Open', id: 'o1', name: 'open' },
    { __typename: 'Guarded', id: 'g1', name: 'guarded' },
  ],
  secretRoot: 'secret',
  record: { id: 'r1', required: 'x' },
  audit: [{ id: 'a1' }],
  erase: true,
};
const resolveType = (value: { __typename: string }) => value.__typename;
(schema.getType('Node') as unknown as { resolveType: typeof resolveType }).resolveType = resolveType;

function as(...scopes: Scope[]): Identity {
  return { subject: 't', role: 'dashboard', sector: null, scopes };
}

/** Runs `query` for `identity` the way the gateway does: filter, execute, complete. */
function run(query: string, identity: Identity, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const authorized = authorizeOperation(schema, policy, identity, document, undefined);
  const result = execute({ schema, document: authorized?.document ?? document, rootValue, variableValues: variables }) as ExecutionResult;
  const answer = JSON.parse(JSON.stringify(result)) as { data?: Record<string, any> | null; errors?: any[] };
  if (authorized) completeResult(schema, authorized, variables, answer);
  return { ...answer, authorized };
}

describe('authorizeOperation', () => {
  it('leaves an operation the caller may read entirely unchanged', () => {
    const { authorized, data, errors } = run('{ public cases { id district detail { label } } }', as());
    expect(authorized).toBeNull();
    expect(errors).toBeUndefined();
    expect(data!.cases).toHaveLength(2);
  });

  it('removes a protected field behind an alias, answers null and names the field', () => {
    const { data, errors } = run('{ public innocent: cases { id harmless: survivorCode } }', as());
    expect(data).toEqual({
      public: 'hello',
      innocent: [
        { id: 'c1', harmless: null },
        { id: 'c2', harmless: null },
      ],
    });
    expect(errors).toHaveLength(1);
    expect(errors![0].message).toContain('Case.survivorCode');
    expect(errors![0].message).toContain('cases:read');
    expect(errors![0].path).toEqual(['innocent', 'harmless']);
    expect(errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('removes it from every place a named fragment is spread', () => {
    const { data, errors } = run('{ a: cases { ...F } b: cases { ...F } } fragment F on Case { id survivorCode }', as());
    expect(JSON.stringify(data)).not.toContain('S-');
    expect(data!.a[0]).toEqual({ id: 'c1', survivorCode: null });
    expect(errors!.map((e) => e.path)).toEqual([
      ['a', 'survivorCode'],
      ['b', 'survivorCode'],
    ]);
  });

  it('checks a field on an interface against every implementation, and applies inline fragments by runtime type', () => {
    const viaInterface = run('{ nodes { id name } }', as());
    expect(viaInterface.data!.nodes).toEqual([
      { id: 'o1', name: null },
      { id: 'g1', name: null },
    ]);
    expect(viaInterface.errors![0].message).toContain('Node.name');

    const viaFragment = run('{ nodes { id ... on Guarded { name } ... on Open { name } } }', as());
    expect(viaFragment.data!.nodes).toEqual([
      { id: 'o1', name: 'open' },
      { id: 'g1', name: null },
    ]);
    expect(JSON.stringify(viaFragment.data)).not.toContain('guarded');
  });

  it('accepts any one alternative of the scopes, each in full', () => {
    expect(run('{ nodes { ... on Guarded { name } } }', as('cases:read')).data!.nodes[1]).toEqual({ name: 'guarded' });
    expect(run('{ nodes { ... on Guarded { name } } }', as('audit:read', 'cases:write')).data!.nodes[1]).toEqual({ name: 'guarded' });
    expect(run('{ nodes { ... on Guarded { name } } }', as('audit:read')).data!.nodes[1]).toEqual({ name: null });
  });

  it('moves the null of a removed non-null field up to the nearest nullable position', () => {
    const nested = run('{ cases { id detail { label note } } }', as());
    expect(nested.data!.cases).toEqual([
      { id: 'c1', detail: null },
      { id: 'c2', detail: null },
    ]);
    const top = run('{ public record { id required } }', as());
    expect(top.data).toEqual({ public: 'hello', record: null });
  });

  it('protects every use of a protected type, and answers when nothing at all is left', () => {
    const { data, errors } = run('{ audit { id } }', as());
    expect(data).toEqual({ audit: null });
    expect(errors![0].message).toContain('Query.audit: it needs the scope audit:read');
    expect(run('{ secretRoot }', as()).data).toEqual({ secretRoot: null });
  });

  it('never runs a mutation the caller may not make', () => {
    const { data, authorized } = run('mutation { erase }', as());
    expect(data).toEqual({ erase: null });
    expect(authorized!.document.definitions).toHaveLength(1);
    expect(JSON.stringify(authorized!.document)).not.toContain('"erase"');
  });

  it('leaves a removed field out when the caller skipped it', () => {
    const { data } = run('query($s: Boolean!) { public secretRoot @skip(if: $s) }', as(), { s: true });
    expect(data).toEqual({ public: 'hello' });
  });
});
